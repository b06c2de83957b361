package dev.paperboy.core.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.core.embed.Vectors;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.recommend.Candidates;
import dev.paperboy.core.recommend.CentroidModel;
import dev.paperboy.core.recommend.Like;
import dev.paperboy.core.recommend.LikeKind;
import dev.paperboy.core.recommend.LikedItem;
import dev.paperboy.core.recommend.Pick;
import dev.paperboy.core.recommend.Recommender;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotInterestedModelTest {
  static final Instant NOW = Instant.parse("2025-06-25T00:00:00Z");

  static float[] v(float... xs) {
    return Vectors.normalizeInPlace(xs.clone());
  }

  static final ArxivId LIKED = ArxivId.parse("2506.00001");
  static final ArxivId NEAR_X = ArxivId.parse("2506.00002"); // close to the like, along x
  static final ArxivId NEAR_Y = ArxivId.parse("2506.00003"); // a bit less close, along y
  static final ArxivId FAR = ArxivId.parse("2506.00004");

  static Candidates candidates() {
    Map<ArxivId, float[]> m = new LinkedHashMap<>();
    m.put(NEAR_X, v(1f, 0.3f, 0f, 0f));
    m.put(NEAR_Y, v(1f, 0f, 0.45f, 0f));
    m.put(FAR, v(0f, 0f, 0f, 1f));
    return Candidates.of(m);
  }

  static List<LikedItem> liked() {
    return List.of(new LikedItem(new Like(LIKED, LikeKind.SAVE, NOW), "Liked", v(1f, 0f, 0f, 0f)));
  }

  List<ArxivId> ranking(Recommender r) {
    return r.recommend(liked(), candidates(), 3, id -> true, NOW).stream()
        .map(Pick::paper)
        .toList();
  }

  @Test
  void withoutMarksTheBaseModelRanksUnchanged() {
    Recommender plain = new Recommender(CentroidModel.mean(), -1);
    Recommender wrapped =
        new Recommender(new NotInterestedModel(CentroidModel.mean(), List.of(), 0.5), -1);
    assertThat(ranking(wrapped)).isEqualTo(ranking(plain)).containsExactly(NEAR_X, NEAR_Y, FAR);
  }

  @Test
  void aDismissedPaperPushesItsNeighboursDown() {
    // "Not interested" in a paper along x: NEAR_X, its neighbour, now ranks below NEAR_Y.
    Recommender r =
        new Recommender(
            new NotInterestedModel(CentroidModel.mean(), List.of(v(0.2f, 1f, 0f, 0f)), 0.5), -1);
    assertThat(ranking(r)).containsExactly(NEAR_Y, NEAR_X, FAR);
    assertThat(r.model().name()).isEqualTo("centroid+not-interested");
  }

  @Test
  void aNegativeWeightIsRefused() {
    assertThatThrownBy(() -> new NotInterestedModel(CentroidModel.mean(), List.of(), -1))
        .hasMessageContaining("weight");
  }
}
