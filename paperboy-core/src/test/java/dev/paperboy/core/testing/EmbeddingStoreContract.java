package dev.paperboy.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.embed.DocumentText;
import dev.paperboy.core.embed.EmbeddingStore;
import dev.paperboy.core.embed.StoredVector;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.paper.PaperStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EmbeddingStore} must do. Implementations extend this class and return new,
 * empty stores from {@link #openStores()}; vectors may need their paper stored first (a foreign
 * key), so the contract stores the papers it uses.
 */
public abstract class EmbeddingStoreContract {

  /** A paper store and the embedding store next to it, both empty. */
  public record Stores(PaperStore papers, EmbeddingStore vectors, AutoCloseable closer) {}

  protected Stores stores;
  protected EmbeddingStore vectors;

  protected abstract Stores openStores() throws Exception;

  @BeforeEach
  void open() throws Exception {
    stores = openStores();
    vectors = stores.vectors();
    List<Paper> papers = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      papers.add(paper(i, "Paper " + i));
    }
    stores.papers().upsertPapers(papers);
  }

  @AfterEach
  void close() throws Exception {
    if (stores != null) {
      stores.closer().close();
    }
  }

  protected static Paper paper(int n, String title) {
    return Papers.paper(String.format("2501.%05d", n), title);
  }

  protected static ArxivId id(int n) {
    return ArxivId.parse(String.format("2501.%05d", n));
  }

  protected static StoredVector vector(int n, String model, Paper p, float... v) {
    return new StoredVector(id(n), model, DocumentText.hash(DocumentText.of(p)), v);
  }

  /**
   * Whether a new vector stamps its paper in the paper store's change sequence (the index holds
   * vectors, so a follower must index the paper again). Stores kept apart in memory do not.
   */
  protected boolean stampsPapers() {
    return true;
  }

  @Test
  void aNewVectorStampsItsPaperInTheChangeSequence() {
    org.junit.jupiter.api.Assumptions.assumeTrue(stampsPapers(), "stores kept apart");
    long before = stores.papers().changeHorizon();
    vectors.putVectors(List.of(vector(3, "m", paper(3, "Paper 3"), 1f, 0f)));
    assertThat(stores.papers().changeHorizon()).isGreaterThan(before);
    assertThat(stores.papers().changesAfter(before, 10))
        .extracting(dev.paperboy.core.paper.PaperChange::id)
        .containsExactly(id(3));
  }

  @Test
  void storesAndFindsVectorsByModel() {
    float[] v1 = {0.6f, 0.8f, 0f};
    vectors.putVectors(
        List.of(
            vector(1, "m", paper(1, "Paper 1"), v1),
            vector(2, "m", paper(2, "Paper 2"), 0f, 1f, 0f),
            vector(1, "other", paper(1, "Paper 1"), 1f, 0f)));
    Map<ArxivId, StoredVector> found = vectors.findVectors(List.of(id(1), id(2), id(3)), "m");
    assertThat(found).containsOnlyKeys(id(1), id(2));
    assertThat(found.get(id(1)).vector()).containsExactly(v1);
    assertThat(found.get(id(1)).textHash())
        .isEqualTo(DocumentText.hash(DocumentText.of(paper(1, "Paper 1"))));
    assertThat(vectors.findVectors(List.of(id(1)), "other").get(id(1)).vector())
        .containsExactly(1f, 0f);
    assertThat(vectors.countVectors("m")).isEqualTo(2);
    assertThat(vectors.countVectors("other")).isEqualTo(1);
    assertThat(vectors.countVectors("none")).isZero();
    assertThat(vectors.findVectors(List.of(), "m")).isEmpty();
  }

  @Test
  void writingAgainReplacesAndIsIdempotent() {
    Paper p = paper(1, "Paper 1");
    vectors.putVectors(List.of(vector(1, "m", p, 1f, 0f)));
    vectors.putVectors(List.of(vector(1, "m", p, 0f, 1f)));
    vectors.putVectors(List.of(vector(1, "m", p, 0f, 1f)));
    assertThat(vectors.countVectors("m")).isEqualTo(1);
    assertThat(vectors.findVectors(List.of(id(1)), "m").get(id(1)).vector())
        .containsExactly(0f, 1f);
  }

  @Test
  void pagesThroughVectorsInIdOrder() {
    List<StoredVector> rows = new ArrayList<>();
    for (int n : new int[] {4, 2, 5, 1, 3}) {
      rows.add(vector(n, "m", paper(n, "Paper " + n), n, 1f));
    }
    vectors.putVectors(rows);
    List<ArxivId> seen = new ArrayList<>();
    ArxivId after = null;
    while (true) {
      List<StoredVector> page = vectors.vectorsAfter(after, "m", 2);
      if (page.isEmpty()) {
        break;
      }
      assertThat(page.size()).isLessThanOrEqualTo(2);
      page.forEach(v -> seen.add(v.id()));
      after = page.get(page.size() - 1).id();
    }
    assertThat(seen).containsExactly(id(1), id(2), id(3), id(4), id(5));
    assertThat(vectors.vectorsAfter(id(5), "m", 10)).isEmpty();
    assertThat(vectors.vectorsAfter(null, "other", 10)).isEmpty();
  }

  @Test
  void aVectorOfChangedTextIsNotCurrent() {
    Paper old = paper(1, "Paper 1");
    vectors.putVectors(
        List.of(vector(1, "m", old, 1f, 0f), vector(2, "m", paper(2, "Paper 2"), 0f, 1f)));
    Paper changed = old.toBuilder().abstractText("Rewritten.").build();
    Map<ArxivId, float[]> current =
        vectors.currentVectors(List.of(changed, paper(2, "Paper 2"), paper(3, "Paper 3")), "m");
    assertThat(current).containsOnlyKeys(id(2));
    assertThat(vectors.lookup("m").vectorsFor(List.of(old))).containsOnlyKeys(id(1));
    assertThat(vectors.lookup("other").vectorsFor(List.of(old))).isEmpty();
  }

  @Test
  void keepsEveryFloatBitForBit() {
    float[] v = {Float.MIN_VALUE, -0.0f, 1e-30f, 0.123456789f, -3.4028235e38f};
    vectors.putVectors(List.of(vector(3, "m", paper(3, "Paper 3"), v)));
    assertThat(vectors.findVectors(List.of(id(3)), "m").get(id(3)).vector()).containsExactly(v);
  }
}
