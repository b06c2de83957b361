package dev.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.core.embed.DocumentText;
import dev.paperboy.core.embed.StoredVector;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.search.SearchHit;
import dev.paperboy.core.search.SearchMode;
import dev.paperboy.core.search.SearchQuery;
import dev.paperboy.core.search.SearchResult;
import dev.paperboy.core.testing.InMemoryEmbeddingStore;
import dev.paperboy.core.testing.Papers;
import dev.paperboy.search.embed.ModelSpec;
import dev.paperboy.search.embed.OnnxEmbedder;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Semantic, hybrid and similar-paper search with the bundled model. */
class SemanticSearchTest {
  static OnnxEmbedder embedder;

  static final Paper VACCINES =
      paper(
          "2501.00001",
          "Immunological memory after vaccination",
          "Vaccines expose the immune system to an antigen so that it forms memory B and T cells"
              + " that respond quickly to a later infection.",
          "q-bio.CB");
  static final Paper RAILWAYS =
      paper(
          "2501.00002",
          "Timetables of European railways",
          "We study how train schedules across Europe were harmonised in the nineteenth century.",
          "physics.hist-ph");
  static final Paper FOLDING =
      paper(
          "2501.00003",
          "Predicting protein structure with deep learning",
          "A neural network predicts the three-dimensional shape of proteins from their amino acid"
              + " sequence.",
          "q-bio.BM");
  static final Paper ANTIBODIES =
      paper(
          "2501.00004",
          "Antibody responses to booster shots",
          "Booster doses raise neutralising antibody levels and strengthen immune memory against"
              + " viral infection.",
          "q-bio.CB");

  /** Gets no vector: stands for a paper the embedding job has not reached yet. */
  static final Paper NO_VECTOR =
      paper(
          "2501.00005",
          "Zyxomorphic lattices",
          "Zyxomorphic lattices are a made-up structure with a made-up name.",
          "math.CO");

  final InMemoryEmbeddingStore store = new InMemoryEmbeddingStore();
  LuceneSearchIndex index;

  @BeforeAll
  static void loadModel() {
    embedder = OnnxEmbedder.create(ModelSpec.BGE_SMALL_EN_V15_Q, 1, 8);
  }

  @AfterAll
  static void closeModel() {
    embedder.close();
  }

  static Paper paper(String id, String title, String abstractText, String category) {
    return Papers.paper(id, title, abstractText).toBuilder()
        .primaryCategory(null)
        .categories(List.of(category))
        .listingDate(LocalDate.of(2025, 1, 15))
        .build();
  }

  LuceneSearchIndex.Semantic semantic() {
    return new LuceneSearchIndex.Semantic(
        embedder, store.lookup(embedder.modelName()), HybridOptions.DEFAULTS);
  }

  /** Stores vectors for all papers but {@link #NO_VECTOR}, then indexes every paper. */
  @BeforeEach
  void build() {
    List<Paper> withVectors = List.of(VACCINES, RAILWAYS, FOLDING, ANTIBODIES);
    List<float[]> vectors =
        embedder.embedDocuments(withVectors.stream().map(DocumentText::of).toList());
    List<StoredVector> rows = new ArrayList<>();
    for (int i = 0; i < withVectors.size(); i++) {
      Paper p = withVectors.get(i);
      rows.add(
          new StoredVector(
              p.id(), embedder.modelName(), DocumentText.hash(DocumentText.of(p)), vectors.get(i)));
    }
    store.putVectors(rows);
    index = LuceneSearchIndex.inMemory(LuceneSearchIndex.Options.DEFAULTS, semantic());
    index.index(List.of(VACCINES, RAILWAYS, FOLDING, ANTIBODIES, NO_VECTOR));
    index.commit();
  }

  @AfterEach
  void close() {
    index.close();
  }

  static List<ArxivId> ids(SearchResult r) {
    return r.hits().stream().map(SearchHit::id).toList();
  }

  @Test
  void semanticSearchFindsPapersByMeaningWithoutSharedWords() {
    SearchResult r =
        index.search(
            SearchQuery.of("how shots teach the body to fight viruses", SearchMode.SEMANTIC, 2));
    assertThat(ids(r)).containsExactlyInAnyOrder(VACCINES.id(), ANTIBODIES.id());
    // The same words find nothing by keywords.
    assertThat(index.search(SearchQuery.of("teach body fight viruses", SearchMode.BM25, 10)).hits())
        .isEmpty();
  }

  @Test
  void semanticResultsAreScoredByCosineAndOnlyCoverPapersWithVectors() {
    SearchResult r =
        index.search(SearchQuery.of("protein shape prediction", SearchMode.SEMANTIC, 10));
    assertThat(ids(r).get(0)).isEqualTo(FOLDING.id());
    assertThat(ids(r)).doesNotContain(NO_VECTOR.id()).hasSize(4);
    assertThat(r.hits().get(0).score()).isBetween(0.5, 1.0);
    assertThat(r.hits().get(0).score()).isGreaterThan(r.hits().get(1).score());
  }

  @Test
  void filtersApplyToVectorSearch() {
    SearchQuery q =
        new SearchQuery(
            "immune memory after vaccines",
            SearchMode.SEMANTIC,
            Set.of("physics.hist-ph"),
            null,
            null,
            false,
            0,
            10);
    assertThat(ids(index.search(q))).containsExactly(RAILWAYS.id());
    SearchQuery hybrid =
        new SearchQuery(
            "immune memory", SearchMode.HYBRID, Set.of("q-bio.BM"), null, null, false, 0, 10);
    assertThat(ids(index.search(hybrid))).containsExactly(FOLDING.id());
  }

