package dev.paperboy.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.core.embed.DocumentText;
import dev.paperboy.core.embed.Embedder;
import dev.paperboy.core.embed.StoredVector;
import dev.paperboy.core.embed.VectorLookup;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.search.Highlighted;
import dev.paperboy.core.search.Highlighted.Fragment;
import dev.paperboy.core.search.SearchHit;
import dev.paperboy.core.search.SearchIndex;
import dev.paperboy.core.search.SearchMode;
import dev.paperboy.core.search.SearchQuery;
import dev.paperboy.core.search.SearchResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SearchIndex} must do, whatever the engine: BM25 ranking over title, abstract
 * and authors with the shared query syntax, filters, exact totals and pages, highlighted titles and
 * snippets, hostile input, writes visible on commit, and semantic, hybrid and similar-paper search
 * (with the deterministic {@link ConceptEmbedder}, so the tests check the engine, not a model).
 *
 * <p>An engine's test extends this class and says how to make an empty index. Each call of a
 * factory must give an index with no documents (an engine that shares one collection between tests
 * empties it); the contract closes what it opened.
 */
public abstract class SearchIndexContract {

  /** Target snippet length of every engine's default settings. */
  protected static final int SNIPPET_CHARS = 240;

  /** The ellipsis that marks text left out of a snippet. */
  protected static final String ELLIPSIS = "…";

  private final List<SearchIndex> opened = new ArrayList<>();

  /** An empty index for keyword search only (no embedding model). */
  protected abstract SearchIndex newIndex();

  /**
   * An empty index with semantic search: {@code embedder} embeds queries, {@code vectors} gives the
   * stored vectors of papers being indexed; hybrid search uses the engine's default fusion.
   */
  protected abstract SearchIndex newIndex(Embedder embedder, VectorLookup vectors);

  private SearchIndex index;

  /** The keyword index of the current test, made on first use. */
  protected final SearchIndex index() {
    if (index == null) {
      index = track(newIndex());
    }
    return index;
  }

  private SearchIndex track(SearchIndex i) {
    opened.add(i);
    return i;
  }

  @AfterEach
  void closeIndexes() {
    for (SearchIndex i : opened) {
      i.close();
    }
    opened.clear();
    index = null;
  }

  protected static Paper paper(
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
    index().index(List.of(papers));
    index().commit();
  }

  private SearchResult search(String text) {
    return index().search(SearchQuery.of(text, SearchMode.BM25, 100));
  }

