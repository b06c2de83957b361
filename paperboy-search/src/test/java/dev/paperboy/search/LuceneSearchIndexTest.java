package dev.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.search.Highlighted;
import dev.paperboy.core.search.Highlighted.Fragment;
import dev.paperboy.core.search.SearchHit;
import dev.paperboy.core.search.SearchMode;
import dev.paperboy.core.search.SearchQuery;
import dev.paperboy.core.search.SearchResult;
import dev.paperboy.core.testing.Papers;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneSearchIndexTest {

  private final LuceneSearchIndex index = LuceneSearchIndex.inMemory();

  @AfterEach
  void close() {
    index.close();
  }

  static Paper paper(
      String id,
      String title,
      String abstractText,
      List<String> categories,
      @Nullable LocalDate date,
      @Nullable String code) {
    return Papers.paper(id, title, abstractText).toBuilder()
        .primaryCategory(null)
        .categories(categories)
        .listingDate(date)
        .codeUrl(code)
        .build();
  }

  private void add(Paper... papers) {
    index.index(List.of(papers));
    index.commit();
  }

  private SearchResult search(String text) {
    return index.search(SearchQuery.of(text, SearchMode.BM25, 100));
  }

  private List<String> ids(SearchResult r) {
    return r.hits().stream().map(h -> h.id().value()).toList();
  }

  private static SearchQuery filtered(
      String text,
      Set<String> categories,
      @Nullable LocalDate from,
      @Nullable LocalDate to,
      boolean code) {
    return new SearchQuery(text, SearchMode.BM25, categories, from, to, code, 0, 100);
  }

  /** The marked words of a highlight. */
  private static List<String> marked(Highlighted h) {
    return h.fragments().stream().filter(Fragment::match).map(Fragment::text).toList();
  }

  // --- ranking ---------------------------------------------------------------------------------

  @Test
  void ranksByBm25OverTitleAbstractAndAuthors() {
    add(
        Papers.paper(
            "2501.00001",
            "Graph neural networks",
            "Message passing on graphs with neural networks."),
        Papers.paper("2501.00002", "Protein folding", "A graph of contacts between residues."),
        Papers.paper("2501.00003", "Weather forecasting", "Numerical models of the atmosphere."));
    SearchResult r = search("graph neural networks");
    assertThat(ids(r)).containsExactly("2501.00001", "2501.00002");
    assertThat(r.total()).isEqualTo(2);
    assertThat(r.hits().get(0).score()).isGreaterThan(r.hits().get(1).score());
    // Authors are searchable too: Papers.paper gives every paper Ada Lovelace and Alan Turing.
    assertThat(search("lovelace").total()).isEqualTo(3);
  }

  @Test
  void shorterDocumentsWinForEqualMatchesAndRareTermsWeighMore() {
    add(
        Papers.paper("2501.00001", "Diffusion models", "Diffusion models."),
        Papers.paper(
            "2501.00002",
            "Diffusion models",
            "Diffusion models for images, audio, video, text and molecules in many settings."),
        Papers.paper("2501.00003", "Models", "Models of models."),
        Papers.paper("2501.00004", "Models", "Models again."));
    assertThat(ids(search("diffusion models")).subList(0, 2))
        .containsExactly("2501.00001", "2501.00002");
  }

  @Test
  void matchesStemsAndIgnoresCaseAndStopwords() {
    add(Papers.paper("2501.00001", "Networks of Running Processes", "We study the scheduling."));
    assertThat(search("network").total()).isEqualTo(1);
    assertThat(search("NETWORKING runs").total()).isEqualTo(1);
    assertThat(search("schedules").total()).isEqualTo(1);
    assertThat(search("the of and").hits()).isEmpty();
    assertThat(search("the of and").total()).isZero();
  }

  @Test
  void phrasesAreRequiredAndExclusionsRemove() {
    add(
        Papers.paper("2501.00001", "Sparse mixture of experts", "Routing tokens to experts."),
        Papers.paper("2501.00002", "Mixture models of sparse experts", "Experts and mixtures."),
        Papers.paper("2501.00003", "Dense mixture of experts", "No routing."));
    assertThat(ids(search("\"mixture of experts\"")))
        .containsExactlyInAnyOrder("2501.00001", "2501.00003");
    assertThat(ids(search("\"mixture of experts\" sparse")).get(0)).isEqualTo("2501.00001");
    assertThat(search("\"mixture of experts\" sparse").total()).isEqualTo(2);
    assertThat(ids(search("experts -dense"))).containsExactlyInAnyOrder("2501.00001", "2501.00002");
    assertThat(ids(search("experts -\"sparse mixture\"")))
        .containsExactlyInAnyOrder("2501.00002", "2501.00003");
    assertThat(ids(search("rout*"))).containsExactlyInAnyOrder("2501.00001", "2501.00003");
  }

  @Test
  void aPhraseDoesNotMatchAcrossTitleAndAbstract() {
    add(Papers.paper("2501.00001", "Learning to rank", "Graphs are everywhere."));
    assertThat(search("\"rank graphs\"").total()).isZero();
    assertThat(search("\"learning to rank\"").total()).isEqualTo(1);
  }

  @Test
  void titleBoostIsOffByDefaultAndAnOption() {
    Paper inTitle =
        Papers.paper(
            "2501.00001",
            "Quantum error correction",
            "We present a scheme for storing information reliably on noisy hardware with few extra parts.");
    Paper inAbstract =
        Papers.paper(
            "2501.00002",
            "A scheme for noisy hardware",
            "Quantum error correction, quantum codes and quantum error correction again.");
    add(inTitle, inAbstract);
    assertThat(ids(search("quantum error correction")).get(0)).isEqualTo("2501.00002");
    try (LuceneSearchIndex boosted =
        LuceneSearchIndex.inMemory(LuceneSearchIndex.Options.DEFAULTS.withTitleBoost(3f))) {
      boosted.index(List.of(inTitle, inAbstract));
      boosted.commit();
      SearchResult r =
          boosted.search(SearchQuery.of("quantum error correction", SearchMode.BM25, 10));
      assertThat(ids(r).get(0)).isEqualTo("2501.00001");
      assertThat(r.total()).isEqualTo(2);
    }
  }

  @Test
  void optionsAreValidated() {
    assertThatThrownBy(() -> new LuceneSearchIndex.Options(-1f, 0.4f, 0f, 240, 1))
        .hasMessageContaining("k1");
    assertThatThrownBy(() -> new LuceneSearchIndex.Options(0.9f, 1.5f, 0f, 240, 1))
        .hasMessageContaining("b must be between 0 and 1, b: 1.5");
    assertThatThrownBy(() -> new LuceneSearchIndex.Options(0.9f, 0.4f, Float.NaN, 240, 1))
        .hasMessageContaining("titleBoost");
    assertThatThrownBy(() -> new LuceneSearchIndex.Options(0.9f, 0.4f, 0f, 5, 1))
        .hasMessageContaining("snippetChars");
    assertThatThrownBy(() -> new LuceneSearchIndex.Options(0.9f, 0.4f, 0f, 240, 0))
        .hasMessageContaining("indexThreads must be between 1 and 64, indexThreads: 0");
  }

  // --- filters ---------------------------------------------------------------------------------

  private void addFilterFixtures() {
    add(
        paper(
            "2501.00001",
            "Robot learning",
            "Robots.",
            List.of("cs.RO", "cs.LG"),
            LocalDate.of(2025, 1, 10),
            "https://github.com/a/b"),
        paper(
            "2501.00002",
            "Robot vision",
            "Robots.",
            List.of("cs.CV"),
            LocalDate.of(2025, 2, 20),
            null),
        paper(
            "2501.00003",
            "Robot economics",
            "Robots.",
            List.of("econ.GN"),
            LocalDate.of(2025, 3, 5),
            "https://gitlab.com/c/d"),
        paper("2501.00004", "Robot theory", "Robots.", List.of("hep-th"), null, null));
  }

  @Test
  void filtersByAnyOfTheCategoriesIgnoringCaseOrByArchive() {
    addFilterFixtures();
    assertThat(ids(index.search(filtered("robot", Set.of("cs.LG", "econ.GN"), null, null, false))))
        .containsExactlyInAnyOrder("2501.00001", "2501.00003");
    assertThat(ids(index.search(filtered("robot", Set.of("CS.cv"), null, null, false))))
        .containsExactly("2501.00002");
    assertThat(ids(index.search(filtered("robot", Set.of("cs"), null, null, false))))
        .containsExactlyInAnyOrder("2501.00001", "2501.00002");
    assertThat(ids(index.search(filtered("robot", Set.of("hep-th"), null, null, false))))
        .containsExactly("2501.00004");
    assertThat(index.search(filtered("robot", Set.of("math.AG"), null, null, false)).total())
        .isZero();
    assertThat(index.search(filtered("robot", Set.of(" "), null, null, false)).total())
        .isEqualTo(4);
  }

  @Test
  void filtersByInclusiveDateRangeAndLeavesOutUndatedPapers() {
    addFilterFixtures();
    assertThat(
            ids(
                index.search(
                    filtered(
                        "robot",
                        Set.of(),
                        LocalDate.of(2025, 1, 10),
                        LocalDate.of(2025, 2, 20),
                        false))))
        .containsExactlyInAnyOrder("2501.00001", "2501.00002");
    assertThat(
            ids(index.search(filtered("robot", Set.of(), LocalDate.of(2025, 2, 21), null, false))))
        .containsExactly("2501.00003");
    assertThat(
            ids(index.search(filtered("robot", Set.of(), null, LocalDate.of(2025, 1, 9), false))))
        .isEmpty();
    assertThat(index.search(filtered("robot", Set.of(), null, null, false)).total()).isEqualTo(4);
  }

  @Test
  void dateFilterUsesTheDisplayDate() {
    Paper submittedOnly =
        Papers.paper("2501.00009", "Robot dates", "Robots.").toBuilder()
            .listingDate(null)
            .submitted(LocalDate.of(2024, 12, 31))
            .build();
    add(submittedOnly);
    assertThat(
            index
                .search(
                    filtered(
                        "robot",
                        Set.of(),
                        LocalDate.of(2024, 12, 31),
                        LocalDate.of(2024, 12, 31),
                        false))
                .total())
        .isEqualTo(1);
  }

  @Test
  void filtersByCodeAndCombinesFilters() {
    addFilterFixtures();
    assertThat(ids(index.search(filtered("robot", Set.of(), null, null, true))))
        .containsExactlyInAnyOrder("2501.00001", "2501.00003");
    assertThat(
            ids(
                index.search(
                    filtered("robot", Set.of("cs", "econ"), LocalDate.of(2025, 2, 1), null, true))))
        .containsExactly("2501.00003");
    assertThat(
            index
                .search(filtered("robot", Set.of("cs"), LocalDate.of(2025, 2, 1), null, true))
                .total())
        .isZero();
  }

  @Test
  void filtersDoNotChangeScores() {
    addFilterFixtures();
    double unfiltered = search("robot learning").hits().get(0).score();
    double withFilter =
        index
            .search(filtered("robot learning", Set.of("cs.RO"), null, null, true))
            .hits()
            .get(0)
            .score();
    assertThat(withFilter).isEqualTo(unfiltered);
  }

  // --- pagination ------------------------------------------------------------------------------

  @Test
  void pagesHaveAnExactTotalAndDoNotOverlap() {
    List<Paper> papers = new ArrayList<>();
    for (int i = 1; i <= 25; i++) {
      // Different lengths give distinct scores, so the order is well defined.
      papers.add(
          Papers.paper(
              String.format("2501.%05d", i), "Tensor paper " + i, "tensor " + "filler ".repeat(i)));
    }
    papers.add(Papers.paper("2501.00099", "Unrelated", "Nothing here."));
    index.index(papers);
    index.commit();
    List<String> all = ids(search("tensor"));
    assertThat(all).hasSize(25);
    List<String> paged = new ArrayList<>();
    for (int offset = 0; offset < 30; offset += 10) {
      SearchResult page =
          index.search(
              new SearchQuery("tensor", SearchMode.BM25, Set.of(), null, null, false, offset, 10));
      assertThat(page.total()).isEqualTo(25);
      assertThat(page.hits()).hasSize(offset < 20 ? 10 : 5);
      paged.addAll(ids(page));
    }
    assertThat(paged).isEqualTo(all);
    SearchResult beyond =
        index.search(
            new SearchQuery(
                "tensor", SearchMode.BM25, Set.of(), null, null, false, 1_000_000, 1000));
    assertThat(beyond.hits()).isEmpty();
    assertThat(beyond.total()).isEqualTo(25);
    assertThat(beyond.took()).isPositive();
  }

  @Test
  void totalIsExactBeyondTheDefaultCountingThreshold() {
    List<Paper> papers = new ArrayList<>();
    for (int i = 1; i <= 1500; i++) {
      papers.add(Papers.paper(String.format("2501.%05d", i), "Common word " + i));
    }
    index.index(papers);
    index.commit();
    SearchResult r = index.search(SearchQuery.of("common", SearchMode.BM25, 5));
    assertThat(r.total()).isEqualTo(1500);
    assertThat(r.hits()).hasSize(5);
  }

  // --- highlighting ----------------------------------------------------------------------------

  @Test
  void marksTheMatchedWordsInTheWholeTitle() {
    add(Papers.paper("2501.00001", "Scaling Laws for Neural Language Models", "We study scaling."));
    SearchHit hit = search("neural language -scaling2").hits().get(0);
    assertThat(hit.title().text()).isEqualTo("Scaling Laws for Neural Language Models");
    assertThat(hit.title().fragments())
        .containsExactly(
            new Fragment("Scaling Laws for ", false),
            new Fragment("Neural", true),
            new Fragment(" ", false),
            new Fragment("Language", true),
            new Fragment(" Models", false));
  }

  @Test
  void marksStemmedFormsPhrasesAndPrefixesButNotExclusions() {
    add(
        Papers.paper(
            "2501.00001",
            "Routing networks",
            "A network routes tokens; the routers of mixture of experts learn routing."));
    SearchHit hit = search("network \"mixture of experts\" rout* -banana").hits().get(0);
    assertThat(marked(hit.title())).containsExactly("Routing", "networks");
    assertThat(marked(hit.snippet()))
        .containsExactly("network", "routes", "routers", "mixture of experts", "routing");
    assertThat(hit.snippet().text())
        .isEqualTo("A network routes tokens; the routers of mixture of experts learn routing.");
  }

  @Test
  void snippetIsTheBestPassageCutAtWordsWithEllipses() {
    String filler =
        "Earlier work studied many unrelated settings in considerable detail over the years. ";
    String abstractText =
        filler.repeat(6)
            + "Our main result is that contrastive pretraining improves retrieval of rare entities. "
            + filler.repeat(6);
    add(Papers.paper("2501.00001", "A long abstract", abstractText));
    Highlighted snippet = search("contrastive retrieval").hits().get(0).snippet();
    String text = snippet.text();
    assertThat(marked(snippet)).containsExactly("contrastive", "retrieval");
    assertThat(text).startsWith(FragmentFormatter.ELLIPSIS).endsWith(FragmentFormatter.ELLIPSIS);
    assertThat(text.length()).isBetween(150, 320);
    // Whole words only: the text between the ellipses is a run of complete words of the abstract.
    String inner = text.substring(1, text.length() - 1);
    assertThat(abstractText).contains(inner);
    int at = abstractText.indexOf(inner);
    assertThat(at == 0 || !Character.isLetterOrDigit(abstractText.charAt(at - 1))).isTrue();
    int end = at + inner.length();
    assertThat(end == abstractText.length() || !Character.isLetterOrDigit(abstractText.charAt(end)))
        .isTrue();
  }

  @Test
  void aMatchAtTheEndGivesAFullLengthSnippetWidenedBackwards() {
    String filler =
        "Earlier work studied many unrelated settings in considerable detail over the years. ";
    add(Papers.paper("2501.00001", "Tail", filler.repeat(8) + "In the end we use lasers."));
    Highlighted snippet = search("lasers").hits().get(0).snippet();
    assertThat(snippet.text()).startsWith(FragmentFormatter.ELLIPSIS).endsWith("we use lasers.");
    assertThat(snippet.text().length()).isBetween(200, 260);
    assertThat(marked(snippet)).containsExactly("lasers");
  }

  @Test
  void everyOccurrenceInsideTheSnippetIsMarked() {
    String filler = "Other sentences talk about unrelated things at some length here. ";
    String abstractText = ("Lasers are bright. " + filler).repeat(5) + "Finally, lasers.";
    add(Papers.paper("2501.00001", "Optics", abstractText));
    Highlighted snippet = search("lasers").hits().get(0).snippet();
    long inText = snippet.text().toLowerCase().split("lasers", -1).length - 1;
    assertThat(inText).isGreaterThanOrEqualTo(2);
    assertThat(marked(snippet)).hasSize((int) inText).allMatch(w -> w.equalsIgnoreCase("lasers"));
  }

  @Test
  void withoutAnAbstractMatchTheSnippetIsTheLeadAndTheTitleIsPlain() {
    String abstractText = "Word ".repeat(100).strip();
    add(Papers.paper("2501.00001", "Quantum title", abstractText));
    SearchHit byTitle = search("quantum").hits().get(0);
    assertThat(byTitle.snippet().hasMatch()).isFalse();
    assertThat(byTitle.snippet().text())
        .startsWith("Word Word")
        .endsWith("Word" + FragmentFormatter.ELLIPSIS);
    assertThat(byTitle.snippet().text().length())
        .isLessThanOrEqualTo(LuceneSearchIndex.Options.DEFAULTS.snippetChars() + 1);
    SearchHit byAuthor = search("turing").hits().get(0);
    assertThat(byAuthor.title()).isEqualTo(Highlighted.plain("Quantum title"));
    assertThat(byAuthor.snippet().hasMatch()).isFalse();
  }

  @Test
  void shortAbstractsAreShownWholeWithParagraphBreaksAsSpaces() {
    add(Papers.paper("2501.00001", "Title", "First paragraph about lasers.\n\nSecond paragraph."));
    Highlighted snippet = search("lasers").hits().get(0).snippet();
    assertThat(snippet.text()).isEqualTo("First paragraph about lasers. Second paragraph.");
    assertThat(marked(snippet)).containsExactly("lasers");
  }

  // --- hostile input ---------------------------------------------------------------------------

  @Test
  void hostileInputNeverThrows() {
    add(Papers.paper("2501.00001", "Robust parsing of queries", "Queries with quotes and stars."));
    List<String> inputs =
        List.of(
            "\"",
            "\"\"",
            "\"\"\"",
            "(",
            ")",
            "((a)",
            "*",
            "**",
            "-",
            "--",
            "- -",
            "-*",
            "-\"",
            "AND OR NOT",
            "a AND b OR c",
            "+",
            "|",
            "~",
            "~2",
            "a~",
            "\"a b\"~3",
            "\\",
            "\\\"",
            ":",
            "title:robust",
            "[a TO b]",
            "{*}",
            "?",
            "a?b",
            "/regex/",
            "^2",
            "robust^10",
            "\u0000",
            "\uFFFF",
            "\uD800",
            "\uDC00x",
            "😀 queries",
            "日本語の論文",
            "Ωμέγα",
            "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
            "ab* ".repeat(200),
            "robust ".repeat(5000),
            "x".repeat(100_000),
            "a-".repeat(2000),
            "\"" + "word ".repeat(500) + "\"",
            "-robust " + "-x ".repeat(400),
            "\t\n\r x",
            "<script>alert(1)</script>",
            "'; DROP TABLE papers; --",
            "%00",
            "${jndi:ldap://x}");
    for (String input : inputs) {
      SearchResult r = search(input);
      assertThat(r.total()).as("input %s", input).isGreaterThanOrEqualTo(0);
    }
    assertThat(search("robust ".repeat(5000)).total()).isEqualTo(1);
    assertThat(search("😀 queries").total()).isEqualTo(1);
  }

  @Test
  void withoutAModelSemanticIsRefusedAndHybridRanksByKeywords() {
    assertThatThrownBy(() -> index.search(SearchQuery.of("x", SearchMode.SEMANTIC, 10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("search by meaning is not available: no embedding model is configured");
    assertThat(index.search(SearchQuery.of("x", SearchMode.HYBRID, 10)).hits()).isEmpty();
  }

  // --- writes ----------------------------------------------------------------------------------

  @Test
  void writesBecomeVisibleOnCommit() {
    index.index(List.of(Papers.paper("2501.00001", "Invisible until commit")));
    assertThat(index.size()).isZero();
    assertThat(search("invisible").total()).isZero();
    index.commit();
    assertThat(index.size()).isEqualTo(1);
    assertThat(search("invisible").total()).isEqualTo(1);
  }

  @Test
  void indexingAPaperAgainReplacesIt() {
    add(Papers.paper("2501.00001", "Old title about cats"));
    add(Papers.paper("2501.00001", "New title about dogs"), Papers.paper("2501.00002", "Other"));
    assertThat(index.size()).isEqualTo(2);
    assertThat(search("cats").total()).isZero();
    assertThat(ids(search("dogs"))).containsExactly("2501.00001");
    // Twice in one batch: the last one wins.
    add(Papers.paper("2501.00003", "First birds"), Papers.paper("2501.00003", "Second fish"));
    assertThat(index.size()).isEqualTo(3);
    assertThat(search("birds").total()).isZero();
    assertThat(search("fish").total()).isEqualTo(1);
  }

  @Test
  void largeBatchesAreSharedAmongThreadsAndTheLastDuplicateWins() {
    for (int threads : new int[] {1, 3}) {
      try (LuceneSearchIndex parallel =
          LuceneSearchIndex.inMemory(
              LuceneSearchIndex.Options.DEFAULTS.withIndexThreads(threads))) {
        List<Paper> batch = new ArrayList<>();
        for (int i = 1; i <= 2000; i++) {
          batch.add(Papers.paper(String.format("2501.%05d", i), "Batch paper old" + i));
        }
        // The same ids again, later in the batch (and so in another thread's share).
        for (int i = 1; i <= 2000; i += 100) {
          batch.add(Papers.paper(String.format("2501.%05d", i), "Batch paper new" + i));
        }
        parallel.index(batch);
        parallel.commit();
        assertThat(parallel.size()).as("threads %d", threads).isEqualTo(2000);
        assertThat(parallel.search(SearchQuery.of("old1", SearchMode.BM25, 10)).total()).isZero();
        assertThat(parallel.search(SearchQuery.of("new1", SearchMode.BM25, 10)).total())
            .isEqualTo(1);
        assertThat(parallel.search(SearchQuery.of("old2", SearchMode.BM25, 10)).total())
            .isEqualTo(1);
        assertThat(parallel.search(SearchQuery.of("batch", SearchMode.BM25, 10)).total())
            .isEqualTo(2000);
      }
    }
  }

  @Test
  void deletesOneOrAll() {
    add(Papers.paper("2501.00001", "Alpha"), Papers.paper("2501.00002", "Beta"));
    index.delete(ArxivId.parse("2501.00001"));
    index.commit();
    assertThat(index.size()).isEqualTo(1);
    assertThat(search("alpha").total()).isZero();
    index.deleteAll();
    index.commit();
    assertThat(index.size()).isZero();
    assertThat(search("beta").total()).isZero();
    add(Papers.paper("2501.00003", "Gamma"));
    assertThat(index.size()).isEqualTo(1);
  }

  @Test
  void refusesUseAfterClose() {
    LuceneSearchIndex other = LuceneSearchIndex.inMemory();
    other.close();
    other.close(); // idempotent
    assertThatThrownBy(() -> other.search(SearchQuery.of("x", SearchMode.BM25, 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> other.index(List.of())).isInstanceOf(IllegalStateException.class);
  }

  // --- on disk ---------------------------------------------------------------------------------

  @Test
  void reopensFromDiskAndCommitsOnClose(@TempDir Path dir) {
    try (LuceneSearchIndex disk = LuceneSearchIndex.open(dir)) {
      disk.index(List.of(Papers.paper("2501.00001", "Persistent homology")));
      disk.commit();
      disk.index(List.of(Papers.paper("2501.00002", "Pending at close")));
    }
    try (LuceneSearchIndex disk = LuceneSearchIndex.open(dir)) {
      assertThat(disk.size()).isEqualTo(2);
      SearchHit hit = disk.search(SearchQuery.of("homology", SearchMode.BM25, 10)).hits().get(0);
      assertThat(hit.id()).isEqualTo(ArxivId.parse("2501.00001"));
      assertThat(marked(hit.title())).containsExactly("homology");
    }
  }

  @Test
  void aSecondWriterOnTheSameDirectoryIsRefused(@TempDir Path dir) {
    try (LuceneSearchIndex first = LuceneSearchIndex.open(dir)) {
      assertThatThrownBy(() -> LuceneSearchIndex.open(dir))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("in use by another process")
          .hasMessageContaining(dir.toString());
      assertThat(first.size()).isZero();
    }
  }

  @Test
  void aDamagedIndexIsReportedWithWhatToDo(@TempDir Path dir) throws Exception {
    try (LuceneSearchIndex disk = LuceneSearchIndex.open(dir)) {
      disk.index(List.of(Papers.paper("2501.00001", "Soon damaged")));
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f :
          files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
        Files.write(f, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
      }
    }
    assertThatThrownBy(() -> LuceneSearchIndex.open(dir))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(dir.toString())
        .hasMessageContaining("delete the directory and rebuild it");
    // The failed open released the lock and the directory: a fresh index can be made there.
    Files.walk(dir)
        .sorted(Comparator.reverseOrder())
        .filter(p -> !p.equals(dir))
        .forEach(p -> p.toFile().delete());
    try (LuceneSearchIndex fresh = LuceneSearchIndex.open(dir)) {
      assertThat(fresh.size()).isZero();
    }
  }

  @Test
  void anIndexWithAnotherSchemaVersionIsEmptiedOnOpen(@TempDir Path dir) throws Exception {
    try (FSDirectory d = FSDirectory.open(dir);
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new PaperAnalyzer()))) {
      Document doc = new Document();
      doc.add(new StringField("id", "2501.00001", Field.Store.YES));
      w.addDocument(doc);
      w.setLiveCommitData(Map.of(LuceneSearchIndex.SCHEMA_KEY, "0").entrySet());
      w.commit();
    }
    try (LuceneSearchIndex disk = LuceneSearchIndex.open(dir)) {
      assertThat(disk.size()).isZero();
      disk.index(List.of(Papers.paper("2501.00001", "Rebuilt")));
    }
    try (LuceneSearchIndex disk = LuceneSearchIndex.open(dir)) {
      assertThat(disk.size()).isEqualTo(1); // same schema now: kept
    }
  }
}