  @Test
  void hybridFindsAPaperWithoutAVectorThroughItsKeywords() {
    SearchResult r = index.search(SearchQuery.of("zyxomorphic lattices", SearchMode.HYBRID, 10));
    assertThat(ids(r).get(0)).isEqualTo(NO_VECTOR.id());
    assertThat(r.hits().get(0).title().hasMatch()).isTrue();
    assertThat(ids(index.search(SearchQuery.of("zyxomorphic lattices", SearchMode.SEMANTIC, 10))))
        .doesNotContain(NO_VECTOR.id());
  }

  @Test
  void hybridRanksByBothSignals() {
    // "immune memory" matches both immunology papers by keywords and by meaning.
    List<ArxivId> top = ids(index.search(SearchQuery.of("immune memory", SearchMode.HYBRID, 2)));
    assertThat(top).containsExactlyInAnyOrder(VACCINES.id(), ANTIBODIES.id());
  }

  @Test
  void pagesOfFusedResultsDoNotOverlap() {
    SearchQuery first =
        new SearchQuery("immunity", SearchMode.HYBRID, Set.of(), null, null, false, 0, 2);
    SearchQuery second =
        new SearchQuery("immunity", SearchMode.HYBRID, Set.of(), null, null, false, 2, 2);
    List<ArxivId> all = new ArrayList<>(ids(index.search(first)));
    all.addAll(ids(index.search(second)));
    assertThat(all).doesNotHaveDuplicates().hasSize(4);
  }

  @Test
  void similarPapersComeFromThePapersOwnVector() {
    List<SearchHit> similar = index.similar(VACCINES.id(), 3);
    assertThat(similar).extracting(SearchHit::id).doesNotContain(VACCINES.id()).hasSize(3);
    assertThat(similar.get(0).id()).isEqualTo(ANTIBODIES.id());
    assertThat(index.similar(ArxivId.parse("2601.00001"), 3)).isEmpty();
  }

  @Test
  void similarFallsBackToMoreLikeThisWithoutAVector() {
    Paper cousin =
        paper(
            "2501.00006",
            "More zyxomorphic lattices",
            "Further made-up zyxomorphic lattices and their made-up structure.",
            "math.CO");
    index.index(List.of(cousin));
    index.commit();
    List<SearchHit> similar = index.similar(NO_VECTOR.id(), 3);
    assertThat(similar).extracting(SearchHit::id).first().isEqualTo(cousin.id());
    assertThat(similar).extracting(SearchHit::id).doesNotContain(NO_VECTOR.id());
  }

  @Test
  void indexingReadsStoredVectorsAndNeverEmbeds(@TempDir Path dir) {
    CountingEmbedder counting = new CountingEmbedder(embedder);
    try (LuceneSearchIndex fresh =
        LuceneSearchIndex.open(
            dir,
            LuceneSearchIndex.Options.DEFAULTS,
            new LuceneSearchIndex.Semantic(
                counting, store.lookup(embedder.modelName()), HybridOptions.DEFAULTS))) {
      fresh.index(List.of(VACCINES, RAILWAYS, FOLDING, ANTIBODIES, NO_VECTOR));
      fresh.commit();
      assertThat(counting.documents).isZero();
    }
    // Reopened from disk, the vectors are still there.
    try (LuceneSearchIndex reopened =
        LuceneSearchIndex.open(dir, LuceneSearchIndex.Options.DEFAULTS, semantic())) {
      assertThat(ids(reopened.search(SearchQuery.of("protein shape", SearchMode.SEMANTIC, 1))))
          .containsExactly(FOLDING.id());
    }
  }

  @Test
  void aChangedPaperLosesItsStaleVector() {
    Paper changed = RAILWAYS.toBuilder().version(2).abstractText("Now about immunology.").build();
    index.index(List.of(changed));
    index.commit();
    assertThat(ids(index.search(SearchQuery.of("trains", SearchMode.SEMANTIC, 10))))
        .doesNotContain(RAILWAYS.id());
  }

  @Test
  void withoutAModelSemanticIsRefusedAndHybridIsKeywordSearch() {
    try (LuceneSearchIndex plain = LuceneSearchIndex.inMemory()) {
      plain.index(List.of(VACCINES, RAILWAYS));
      plain.commit();
      assertThatThrownBy(() -> plain.search(SearchQuery.of("x", SearchMode.SEMANTIC, 10)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("no embedding model is configured");
      assertThat(ids(plain.search(SearchQuery.of("railways", SearchMode.HYBRID, 10))))
          .containsExactly(RAILWAYS.id());
      assertThat(plain.similar(RAILWAYS.id(), 5)).isEmpty(); // no shared terms with the other
    }
  }

  /** Delegates to the real model and counts document embeddings. */
  static final class CountingEmbedder implements dev.paperboy.core.embed.Embedder {
    final dev.paperboy.core.embed.Embedder delegate;
    int documents;

    CountingEmbedder(dev.paperboy.core.embed.Embedder delegate) {
      this.delegate = delegate;
    }

    @Override
    public String modelName() {
      return delegate.modelName();
    }

    @Override
    public int dimension() {
      return delegate.dimension();
    }

    @Override
    public float[] embedQuery(String query) {
      return delegate.embedQuery(query);
    }

    @Override
    public List<float[]> embedDocuments(List<String> texts) {
      documents += texts.size();
      return delegate.embedDocuments(texts);
    }

    @Override
    public void close() {}
  }
}
