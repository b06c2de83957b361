package dev.paperboy.core.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.core.account.UserId;
import dev.paperboy.core.embed.Vectors;
import dev.paperboy.core.paper.ArxivId;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecommenderTest {
  static final Instant NOW = Instant.parse("2026-03-02T07:00:00Z");

  static float[] v(float... xs) {
    return Vectors.normalizeInPlace(xs.clone());
  }

  static ArxivId id(int n) {
    return ArxivId.parse(String.format("2603.%05d", n));
  }

  static LikedItem liked(int n, String title, Instant at, float... xs) {
    return new LikedItem(new Like(id(900 + n), LikeKind.UPVOTE, at), title, v(xs));
  }

  // Two clusters: "vision" along x, "language" along y; 5 is halfway.
  static Candidates candidates() {
    Map<ArxivId, float[]> m = new LinkedHashMap<>();
    m.put(id(1), v(1, 0.05f, 0));
    m.put(id(2), v(1, 0.2f, 0));
    m.put(id(3), v(0.05f, 1, 0));
    m.put(id(4), v(0.2f, 1, 0));
    m.put(id(5), v(1, 1, 0));
    m.put(id(6), v(0, 0, 1));
    return Candidates.of(m);
  }

  @Test
  void picksAreRankedByTheModelAndExplainedByTheClosestLike() {
    List<LikedItem> likes =
        List.of(
            liked(1, "Vision A", NOW, 1, 0.1f, 0),
            liked(2, "Vision B", NOW, 1, 0.15f, 0.05f),
            liked(3, "Language A", NOW, 0.1f, 1, 0));
    Recommender r = new Recommender(CentroidModel.mean(), 0.5);
    List<Pick> picks = r.recommend(likes, candidates(), 3, p -> true, NOW);
    assertThat(picks).extracting(Pick::paper).containsExactly(id(5), id(2), id(1));
    assertThat(picks.get(1).because().title()).startsWith("Vision");
    assertThat(picks.get(1).reason())
        .isEqualTo("similar to \u201c" + picks.get(1).because().title() + "\u201d you upvoted");
    assertThat(picks).allMatch(p -> p.similarity() >= 0.5);
  }

  @Test
  void nearestLikedKeepsTwoInterestsApart() {
    List<LikedItem> likes =
        List.of(liked(1, "Vision", NOW, 1, 0, 0), liked(2, "Language", NOW, 0, 1, 0));
    List<Pick> mean =
        new Recommender(CentroidModel.mean(), 0).recommend(likes, candidates(), 1, p -> true, NOW);
    List<Pick> nearest =
        new Recommender(new NearestLikedModel(1), 0)
            .recommend(likes, candidates(), 2, p -> true, NOW);
    assertThat(mean.get(0).paper()).as("the mean sits between the interests").isEqualTo(id(5));
    assertThat(nearest).extracting(Pick::paper).containsExactlyInAnyOrder(id(1), id(3));
  }

  @Test
  void recencyWeightingFollowsNewInterests() {
    List<LikedItem> likes =
        List.of(
            liked(1, "Old vision", NOW.minus(Duration.ofDays(300)), 1, 0, 0),
            liked(2, "Old vision 2", NOW.minus(Duration.ofDays(300)), 1, 0.1f, 0),
            liked(3, "New language", NOW.minus(Duration.ofDays(1)), 0, 1, 0));
    ArxivId plain =
        new Recommender(CentroidModel.mean(), 0)
            .recommend(likes, candidates(), 1, p -> true, NOW)
            .get(0)
            .paper();
    ArxivId recent =
        new Recommender(CentroidModel.recencyWeighted(Duration.ofDays(30)), 0)
            .recommend(likes, candidates(), 1, p -> true, NOW)
            .get(0)
            .paper();
    assertThat(plain).isIn(id(1), id(2), id(5));
    assertThat(recent).isIn(id(3), id(4));
  }

  @Test
  void logisticRegressionSeparatesLikesFromTheBackground() {
    List<float[]> background = List.of(v(0, 0, 1), v(0.1f, 0, 1), v(0, 0.1f, 1), v(1, 1, 1));
    LogisticModel model = new LogisticModel(background, 0.01, 200);
    List<LikedItem> likes =
        List.of(liked(1, "Language", NOW, 0, 1, 0.2f), liked(2, "Language 2", NOW, 0.1f, 1, 0));
    List<Pick> picks = new Recommender(model, 0).recommend(likes, candidates(), 2, p -> true, NOW);
    assertThat(picks).extracting(Pick::paper).containsExactlyInAnyOrder(id(3), id(4));
    float[] w = model.weights(List.of(v(0, 1, 0)));
    assertThat(w[1]).isGreaterThan(w[2]);
  }

  @Test
  void likedAndExcludedPapersAreNeverPickedAndWeakMatchesAreDropped() {
    Map<ArxivId, float[]> m = new LinkedHashMap<>(Map.of(id(900 + 1), v(1, 0, 0)));
    m.put(id(2), v(1, 0.2f, 0));
    m.put(id(6), v(0, 0, 1));
    List<LikedItem> likes = List.of(liked(1, "Vision", NOW, 1, 0, 0));
    Recommender r = new Recommender(CentroidModel.mean(), 0.5);
    assertThat(r.recommend(likes, Candidates.of(m), 5, p -> true, NOW))
        .extracting(Pick::paper)
        .containsExactly(id(2));
    assertThat(r.recommend(likes, Candidates.of(m), 5, p -> !p.equals(id(2)), NOW)).isEmpty();
    assertThat(r.recommend(List.of(), Candidates.of(m), 5, p -> true, NOW)).isEmpty();
    assertThatThrownBy(() -> new Recommender(CentroidModel.mean(), 2))
        .hasMessageContaining("minSimilarity");
  }

  @Test
  void combinedSourcesCountAPaperOnceWithItsNewestLike() {
    UserId u = UserId.random();
    LikedPapers votes =
        (user, limit) -> List.of(new Like(id(1), LikeKind.UPVOTE, NOW.minusSeconds(10)));
    LikedPapers saves =
        (user, limit) ->
            List.of(
                new Like(id(1), LikeKind.SAVE, NOW),
                new Like(id(2), LikeKind.SAVE, NOW.minusSeconds(5)));
    List<Like> all = LikedPapers.combined(List.of(votes, saves)).likesOf(u, 10);
    assertThat(all).extracting(Like::paper).containsExactly(id(1), id(2));
    assertThat(all.get(0).kind()).isEqualTo(LikeKind.SAVE);
    assertThat(LikedPapers.combined(List.of(votes, saves)).likesOf(u, 1)).hasSize(1);
  }
}