  private static List<String> ids(SearchResult r) {
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
  void bm25ScoresAreThoseOfTheReferenceFormula() {
    // One document, one query term: BM25 with k1 = 0.9, b = 0.4 (Robertson et al.; Lucene's
    // BM25Similarity drops the (k1 + 1) factor). Three documents so the idf is not degenerate.
    add(
        Papers.paper("2501.00001", "Lasers", "lasers lasers"),
        Papers.paper("2501.00002", "Optics", "mirrors"),
        Papers.paper("2501.00003", "Acoustics", "sound"));
    // "lasers" is in 1 of 3 documents: idf = ln(1 + (3 - 1 + 0.5) / (1 + 0.5)).
    double idf = Math.log(1 + (3 - 1 + 0.5) / (1 + 0.5));
    // contents of doc 1: "lasers", "lasers lasers", "ada lovelace, alan turing" = 7 tokens, tf 3;
    // docs 2 and 3: 1 + 1 + 4 = 6 tokens. Lucene stores lengths lossily (SmallFloat), exact
    // below 40.
    double avgdl = (7 + 6 + 6) / 3.0;
    double tf = 3;
    double expected = idf * tf / (tf + 0.9 * (1 - 0.4 + 0.4 * 7 / avgdl));
    assertThat(search("lasers").hits().get(0).score())
        .isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-5));
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
    assertThat(ids(search("ROUT*"))).containsExactlyInAnyOrder("2501.00001", "2501.00003");
  }

  @Test
  void exclusionsAloneOrBesideStopwordsFindNothing() {
    add(Papers.paper("2501.00001", "Alpha", "First."), Papers.paper("2501.00002", "Beta", "Two."));
    assertThat(search("-alpha").total()).isZero();
    assertThat(search("the -alpha").total()).isZero();
    assertThat(search("\"of the\" -alpha").total()).isZero();
  }

  @Test
  void aPhraseDoesNotMatchAcrossTitleAndAbstract() {
    add(Papers.paper("2501.00001", "Learning to rank", "Graphs are everywhere."));
    assertThat(search("\"rank graphs\"").total()).isZero();
    assertThat(search("\"learning to rank\"").total()).isEqualTo(1);
  }

  private void addFieldFixtures() {
    add(
        Papers.paper(
            "2501.00001",
            "Diffusion models for images",
            "Diffusion denoises pictures step by step."),
        Papers.paper("2501.00002", "Image generation", "A diffusion process generates images."),
        Papers.paper("2501.00003", "Graph learning", "Nothing about noise.").toBuilder()
            .authors(List.of("Geoffrey Hinton"))
            .build());
  }

  @Test
  void fieldPrefixesRestrictWordsAndPhrasesToTheTitleOrTheAbstract() {
    addFieldFixtures();
    assertThat(ids(search("title:diffusion"))).containsExactly("2501.00001");
    assertThat(ids(search("Title:Diffusion"))).containsExactly("2501.00001");
    assertThat(ids(search("title:diff*"))).containsExactly("2501.00001");
    assertThat(ids(search("abstract:diffusion")))
        .containsExactlyInAnyOrder("2501.00001", "2501.00002");
    assertThat(ids(search("title:\"diffusion models\""))).containsExactly("2501.00001");
    assertThat(search("abstract:\"diffusion models\"").total()).isZero();
    assertThat(ids(search("diffusion -title:diffusion"))).containsExactly("2501.00002");
    // A part restricted to the title is marked in the title only.
    SearchHit hit = search("title:diffusion").hits().get(0);
    assertThat(marked(hit.title())).containsExactly("Diffusion");
    assertThat(hit.snippet().hasMatch()).isFalse();
  }

  private void addAuthorFixtures() {
    add(
        Papers.paper("2501.00001", "Capsule networks", "Routing by agreement, as Hinton proposed.")
            .toBuilder()
            .authors(List.of("Sara Sabour", "Nicholas Frosst"))
            .build(),
        Papers.paper("2501.00002", "The forward-forward algorithm", "A rule without backprop.")
            .toBuilder()
            .authors(List.of("Geoffrey Hinton"))
            .build(),
        Papers.paper("2501.00003", "Graph learning", "Nothing about capsules.").toBuilder()
            .authors(List.of("Ana Geoffrey", "Hinton Lee"))
            .build(),
        Papers.paper("2501.00004", "Attention", "Sequence models.").toBuilder()
            .authors(List.of("Jürgen Müller", "Łukasz Kaiser", "Will Be"))
            .build());
  }

  @Test
  void authorPrefixLooksInTheAuthorsOnly() {
    addAuthorFixtures();
    // Plain words still find names (authors stay part of all the paper's text).
    assertThat(ids(search("hinton")))
        .containsExactlyInAnyOrder("2501.00001", "2501.00002", "2501.00003");
    // 2501.00001 mentions Hinton in its abstract only.
    assertThat(ids(search("author:hinton"))).containsExactlyInAnyOrder("2501.00002", "2501.00003");
    assertThat(ids(search("Authors:HINTON"))).containsExactlyInAnyOrder("2501.00002", "2501.00003");
    assertThat(ids(search("author:hin*"))).containsExactlyInAnyOrder("2501.00002", "2501.00003");
    // A phrase stays inside one name: "Ana Geoffrey, Hinton Lee" does not match.
    assertThat(ids(search("author:\"geoffrey hinton\""))).containsExactly("2501.00002");
    assertThat(ids(search("hinton -author:hinton"))).containsExactly("2501.00001");
    // The words of another field do not count as authors, nor authors as the title.
    assertThat(search("author:capsule").total()).isZero();
    assertThat(search("title:hinton").total()).isZero();
    // Names are neither stemmed nor dropped as stopwords.
    assertThat(ids(search("author:will author:be"))).containsExactly("2501.00004");
    assertThat(ids(search("author:\"will be\""))).containsExactly("2501.00004");
  }

  @Test
  void authorNamesMatchWithoutCaseOrAccents() {
    addAuthorFixtures();
    assertThat(ids(search("author:muller"))).containsExactly("2501.00004");
    assertThat(ids(search("author:MÜLLER"))).containsExactly("2501.00004");
    assertThat(ids(search("author:lukasz"))).containsExactly("2501.00004");
    assertThat(ids(search("author:\"jurgen muller\""))).containsExactly("2501.00004");
    assertThat(ids(search("author:mül*"))).containsExactly("2501.00004");
    assertThat(search("attention -author:müller").total()).isZero();
  }

  @Test
  void titlesAndAbstractsMatchWithoutAccents() {
    add(
        Papers.paper("2501.00001", "Café networks", "A naïve model of coffee houses."),
        Papers.paper("2501.00002", "Cafe culture", "A Schrödinger bridge between cafes."),
        Papers.paper("2501.00003", "Tea rooms", "Nothing of the kind."));
    assertThat(ids(search("café"))).containsExactlyInAnyOrder("2501.00001", "2501.00002");
    assertThat(ids(search("cafe"))).containsExactlyInAnyOrder("2501.00001", "2501.00002");
    assertThat(ids(search("CAFÉS"))).containsExactlyInAnyOrder("2501.00001", "2501.00002");
    assertThat(ids(search("title:café"))).containsExactlyInAnyOrder("2501.00001", "2501.00002");
    assertThat(ids(search("naive"))).containsExactly("2501.00001");
    assertThat(ids(search("abstract:schrodinger"))).containsExactly("2501.00002");
    assertThat(ids(search("\"schrödinger bridge\""))).containsExactly("2501.00002");
    assertThat(ids(search("schrö*"))).containsExactly("2501.00002");
    assertThat(ids(search("cafe -naïve"))).containsExactly("2501.00002");
    // The accented word in the text is the one marked.
    SearchHit hit =
        search("cafe").hits().stream()
            .filter(h -> h.id().value().equals("2501.00001"))
            .findFirst()
            .orElseThrow();
    assertThat(marked(hit.title())).containsExactly("Café");
  }

  @Test
  void otherColonsSeparateWords() {
    addFieldFixtures();
    assertThat(ids(search("foo:diffusion"))).containsExactlyInAnyOrder("2501.00001", "2501.00002");
    assertThat(ids(search("http://example.org/diffusion")))
        .containsExactlyInAnyOrder("2501.00001", "2501.00002");
    assertThat(search("title:").total()).isZero();
    assertThat(search("title: :").total()).isZero();
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
    assertThat(
            ids(index().search(filtered("robot", Set.of("cs.LG", "econ.GN"), null, null, false))))
        .containsExactlyInAnyOrder("2501.00001", "2501.00003");
    assertThat(ids(index().search(filtered("robot", Set.of("CS.cv"), null, null, false))))
        .containsExactly("2501.00002");
    assertThat(ids(index().search(filtered("robot", Set.of("cs"), null, null, false))))
        .containsExactlyInAnyOrder("2501.00001", "2501.00002");
    assertThat(ids(index().search(filtered("robot", Set.of("hep-th"), null, null, false))))
        .containsExactly("2501.00004");
    assertThat(index().search(filtered("robot", Set.of("math.AG"), null, null, false)).total())
        .isZero();
    assertThat(index().search(filtered("robot", Set.of(" "), null, null, false)).total())
        .isEqualTo(4);
  }

  @Test
  void filtersByInclusiveDateRangeAndLeavesOutUndatedPapers() {
    addFilterFixtures();
    assertThat(
            ids(
                index()
                    .search(
                        filtered(
                            "robot",
                            Set.of(),
                            LocalDate.of(2025, 1, 10),
                            LocalDate.of(2025, 2, 20),
                            false))))
        .containsExactlyInAnyOrder("2501.00001", "2501.00002");
    assertThat(
            ids(
                index()
                    .search(filtered("robot", Set.of(), LocalDate.of(2025, 2, 21), null, false))))
        .containsExactly("2501.00003");
    assertThat(
            ids(index().search(filtered("robot", Set.of(), null, LocalDate.of(2025, 1, 9), false))))
        .isEmpty();
    assertThat(index().search(filtered("robot", Set.of(), null, null, false)).total()).isEqualTo(4);
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
            index()
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
    assertThat(ids(index().search(filtered("robot", Set.of(), null, null, true))))
        .containsExactlyInAnyOrder("2501.00001", "2501.00003");
    assertThat(
            ids(
                index()
                    .search(
                        filtered(
                            "robot", Set.of("cs", "econ"), LocalDate.of(2025, 2, 1), null, true))))
        .containsExactly("2501.00003");
    assertThat(
            index()
                .search(filtered("robot", Set.of("cs"), LocalDate.of(2025, 2, 1), null, true))
                .total())
        .isZero();
  }

  @Test
  void filtersDoNotChangeScores() {
    addFilterFixtures();
    double unfiltered = search("robot learning").hits().get(0).score();
    double withFilter =
        index()
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
    index().index(papers);
    index().commit();
    List<String> all = ids(search("tensor"));
    assertThat(all).hasSize(25);
    List<String> paged = new ArrayList<>();
    for (int offset = 0; offset < 30; offset += 10) {
      SearchResult page =
          index()
              .search(
                  new SearchQuery(
                      "tensor", SearchMode.BM25, Set.of(), null, null, false, offset, 10));
      assertThat(page.total()).isEqualTo(25);
      assertThat(page.hits()).hasSize(offset < 20 ? 10 : 5);
      paged.addAll(ids(page));
    }
    assertThat(paged).isEqualTo(all);
    SearchResult beyond =
        index()
            .search(
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
    index().index(papers);
    index().commit();
    SearchResult r = index().search(SearchQuery.of("common", SearchMode.BM25, 5));
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
    assertThat(text).startsWith(ELLIPSIS).endsWith(ELLIPSIS);
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
    assertThat(snippet.text()).startsWith(ELLIPSIS).endsWith("we use lasers.");
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
    assertThat(byTitle.snippet().text()).startsWith("Word Word").endsWith("Word" + ELLIPSIS);
    assertThat(byTitle.snippet().text().length()).isLessThanOrEqualTo(SNIPPET_CHARS + 1);
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
            "{!knn f=vector}[1]",
            "$q",
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
    assertThat(search("{!knn f=vector}[1]").total()).isZero();
  }

  @Test
  void withoutAModelSemanticIsRefusedAndHybridRanksByKeywords() {
    add(
        Papers.paper("2501.00001", "Timetables of railways", "Trains."),
        Papers.paper("2501.00002", "Vaccines", "Immune memory."));
    assertThatThrownBy(() -> index().search(SearchQuery.of("x", SearchMode.SEMANTIC, 10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("search by meaning is not available: no embedding model is configured");
    assertThat(index().search(SearchQuery.of("x", SearchMode.HYBRID, 10)).hits()).isEmpty();
    assertThat(ids(index().search(SearchQuery.of("railways", SearchMode.HYBRID, 10))))
        .containsExactly("2501.00001");
  }

  // --- writes ----------------------------------------------------------------------------------

  @Test
  void writesBecomeVisibleOnCommit() {
    index().index(List.of(Papers.paper("2501.00001", "Invisible until commit")));
    assertThat(index().size()).isZero();
    assertThat(search("invisible").total()).isZero();
    index().commit();
    assertThat(index().size()).isEqualTo(1);
    assertThat(search("invisible").total()).isEqualTo(1);
  }

  @Test
  void refreshShowsWritesBeforeTheyAreCommitted() {
    index().index(List.of(Papers.paper("2501.00001", "Visible after a refresh")));
    assertThat(search("refresh").total()).isZero();
    index().refresh();
    assertThat(index().size()).isEqualTo(1);
    assertThat(ids(search("refresh"))).containsExactly("2501.00001");
  }

  @Test
  void indexingAPaperAgainReplacesIt() {
    add(Papers.paper("2501.00001", "Old title about cats"));
    add(Papers.paper("2501.00001", "New title about dogs"), Papers.paper("2501.00002", "Other"));
    assertThat(index().size()).isEqualTo(2);
    assertThat(search("cats").total()).isZero();
    assertThat(ids(search("dogs"))).containsExactly("2501.00001");
    // Twice in one batch: the last one wins.
    add(Papers.paper("2501.00003", "First birds"), Papers.paper("2501.00003", "Second fish"));
    assertThat(index().size()).isEqualTo(3);
    assertThat(search("birds").total()).isZero();
    assertThat(search("fish").total()).isEqualTo(1);
  }

  @Test
  void deletesOneOrAll() {
    add(Papers.paper("2501.00001", "Alpha"), Papers.paper("2501.00002", "Beta"));
    index().delete(ArxivId.parse("2501.00001"));
    index().commit();
    assertThat(index().size()).isEqualTo(1);
    assertThat(search("alpha").total()).isZero();
    index().deleteAll();
    index().commit();
    assertThat(index().size()).isZero();
    assertThat(search("beta").total()).isZero();
    add(Papers.paper("2501.00003", "Gamma"));
    assertThat(index().size()).isEqualTo(1);
  }

  @Test
  void refusesUseAfterClose() {
    SearchIndex other = newIndex();
    other.close();
    other.close(); // idempotent
    assertThatThrownBy(() -> other.search(SearchQuery.of("x", SearchMode.BM25, 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> other.index(List.of())).isInstanceOf(IllegalStateException.class);
  }

  // --- semantic, hybrid, similar ---------------------------------------------------------------

  protected static final Paper VACCINES =
      semanticPaper(
          "2501.00001",
          "Immunological memory after vaccination",
          "Vaccines expose the immune system to an antigen so that it forms memory B and T cells"
              + " that respond quickly to a later infection.",
          "q-bio.CB");
  protected static final Paper RAILWAYS =
      semanticPaper(
          "2501.00002",
          "Timetables of European railways",
          "We study how train schedules across Europe were harmonised in the nineteenth century.",
          "physics.hist-ph");
  protected static final Paper FOLDING =
      semanticPaper(
          "2501.00003",
          "Predicting protein structure with deep learning",
          "A neural network predicts the three-dimensional shape of proteins from their amino acid"
              + " sequence.",
          "q-bio.BM");
  protected static final Paper ANTIBODIES =
      semanticPaper(
          "2501.00004",
          "Antibody responses to booster shots",
          "Booster doses raise neutralising antibody levels and strengthen immune memory against"
              + " viral infection.",
          "q-bio.CB");

  /** Gets no vector: stands for a paper the embedding job has not reached yet. */
  protected static final Paper NO_VECTOR =
      semanticPaper(
          "2501.00005",
          "Zyxomorphic lattices",
          "Zyxomorphic lattices are a made-up structure with a made-up name.",
          "math.CO");

  private static Paper semanticPaper(String id, String title, String abstractText, String cat) {
    return Papers.paper(id, title, abstractText).toBuilder()
        .primaryCategory(null)
        .categories(List.of(cat))
        .listingDate(LocalDate.of(2025, 1, 15))
        .build();
  }

  /** The store of vectors behind the semantic index: all fixtures but {@link #NO_VECTOR}. */
  protected final InMemoryEmbeddingStore vectorStore = new InMemoryEmbeddingStore();

  protected final ConceptEmbedder embedder = new ConceptEmbedder();

  /** Stores vectors for all papers but {@link #NO_VECTOR}, then indexes every paper. */
  private SearchIndex semanticIndex() {
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
    vectorStore.putVectors(rows);
    embedder.documents.set(0);
    SearchIndex semantic = track(newIndex(embedder, vectorStore.lookup(embedder.modelName())));
    semantic.index(List.of(VACCINES, RAILWAYS, FOLDING, ANTIBODIES, NO_VECTOR));
    semantic.commit();
    return semantic;
  }

  private static List<ArxivId> hitIds(SearchResult r) {
    return r.hits().stream().map(SearchHit::id).toList();
  }

  @Test
  void semanticSearchFindsPapersByMeaningWithoutSharedWords() {
    SearchIndex semantic = semanticIndex();
    SearchResult r =
        semantic.search(
            SearchQuery.of("how shots teach the body to fight viruses", SearchMode.SEMANTIC, 2));
    assertThat(hitIds(r)).containsExactlyInAnyOrder(VACCINES.id(), ANTIBODIES.id());
    // The same words find nothing by keywords.
    assertThat(
            semantic.search(SearchQuery.of("teach body fight viruses", SearchMode.BM25, 10)).hits())
        .isEmpty();
    // Indexing read the stored vectors: nothing was embedded.
    assertThat(embedder.documents.get()).isZero();
  }

  @Test
  void semanticResultsAreScoredByCosineAndOnlyCoverPapersWithVectors() {
    SearchIndex semantic = semanticIndex();
    SearchResult r =
        semantic.search(SearchQuery.of("protein shape prediction", SearchMode.SEMANTIC, 10));
    assertThat(hitIds(r).get(0)).isEqualTo(FOLDING.id());
    assertThat(hitIds(r)).doesNotContain(NO_VECTOR.id()).hasSize(4);
    // The cosine similarity, up to the error of engines that quantise vectors (int8 in Lucene).
    double cosine = dot(ConceptEmbedder.embed("protein shape prediction"), vectorOf(FOLDING));
    assertThat(r.hits().get(0).score())
        .isCloseTo(cosine, org.assertj.core.api.Assertions.within(0.05));
    assertThat(r.hits().get(0).score()).isGreaterThan(r.hits().get(1).score());
    assertThat(r.total()).isEqualTo(4);
  }

  private static float[] vectorOf(Paper p) {
    return ConceptEmbedder.embed(DocumentText.of(p));
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  @Test
  void semanticHitsAreHighlightedWhereTheWordsMatch() {
    SearchIndex semantic = semanticIndex();
    SearchHit top =
        semantic.search(SearchQuery.of("protein shape", SearchMode.SEMANTIC, 1)).hits().get(0);
    assertThat(top.id()).isEqualTo(FOLDING.id());
    assertThat(marked(top.title())).containsExactly("protein");
    assertThat(marked(top.snippet())).containsExactly("shape", "proteins");
  }

  @Test
  void filtersApplyToVectorSearch() {
    SearchIndex semantic = semanticIndex();
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
    assertThat(hitIds(semantic.search(q))).containsExactly(RAILWAYS.id());
    SearchQuery hybrid =
        new SearchQuery(
            "immune memory", SearchMode.HYBRID, Set.of("q-bio.BM"), null, null, false, 0, 10);
    assertThat(hitIds(semantic.search(hybrid))).containsExactly(FOLDING.id());
  }

  @Test
  void searchByMeaningEmbedsThePlainWordsAndNeverReturnsAnExcludedWord() {
    SearchIndex semantic = semanticIndex();
    for (SearchMode mode : List.of(SearchMode.SEMANTIC, SearchMode.HYBRID)) {
      List<ArxivId> found =
          hitIds(semantic.search(SearchQuery.of("immune memory -booster", mode, 10)));
      assertThat(found).as("mode %s", mode).contains(VACCINES.id()).doesNotContain(ANTIBODIES.id());
      assertThat(
              hitIds(
                  semantic.search(SearchQuery.of("immunity -\"booster doses\" -rail*", mode, 10))))
          .as("mode %s", mode)
          .doesNotContain(ANTIBODIES.id(), RAILWAYS.id())
          .contains(VACCINES.id());
    }
    assertThat(embedder.queries)
        .containsExactly("immune memory", "immunity", "immune memory", "immunity");
    // Exclusions alone leave nothing to look for, in every mode, and nothing is embedded.
    assertThat(semantic.search(SearchQuery.of("-booster", SearchMode.SEMANTIC, 10)).total())
        .isZero();
    assertThat(semantic.search(SearchQuery.of("-booster", SearchMode.HYBRID, 10)).total()).isZero();
    assertThat(embedder.queries).hasSize(4);
  }

  @Test
  void searchByMeaningRequiresQuotedPhrasesAsKeywordSearchDoes() {
    SearchIndex semantic = semanticIndex();
    for (SearchMode mode : SearchMode.values()) {
      assertThat(hitIds(semantic.search(SearchQuery.of("\"immune memory\" vaccines", mode, 10))))
          .as("mode %s", mode)
          .containsExactly(ANTIBODIES.id());
    }
    // Quotes and field prefixes are not embedded; field parts are plain words to embed.
    assertThat(
            hitIds(semantic.search(SearchQuery.of("title:protein shape", SearchMode.SEMANTIC, 1))))
        .containsExactly(FOLDING.id());
    assertThat(embedder.queries)
        .containsExactly("immune memory vaccines", "immune memory vaccines", "protein shape");
  }

  @Test
  void hybridFindsAPaperWithoutAVectorThroughItsKeywords() {
    SearchIndex semantic = semanticIndex();
    SearchResult r = semantic.search(SearchQuery.of("zyxomorphic lattices", SearchMode.HYBRID, 10));
    assertThat(hitIds(r).get(0)).isEqualTo(NO_VECTOR.id());
    assertThat(r.hits().get(0).title().hasMatch()).isTrue();
    assertThat(
            hitIds(
                semantic.search(SearchQuery.of("zyxomorphic lattices", SearchMode.SEMANTIC, 10))))
        .doesNotContain(NO_VECTOR.id());
  }

  @Test
  void hybridRanksByBothSignals() {
    SearchIndex semantic = semanticIndex();
    // "immune memory" matches both immunology papers by keywords and by meaning.
    List<ArxivId> top =
        hitIds(semantic.search(SearchQuery.of("immune memory", SearchMode.HYBRID, 2)));
    assertThat(top).containsExactlyInAnyOrder(VACCINES.id(), ANTIBODIES.id());
  }

  @Test
  void pagesOfFusedResultsDoNotOverlap() {
    SearchIndex semantic = semanticIndex();
    SearchQuery first =
        new SearchQuery("immunity", SearchMode.HYBRID, Set.of(), null, null, false, 0, 2);
    SearchQuery second =
        new SearchQuery("immunity", SearchMode.HYBRID, Set.of(), null, null, false, 2, 2);
    List<ArxivId> all = new ArrayList<>(hitIds(semantic.search(first)));
    all.addAll(hitIds(semantic.search(second)));
    assertThat(all).doesNotHaveDuplicates().hasSize(4);
    assertThat(semantic.search(first).total()).isEqualTo(4);
  }

  @Test
  void similarPapersComeFromThePapersOwnVector() {
    SearchIndex semantic = semanticIndex();
    List<SearchHit> similar = semantic.similar(VACCINES.id(), 3);
    assertThat(similar).extracting(SearchHit::id).doesNotContain(VACCINES.id()).hasSize(3);
    assertThat(similar.get(0).id()).isEqualTo(ANTIBODIES.id());
    assertThat(similar.get(0).title().hasMatch()).isFalse();
    assertThat(semantic.similar(ArxivId.parse("2601.00001"), 3)).isEmpty();
  }

  @Test
  void similarFallsBackToMoreLikeThisWithoutAVector() {
    SearchIndex semantic = semanticIndex();
    Paper cousin =
        semanticPaper(
            "2501.00006",
            "More zyxomorphic lattices",
            "Further made-up zyxomorphic lattices and their made-up structure.",
            "math.CO");
    semantic.index(List.of(cousin));
    semantic.commit();
    List<SearchHit> similar = semantic.similar(NO_VECTOR.id(), 3);
    assertThat(similar).extracting(SearchHit::id).first().isEqualTo(cousin.id());
    assertThat(similar).extracting(SearchHit::id).doesNotContain(NO_VECTOR.id());
  }

  @Test
  void aChangedPaperLosesItsStaleVector() {
    SearchIndex semantic = semanticIndex();
    Paper changed = RAILWAYS.toBuilder().version(2).abstractText("Now about immunology.").build();
    semantic.index(List.of(changed));
    semantic.commit();
    assertThat(hitIds(semantic.search(SearchQuery.of("trains", SearchMode.SEMANTIC, 10))))
        .doesNotContain(RAILWAYS.id());
  }

  // --- search within a set of papers ------------------------------------------------------------

  /**
   * Beyond {@link SearchQuery#MAX_LIMIT}: more papers nearer the query than {@link #FAR} than a
   * search that ranks the global top and then filters can see.
   */
  private static final int NEARER = SearchQuery.MAX_LIMIT + 100;

  /**
   * About vaccines in one word among many others: it matches "vaccine immunity" by keywords and,
   * weakly, by meaning, far behind the {@link #NEARER} papers about nothing else.
   */
  protected static final Paper FAR =
      semanticPaper(
          "2503.00001",
          "Gardening notes on compost, soil, pruning and watering roses",
          "Compost, mulch, soil, pruning, watering, roses, tulips, hedges, greenhouses and seeds,"
              + " with one aside about a vaccine for the gardener.",
          "q-bio.PE");

  private static Paper nearer(int i) {
    return semanticPaper(
        String.format(java.util.Locale.ROOT, "2502.%05d", i),
        "Vaccine immunity and booster shots",
        "Vaccines and booster shots build immune memory against viral infection; vaccine immunity"
            + " lasts.",
        "q-bio.CB");
  }

  /** The semantic index with {@link #NEARER} papers nearer "vaccine immunity" than {@link #FAR}. */
  private SearchIndex crowdedIndex() {
    SearchIndex semantic = semanticIndex();
    List<Paper> papers = new ArrayList<>();
    for (int i = 1; i <= NEARER; i++) {
      papers.add(nearer(i));
    }
    papers.add(FAR);
    List<float[]> vectors = embedder.embedDocuments(papers.stream().map(DocumentText::of).toList());
    List<StoredVector> rows = new ArrayList<>();
    for (int i = 0; i < papers.size(); i++) {
      Paper p = papers.get(i);
      rows.add(
          new StoredVector(
              p.id(), embedder.modelName(), DocumentText.hash(DocumentText.of(p)), vectors.get(i)));
    }
    vectorStore.putVectors(rows);
    semantic.index(papers);
    semantic.commit();
    return semantic;
  }

  @Test
  void searchWithinRanksAPaperFarOutsideTheGlobalTopByItsOwnScore() {
    SearchIndex semantic = crowdedIndex();
    String q = "vaccine immunity";
    // The premise: searched globally, as deep as a search goes, the paper is not found.
    for (SearchMode mode : List.of(SearchMode.SEMANTIC, SearchMode.HYBRID)) {
      assertThat(hitIds(semantic.search(SearchQuery.of(q, mode, SearchQuery.MAX_LIMIT))))
          .as("mode %s", mode)
          .doesNotContain(FAR.id());
    }
    ArxivId nearest = nearer(7).id();
    Set<ArxivId> mine = Set.of(FAR.id(), RAILWAYS.id(), nearest, NO_VECTOR.id());
    SearchResult semanticHits =
        semantic.searchWithin(SearchQuery.of(q, SearchMode.SEMANTIC, 10), mine);
    // Every paper of the set with a vector, by cosine: the near one, the far one, the railways.
    assertThat(hitIds(semanticHits)).containsExactly(nearest, FAR.id(), RAILWAYS.id());
    assertThat(semanticHits.total()).isEqualTo(3);
    double cosine = dot(ConceptEmbedder.embed(q), vectorOf(FAR));
    assertThat(semanticHits.hits().get(1).score())
        .isCloseTo(cosine, org.assertj.core.api.Assertions.within(0.05));
    // Hybrid: the papers that match by keywords or by meaning, the far one among them.
    List<ArxivId> hybrid =
        hitIds(semantic.searchWithin(SearchQuery.of(q, SearchMode.HYBRID, 10), mine));
    assertThat(hybrid).contains(FAR.id(), nearest).isSubsetOf(mine);
    assertThat(hybrid.get(0)).isEqualTo(nearest);
    // Keywords: exactly the papers of the set with the words.
    assertThat(hitIds(semantic.searchWithin(SearchQuery.of(q, SearchMode.BM25, 10), mine)))
        .containsExactly(nearest, FAR.id());
  }

  @Test
  void searchWithinNeverReturnsOtherPapersAndAnEmptySetFindsNothing() {
    SearchIndex semantic = crowdedIndex();
    Set<ArxivId> mine = Set.of(FAR.id(), RAILWAYS.id());
    for (SearchMode mode : SearchMode.values()) {
      SearchResult r = semantic.searchWithin(SearchQuery.of("vaccine immunity", mode, 100), mine);
      assertThat(hitIds(r)).as("mode %s", mode).contains(FAR.id()).isSubsetOf(mine);
      assertThat(
              semantic.searchWithin(SearchQuery.of("vaccine immunity", mode, 10), Set.of()).hits())
          .as("mode %s", mode)
          .isEmpty();
      // An id the index does not hold is ignored.
      assertThat(
              hitIds(
                  semantic.searchWithin(
                      SearchQuery.of("vaccine immunity", mode, 10),
                      Set.of(FAR.id(), ArxivId.parse("2609.99999")))))
          .as("mode %s", mode)
          .containsExactly(FAR.id());
    }
  }

  @Test
  void searchWithinRefusesMoreIdsThanItsBound() {
    SearchIndex index = track(newIndex());
    Set<ArxivId> many = new java.util.HashSet<>();
    for (int i = 1; i <= SearchIndex.MAX_WITHIN + 1; i++) {
      many.add(ArxivId.parse(String.format(java.util.Locale.ROOT, "2504.%05d", i)));
    }
    assertThatThrownBy(() -> index.searchWithin(SearchQuery.of("x", SearchMode.BM25, 10), many))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ids: " + (SearchIndex.MAX_WITHIN + 1));
  }

  @Test
  void searchWithinAppliesFiltersExclusionsAndPages() {
    SearchIndex semantic = crowdedIndex();
    Set<ArxivId> mine =
        Set.of(FAR.id(), nearer(1).id(), nearer(2).id(), nearer(3).id(), VACCINES.id());
    for (SearchMode mode : List.of(SearchMode.SEMANTIC, SearchMode.HYBRID)) {
      SearchQuery onlyGardens =
          new SearchQuery("vaccine immunity", mode, Set.of("q-bio.PE"), null, null, false, 0, 10);
      assertThat(hitIds(semantic.searchWithin(onlyGardens, mine)))
          .as("mode %s", mode)
          .containsExactly(FAR.id());
      assertThat(
              hitIds(
                  semantic.searchWithin(SearchQuery.of("vaccine immunity -roses", mode, 10), mine)))
          .as("mode %s", mode)
          .doesNotContain(FAR.id())
          .isNotEmpty();
      List<ArxivId> paged = new ArrayList<>();
      for (int offset = 0; offset < 6; offset += 2) {
        paged.addAll(
            hitIds(
                semantic.searchWithin(
                    new SearchQuery(
                        "vaccine immunity", mode, Set.of(), null, null, false, offset, 2),
                    mine)));
      }
      assertThat(paged).as("mode %s", mode).doesNotHaveDuplicates().hasSize(5);
      assertThat(paged.get(4)).as("mode %s", mode).isEqualTo(FAR.id());
    }
  }
}
