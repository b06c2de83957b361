package dev.paperboy.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.DailyEntry;
import dev.paperboy.core.paper.DayCount;
import dev.paperboy.core.paper.EntryOrder;
import dev.paperboy.core.paper.EntryQuery;
import dev.paperboy.core.paper.EntrySource;
import dev.paperboy.core.paper.Outcome;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.paper.PaperChange;
import dev.paperboy.core.paper.PaperStore;
import dev.paperboy.core.paper.PaperVersion;
import dev.paperboy.core.paper.StoreStats;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PaperStore} must do. Each implementation runs it by extending this class and
 * returning a new, empty store from {@link #openStore()} (in-memory in core; SQLite and PostgreSQL
 * in paperboy-store).
 */
public abstract class PaperStoreContract {
  protected static final LocalDate FRI = LocalDate.of(2025, 6, 13);
  protected static final LocalDate MON = LocalDate.of(2025, 6, 16);
  protected static final LocalDate TUE = LocalDate.of(2025, 6, 17);

  protected PaperStore store;

  /** A new, empty store; closed after each test. */
  protected abstract PaperStore openStore() throws Exception;

  @BeforeEach
  void openTheStore() throws Exception {
    store = openStore();
  }

  @AfterEach
  void closeTheStore() {
    if (store != null) {
      store.close();
    }
  }

  protected static ArxivId id(String text) {
    return ArxivId.parse(text);
  }

  protected static Paper paper(String id, int version, String title) {
    return Paper.builder(ArxivId.parse(id), title)
        .version(version)
        .abstractText("About " + title + ".")
        .authors(List.of("Ada Lovelace", "Alan Turing"))
        .categories(List.of("cs.CL", "cs.LG"))
        .listingDate(MON)
        .build();
  }

  protected static Paper paper(String id) {
    return paper(id, 1, "Paper " + id);
  }

  /** A paper with every field set. */
  protected static Paper fullPaper(String id) {
    return Paper.builder(ArxivId.parse(id), "Sparse Mixtures of Experts at Scale")
        .version(3)
        .abstractText("First paragraph.\n\nSecond paragraph with $x^2$ and <b>markup</b>.")
        .authors(List.of("Noam Shazeer", "Azalia Mirhoseini", "Krzysztof Maziarz"))
        .primaryCategory("cs.LG")
        .categories(List.of("cs.LG", "cs.CL", "stat.ML"))
        .comments("12 pages, 4 figures; accepted at ICLR 2025")
        .journalRef("Proc. ICLR 2025")
        .doi("10.48550/arXiv.2503.11731")
        .license("http://creativecommons.org/licenses/by/4.0/")
        .submitted(LocalDate.of(2025, 3, 14))
        .updated(LocalDate.of(2025, 5, 2))
        .listingDate(LocalDate.of(2025, 3, 18))
        .codeUrl("https://github.com/example/moe")
        .projectPage("https://example.org/moe")
        .versions(
            List.of(
                new PaperVersion(1, LocalDate.of(2025, 3, 14)),
                new PaperVersion(2, LocalDate.of(2025, 4, 1)),
                new PaperVersion(3, LocalDate.of(2025, 5, 2))))
        .aiSummary("Routes each token to two of many experts.")
        .aiKeywords(List.of("mixture of experts", "sparsity"))
        .githubStars(1234)
        .withdrawn(false)
        .build();
  }

  protected static DailyEntry entry(
      LocalDate day, String id, EntrySource source, @Nullable String submitter, int upvotes) {
    return new DailyEntry(day, ArxivId.parse(id), source, submitter, upvotes, null);
  }

  // --- papers

  @Test
  void emptyStoreHasNothing() {
    assertThat(store.findPaper(id("2503.11731"))).isEmpty();
    assertThat(store.papersAfter(null, 10)).isEmpty();
    assertThat(store.entriesOn(MON)).isEmpty();
    assertThat(store.latestDay()).isEmpty();
    assertThat(store.stats()).isEqualTo(new StoreStats(0, 0, 0, 0, null, null));
    assertThat(store.upsertPapers(List.of())).isEmpty();
    assertThat(store.upsertEntries(List.of())).isEmpty();
    assertThat(store.findPapers(List.of())).isEmpty();
  }

  @Test
  void storesEveryFieldOfAPaper() {
    Paper full = fullPaper("2503.11731");
    Paper sparse =
        Paper.builder(id("hep-th/9901001"), "Old style")
            .abstractText("")
            .comments("")
            .withdrawn(true)
            .build();

    assertThat(store.upsertPapers(List.of(full, sparse)))
        .containsExactly(Outcome.ADDED, Outcome.ADDED);

    assertThat(store.findPaper(full.id())).contains(full);
    assertThat(store.findPaper(sparse.id())).contains(sparse);
  }

  @Test
  void keepsWhereTheCodeLinkCameFromAndLetsACuratedLinkReplaceAFoundOne() {
    Paper found =
        paper("2503.11731").toBuilder().codeUrl("https://github.com/found/in-text", true).build();
    store.upsertPapers(List.of(found));
    assertThat(store.findPaper(found.id())).contains(found);
    assertThat(store.upsertPapers(List.of(found))).containsExactly(Outcome.UNCHANGED);

    Paper curated =
        paper("2503.11731").toBuilder().codeUrl("https://github.com/curated/repo").build();
    assertThat(store.upsertPapers(List.of(curated))).containsExactly(Outcome.UPDATED);
    Paper now = store.findPaper(found.id()).orElseThrow();
    assertThat(now.codeUrl()).isEqualTo("https://github.com/curated/repo");
    assertThat(now.codeUrlFromText()).isFalse();
    assertThat(store.upsertPapers(List.of(found))).containsExactly(Outcome.UNCHANGED);
  }

  @Test
  void sameBatchTwiceIsUnchanged() {
    List<Paper> batch = List.of(fullPaper("2503.11731"), paper("2503.00001"), paper("0704.0001"));
    assertThat(store.upsertPapers(batch)).containsOnly(Outcome.ADDED).hasSize(3);

    assertThat(store.upsertPapers(batch)).containsOnly(Outcome.UNCHANGED).hasSize(3);

    assertThat(store.stats().papers()).isEqualTo(3);
    assertThat(store.findPaper(id("2503.11731"))).contains(batch.get(0));
  }

  @Test
  void newestVersionWinsWhicheverArrivesFirst() {
    Paper v1 = paper("2503.11731", 1, "First title");
    Paper v2 = paper("2503.11731", 2, "Revised title");

    store.upsertPapers(List.of(v1));
    assertThat(store.upsertPapers(List.of(v2))).containsExactly(Outcome.UPDATED);
    assertThat(store.findPaper(v1.id()).orElseThrow().title()).isEqualTo("Revised title");

    // The older version arriving later changes nothing.
    assertThat(store.upsertPapers(List.of(v1))).containsExactly(Outcome.UNCHANGED);
    assertThat(store.findPaper(v1.id()).orElseThrow().version()).isEqualTo(2);
  }

  @Test
  void olderRecordFillsWhatTheNewerOneLacks() {
    Paper v2 = paper("2503.11731", 2, "Revised title");
    Paper v1 = paper("2503.11731", 1, "First title").toBuilder().doi("10.1000/xyz").build();

    store.upsertPapers(List.of(v2));
    assertThat(store.upsertPapers(List.of(v1))).containsExactly(Outcome.UPDATED);

    Paper stored = store.findPaper(v2.id()).orElseThrow();
    assertThat(stored.title()).isEqualTo("Revised title");
    assertThat(stored.doi()).isEqualTo("10.1000/xyz");
  }

  @Test
  void duplicateIdsInOneBatchMergeInOrder() {
    Paper v1 = paper("2503.11731", 1, "First title");
    Paper v2 = paper("2503.11731", 2, "Revised title");

    assertThat(store.upsertPapers(List.of(v1, v2, v1, paper("2503.00002"))))
        .containsExactly(Outcome.ADDED, Outcome.UPDATED, Outcome.UNCHANGED, Outcome.ADDED);

    assertThat(store.findPaper(v1.id()).orElseThrow().title()).isEqualTo("Revised title");
    assertThat(store.stats().papers()).isEqualTo(2);
  }

  @Test
  void outcomesFollowInputOrder() {
    store.upsertPapers(List.of(paper("2503.00002"), paper("2503.00003", 1, "Old")));

    assertThat(
            store.upsertPapers(
                List.of(
                    paper("2503.00004"),
                    paper("2503.00003", 2, "New"),
                    paper("2503.00002"),
                    paper("2503.00001"))))
        .containsExactly(Outcome.ADDED, Outcome.UPDATED, Outcome.UNCHANGED, Outcome.ADDED);
  }

  @Test
  void findPapersKeepsTheOrderAskedAndSkipsUnknownIds() {
    store.upsertPapers(List.of(paper("2503.00001"), paper("2503.00002"), paper("2503.00003")));

    List<Paper> found =
        store.findPapers(List.of(id("2503.00003"), id("2512.99999"), id("2503.00001")));

    assertThat(found).extracting(Paper::id).containsExactly(id("2503.00003"), id("2503.00001"));
  }

  @Test
  void batchesLargerThanAQueryListWork() {
    List<Paper> batch = new ArrayList<>();
    for (int i = 1; i <= 1234; i++) {
      batch.add(paper(String.format("2504.%05d", i)));
    }

    assertThat(store.upsertPapers(batch)).containsOnly(Outcome.ADDED).hasSize(1234);
    assertThat(store.upsertPapers(batch)).containsOnly(Outcome.UNCHANGED).hasSize(1234);
    assertThat(store.findPapers(batch.stream().map(Paper::id).toList())).isEqualTo(batch);
  }

  @Test
  void keysetPaginationNeverSkipsOrRepeats() {
    List<String> ids =
        new ArrayList<>(
            List.of(
                "hep-th/9901001",
                "math/0309136",
                "cs/0112017",
                "astro-ph/0001001",
                "0704.0001",
                "1412.9999",
                "1501.00001",
                "2503.11731"));
    for (int i = 1; i <= 49; i++) {
      ids.add(String.format("2506.%05d", i * 7));
    }
    List<Paper> papers = ids.stream().map(PaperStoreContract::paper).toList();
    store.upsertPapers(papers);

    List<ArxivId> seen = new ArrayList<>();
    ArxivId cursor = null;
    int pages = 0;
    while (true) {
      List<Paper> page = store.papersAfter(cursor, 10);
      if (page.isEmpty()) {
        break;
      }
      assertThat(page.size()).isLessThanOrEqualTo(10);
      page.forEach(p -> seen.add(p.id()));
      cursor = page.get(page.size() - 1).id();
      pages++;
    }

    List<ArxivId> expected = ids.stream().map(ArxivId::parse).sorted().toList();
    assertThat(seen).containsExactlyElementsOf(expected);
    assertThat(pages).isEqualTo(6);
    assertThat(store.papersAfter(expected.get(expected.size() - 1), 10)).isEmpty();
    assertThat(store.papersAfter(null, 3))
        .extracting(Paper::id)
        .containsExactlyElementsOf(expected.subList(0, 3));
  }

  @Test
  void unicodeTextRoundTrips() {
    Paper p =
        Paper.builder(id("2503.11731"), "Über Schrödinger’s 𝔼[x] — 日本語の論文 🚀")
            .abstractText("Ça marche: naïve café, Ελληνικά, עברית, emoji 👩‍🔬.\n\nZweiter Absatz.")
            .authors(List.of("Zoë Ångström", "Łukasz Żółć", "李雷", "O'Brien \"Quoted\""))
            .categories(List.of("cs.CL"))
            .comments("Backslash \\ and tab\tinside")
            .build();

    assertThat(store.upsertPapers(List.of(p))).containsExactly(Outcome.ADDED);

    assertThat(store.findPaper(p.id())).contains(p);
    assertThat(store.upsertPapers(List.of(p))).containsExactly(Outcome.UNCHANGED);
  }

  @Test
  void papersWithoutCategoriesAreStoredAndLaterFilled() {
    Paper bare = Paper.builder(id("2503.11731"), "From Hugging Face").abstractText("x").build();
    assertThat(bare.categories()).isEmpty();

    assertThat(store.upsertPapers(List.of(bare))).containsExactly(Outcome.ADDED);
    assertThat(store.findPaper(bare.id())).contains(bare);
    assertThat(store.upsertPapers(List.of(bare))).containsExactly(Outcome.UNCHANGED);

    Paper withCategories = bare.toBuilder().categories(List.of("cs.CV", "cs.AI")).build();
    assertThat(store.upsertPapers(List.of(withCategories))).containsExactly(Outcome.UPDATED);
    Paper stored = store.findPaper(bare.id()).orElseThrow();
    assertThat(stored.categories()).containsExactly("cs.CV", "cs.AI");
    assertThat(stored.primaryCategory()).isEqualTo("cs.CV");
  }

  // --- day lists

  @Test
  void entriesOfADayAreMostUpvotedFirstThenById() {
    store.upsertPapers(List.of(paper("2503.00001"), paper("2503.00002"), paper("2503.00003")));

    store.upsertEntries(
        List.of(
            entry(MON, "2503.00003", EntrySource.HUGGING_FACE, "akhaliq", 5),
            entry(MON, "2503.00001", EntrySource.HUGGING_FACE, "akhaliq", 5),
            entry(MON, "2503.00002", EntrySource.HUGGING_FACE, null, 40),
            entry(TUE, "2503.00001", EntrySource.ARXIV, null, 0)));

    assertThat(store.entriesOn(MON))
        .extracting(e -> e.paperId().value())
        .containsExactly("2503.00002", "2503.00001", "2503.00003");
    assertThat(store.entriesOn(TUE)).hasSize(1);
    assertThat(store.entriesOn(FRI)).isEmpty();
    assertThat(store.entriesOf(id("2503.00001")))
        .extracting(DailyEntry::day)
        .containsExactly(MON, TUE);
  }

  @Test
  void entriesMergeCuratedSourceAndLargerUpvotes() {
    store.upsertPapers(List.of(paper("2503.11731")));
    DailyEntry fromArxiv = entry(MON, "2503.11731", EntrySource.ARXIV, null, 0);
    Instant submittedAt = Instant.parse("2025-06-16T09:12:33.123Z");
    DailyEntry fromHf =
        new DailyEntry(MON, id("2503.11731"), EntrySource.HUGGING_FACE, "akhaliq", 12, submittedAt);

    assertThat(store.upsertEntries(List.of(fromArxiv))).containsExactly(Outcome.ADDED);
    assertThat(store.upsertEntries(List.of(fromHf))).containsExactly(Outcome.UPDATED);
    assertThat(store.upsertEntries(List.of(fromArxiv))).containsExactly(Outcome.UNCHANGED);
    assertThat(store.upsertEntries(List.of(fromHf))).containsExactly(Outcome.UNCHANGED);

    DailyEntry fewerVotes =
        new DailyEntry(MON, id("2503.11731"), EntrySource.HUGGING_FACE, "other", 3, null);
    assertThat(store.upsertEntries(List.of(fewerVotes))).containsExactly(Outcome.UNCHANGED);
    DailyEntry moreVotes =
        new DailyEntry(MON, id("2503.11731"), EntrySource.HUGGING_FACE, "akhaliq", 20, null);
    assertThat(store.upsertEntries(List.of(moreVotes))).containsExactly(Outcome.UPDATED);

    assertThat(store.entriesOn(MON))
        .containsExactly(
            new DailyEntry(
                MON, id("2503.11731"), EntrySource.HUGGING_FACE, "akhaliq", 20, submittedAt));
    assertThat(store.stats().entries()).isEqualTo(1);
  }

  @Test
  void duplicateEntriesInOneBatchMergeInOrder() {
    store.upsertPapers(List.of(paper("2503.11731")));
    DailyEntry a = entry(MON, "2503.11731", EntrySource.ARXIV, null, 0);
    DailyEntry b = entry(MON, "2503.11731", EntrySource.HUGGING_FACE, "akhaliq", 7);

    assertThat(store.upsertEntries(List.of(a, b, a, b)))
        .containsExactly(Outcome.ADDED, Outcome.UPDATED, Outcome.UNCHANGED, Outcome.UNCHANGED);
    assertThat(store.upsertEntries(List.of(a, b)))
        .containsExactly(Outcome.UNCHANGED, Outcome.UNCHANGED);
    assertThat(store.entriesOn(MON)).containsExactly(b);
  }

  @Test
  void entryForAnUnknownPaperIsRejectedAndItsBatchNotWritten() {
    store.upsertPapers(List.of(paper("2503.00001")));

    assertThatThrownBy(
            () ->
                store.upsertEntries(
                    List.of(
                        entry(MON, "2503.00001", EntrySource.ARXIV, null, 0),
                        entry(MON, "2512.99999", EntrySource.ARXIV, null, 0))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("2512.99999");

    assertThat(store.entriesOn(MON)).isEmpty();
  }

  @Test
  void dayNavigationSkipsDaysWithoutEntries() {
    store.upsertPapers(List.of(paper("2503.00001"), paper("2503.00002")));
    store.upsertEntries(
        List.of(
            entry(FRI, "2503.00001", EntrySource.ARXIV, null, 0),
            entry(MON, "2503.00002", EntrySource.ARXIV, null, 0),
            entry(TUE, "2503.00001", EntrySource.HUGGING_FACE, "x", 1),
            entry(TUE, "2503.00002", EntrySource.HUGGING_FACE, "y", 2)));

    assertThat(store.latestDay()).contains(TUE);
    assertThat(store.dayBefore(TUE)).contains(MON);
    assertThat(store.dayBefore(MON)).contains(FRI);
    assertThat(store.dayBefore(MON.minusDays(1))).contains(FRI); // Sunday: no list
    assertThat(store.dayBefore(FRI)).isEmpty();
    assertThat(store.dayAfter(FRI)).contains(MON);
    assertThat(store.dayAfter(FRI.plusDays(1))).contains(MON);
    assertThat(store.dayAfter(TUE)).isEmpty();
    assertThat(store.dayAfter(LocalDate.of(2000, 1, 1))).contains(FRI);
  }

  @Test
  void statsCountPapersEntriesDaysAndCode() {
    Paper withCode = paper("2503.00001").toBuilder().codeUrl("https://github.com/a/b").build();
    Paper blankCode = paper("2503.00002").toBuilder().codeUrl("  ").build();
    store.upsertPapers(List.of(withCode, blankCode, paper("2503.00003")));
    store.upsertEntries(
        List.of(
            entry(FRI, "2503.00001", EntrySource.ARXIV, null, 0),
            entry(TUE, "2503.00001", EntrySource.HUGGING_FACE, "x", 3),
            entry(TUE, "2503.00002", EntrySource.HUGGING_FACE, "y", 1)));

    assertThat(store.stats()).isEqualTo(new StoreStats(3, 3, 2, 1, FRI, TUE));
  }

  @Test
  void readsSeeEveryCommittedBatch() {
    Set<ArxivId> written = new HashSet<>();
    for (int batch = 0; batch < 5; batch++) {
      List<Paper> papers = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        Paper p = paper(String.format("2505.%05d", batch * 100 + i + 1));
        papers.add(p);
        written.add(p.id());
      }
      store.upsertPapers(papers);
      assertThat(store.stats().papers()).isEqualTo(written.size());
    }
    assertThat(store.papersAfter(null, 1000))
        .extracting(Paper::id)
        .containsExactlyInAnyOrderElementsOf(written);
  }

  // ---- The change sequence (what an index follows) ----

  private List<ArxivId> changedAfter(long seq) {
    return store.changesAfter(seq, 1000).stream().map(PaperChange::id).toList();
  }

  @Test
  void changeSequenceNumbersEveryChangeInOrder() {
    assertThat(store.changeHorizon()).isZero();
    assertThat(store.changesAfter(0, 10)).isEmpty();

    store.upsertPapers(List.of(paper("2503.00002"), paper("2503.00001")));
    long first = store.changeHorizon();
    assertThat(first).isPositive();
    List<PaperChange> changes = store.changesAfter(0, 10);
    assertThat(changes)
        .extracting(PaperChange::id)
        .containsExactlyInAnyOrder(id("2503.00001"), id("2503.00002"));
    assertThat(changes.get(1).seq()).isGreaterThan(changes.get(0).seq());
    assertThat(changes.get(1).seq()).isEqualTo(first);

    // An update moves the paper after the others; it is listed once, at its new number.
    store.upsertPapers(List.of(paper("2503.00003")));
    store.upsertPapers(List.of(paper("2503.00001", 2, "Paper 2503.00001, revised")));
    long second = store.changeHorizon();
    assertThat(second).isGreaterThan(first);
    assertThat(changedAfter(0)).hasSize(3).endsWith(id("2503.00001"));
    assertThat(changedAfter(first)).containsExactly(id("2503.00003"), id("2503.00001"));
    assertThat(store.changesAfter(first, 1))
        .extracting(PaperChange::id)
        .containsExactly(id("2503.00003"));
    assertThat(changedAfter(second)).isEmpty();
  }

  @Test
  void unchangedWritesStampNothing() {
    Paper p = paper("2503.00001");
    DailyEntry e = entry(MON, "2503.00001", EntrySource.HUGGING_FACE, "x", 3);
    store.upsertPapers(List.of(p));
    store.upsertEntries(List.of(e));
    long horizon = store.changeHorizon();

    store.upsertPapers(List.of(p));
    store.upsertEntries(List.of(e));
    store.upsertEntries(List.of(entry(MON, "2503.00001", EntrySource.HUGGING_FACE, "x", 1)));

    assertThat(store.changeHorizon()).isEqualTo(horizon);
    assertThat(changedAfter(horizon)).isEmpty();
  }

  @Test
  void entryChangesStampTheirPaper() {
    store.upsertPapers(List.of(paper("2503.00001"), paper("2503.00002")));
    store.upsertEntries(List.of(entry(MON, "2503.00001", EntrySource.HUGGING_FACE, "x", 3)));
    long before = store.changeHorizon();
    assertThat(changedAfter(0)).endsWith(id("2503.00001"));

    // More upvotes for the entry: its paper changes again, the other does not.
    store.upsertEntries(List.of(entry(MON, "2503.00001", EntrySource.HUGGING_FACE, "x", 7)));
    assertThat(store.changeHorizon()).isGreaterThan(before);
    assertThat(changedAfter(before)).containsExactly(id("2503.00001"));

    // A new day for the other paper.
    long mid = store.changeHorizon();
    store.upsertEntries(List.of(entry(TUE, "2503.00002", EntrySource.HUGGING_FACE, "x", 1)));
    assertThat(changedAfter(mid)).containsExactly(id("2503.00002"));
  }

  @Test
  void changesAreReadInPagesThatNeverSkipOrRepeat() {
    List<Paper> papers = new ArrayList<>();
    for (int i = 1; i <= 1200; i++) {
      papers.add(paper(String.format("2506.%05d", i)));
    }
    store.upsertPapers(papers.subList(0, 700));
    store.upsertPapers(papers.subList(700, 1200));
    List<ArxivId> seen = new ArrayList<>();
    long from = 0;
    while (true) {
      List<PaperChange> page = store.changesAfter(from, 250);
      if (page.isEmpty()) {
        break;
      }
      page.forEach(c -> seen.add(c.id()));
      from = page.get(page.size() - 1).seq();
    }
    assertThat(seen).hasSize(1200).doesNotHaveDuplicates();
    assertThat(from).isEqualTo(store.changeHorizon());
  }

  @Test
  void aReaderFollowingConcurrentWritersMissesNoChange() throws Exception {
    int writers = 4;
    int batches = 15;
    Set<ArxivId> written = java.util.concurrent.ConcurrentHashMap.newKeySet();
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(writers);
    try {
      List<java.util.concurrent.Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        done.add(
            pool.submit(
                () -> {
                  for (int b = 0; b < batches; b++) {
                    List<Paper> batch = new ArrayList<>();
                    for (int i = 0; i < 3; i++) {
                      batch.add(paper(String.format("2507.%05d", writer * 1000 + b * 10 + i)));
                    }
                    store.upsertPapers(batch);
                    // and an entry change for one of them, as an import does
                    store.upsertEntries(
                        List.of(
                            entry(
                                MON, batch.get(0).id().value(), EntrySource.HUGGING_FACE, "x", b)));
                    batch.forEach(p -> written.add(p.id()));
                  }
                  return null;
                }));
      }
      // Follow while they write: a change committed with a number at or below one already seen
      // would be skipped here for good.
      Set<ArxivId> seen = new HashSet<>();
      long from = 0;
      boolean writing = true;
      while (writing) {
        writing = done.stream().anyMatch(f -> !f.isDone());
        List<PaperChange> page;
        while (!(page = store.changesAfter(from, 7)).isEmpty()) {
          page.forEach(c -> seen.add(c.id()));
          assertThat(page.get(0).seq()).isGreaterThan(from);
          from = page.get(page.size() - 1).seq();
        }
      }
      for (var f : done) {
        f.get();
      }
      assertThat(written).hasSize(writers * batches * 3);
      assertThat(seen).containsExactlyInAnyOrderElementsOf(written);
      assertThat(from).isEqualTo(store.changeHorizon());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void rejectsBadChangeArguments() {
    assertThatThrownBy(() -> store.changesAfter(-1, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("seq");
    assertThatThrownBy(() -> store.changesAfter(0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit");
  }

  // ---- Read queries for lists (day, week, month, category, trending pages and the API) ----

  protected static final LocalDate WED = LocalDate.of(2025, 6, 18);
  protected static final LocalDate NEXT_MON = LocalDate.of(2025, 6, 23);

  /** Six papers on lists over two weeks, for the list queries below. */
  private void fillLists() {
    store.upsertPapers(
        List.of(
            listed("2506.00001", "cs.CL", "cs.LG"),
            listed("2506.00002", "cs.CV"),
            listed("2506.00003", "cs.LG", "cs.CL"),
            listed("2506.00004", "cs.CL"),
            listed("2506.00005", "cs.CV", "cs.AI"),
            listed("2506.00006", "cs.AI")));
    store.upsertEntries(
        List.of(
            vote(MON, "2506.00001", 5),
            vote(MON, "2506.00002", 9),
            vote(MON, "2506.00003", 0),
            // 00001 again on Tuesday with more votes: that entry stands for it in the week.
            vote(TUE, "2506.00001", 12),
            vote(TUE, "2506.00004", 9),
            vote(WED, "2506.00005", 1),
            // 00002 again on Wednesday with fewer votes: Monday's entry stands for it.
            vote(WED, "2506.00002", 3),
            vote(NEXT_MON, "2506.00006", 50)));
  }

  @Test
  void weekListsEachPaperOnceByItsBestEntryMostUpvotedFirst() {
    fillLists();
    List<DailyEntry> week =
        store.entries(EntryQuery.between(MON, MON.plusDays(6)), EntryOrder.UPVOTES, 0, 100);
    assertThat(week)
        .extracting(e -> e.paperId().value() + "@" + e.day() + ":" + e.upvotes())
        .containsExactly(
            "2506.00001@2025-06-17:12",
            // 9 votes each: the later day first.
            "2506.00004@2025-06-17:9",
            "2506.00002@2025-06-16:9",
            "2506.00005@2025-06-18:1",
            "2506.00003@2025-06-16:0");
    assertThat(store.countEntries(EntryQuery.between(MON, MON.plusDays(6)))).isEqualTo(5);
  }

  @Test
  void newestOrderPutsLaterDaysFirst() {
    fillLists();
    List<DailyEntry> week = store.entries(EntryQuery.between(MON, WED), EntryOrder.NEWEST, 0, 100);
    assertThat(week)
        .extracting(e -> e.paperId().value())
        .containsExactly("2506.00005", "2506.00001", "2506.00004", "2506.00002", "2506.00003");
  }

  @Test
  void oneDayIsTheDaysListInUpvoteOrder() {
    fillLists();
    assertThat(store.entries(EntryQuery.day(MON), EntryOrder.UPVOTES, 0, 10))
        .extracting(e -> e.paperId().value())
        .containsExactly("2506.00002", "2506.00001", "2506.00003");
    assertThat(store.countEntries(EntryQuery.day(MON))).isEqualTo(3);
    assertThat(store.entries(EntryQuery.day(MON.plusDays(5)), EntryOrder.UPVOTES, 0, 10)).isEmpty();
  }

  @Test
  void pagesAreStableAndCoverTheListOnce() {
    fillLists();
    EntryQuery all = EntryQuery.between(MON, NEXT_MON);
    List<DailyEntry> whole = store.entries(all, EntryOrder.UPVOTES, 0, 100);
    List<DailyEntry> paged = new ArrayList<>();
    for (int offset = 0; offset < 10; offset += 2) {
      paged.addAll(store.entries(all, EntryOrder.UPVOTES, offset, 2));
    }
    assertThat(paged).isEqualTo(whole);
    assertThat(whole).hasSize(6);
    assertThat(store.entries(all, EntryOrder.UPVOTES, 6, 2)).isEmpty();
  }

  @Test
  void filtersByCategoryIncludingCrossLists() {
    fillLists();
    EntryQuery clWeek = EntryQuery.between(MON, NEXT_MON).withCategory("cs.CL");
    assertThat(store.entries(clWeek, EntryOrder.UPVOTES, 0, 100))
        .extracting(e -> e.paperId().value())
        .containsExactly("2506.00001", "2506.00004", "2506.00003");
    assertThat(store.countEntries(clWeek)).isEqualTo(3);
    EntryQuery ai = EntryQuery.between(MON, NEXT_MON).withCategory("cs.AI");
    assertThat(store.entries(ai, EntryOrder.UPVOTES, 0, 100))
        .extracting(e -> e.paperId().value())
        .containsExactly("2506.00006", "2506.00005");
    assertThat(store.countEntries(EntryQuery.between(MON, NEXT_MON).withCategory("math.AG")))
        .isZero();
  }

  @Test
  void categoryDaysAreTheDaysWithPapersOfThatCategory() {
    fillLists();
    // The store's latest list (NEXT_MON) has only a cs.AI paper.
    assertThat(store.latestDay()).contains(NEXT_MON);
    assertThat(store.latestDayIn("cs.AI")).contains(NEXT_MON);
    assertThat(store.latestDayIn("cs.CL")).contains(TUE); // 00001 and 00004
    assertThat(store.latestDayIn("cs.CV")).contains(WED); // 00002, 00005
    assertThat(store.latestDayIn("cs.LG")).contains(TUE); // 00001 (cross-list)
    assertThat(store.latestDayIn("math.AG")).isEmpty();

    assertThat(store.dayBeforeIn("cs.CL", TUE)).contains(MON);
    assertThat(store.dayBeforeIn("cs.CL", MON)).isEmpty();
    assertThat(store.dayBeforeIn("cs.CV", NEXT_MON)).contains(WED);
    assertThat(store.dayBeforeIn("cs.AI", NEXT_MON)).contains(WED);
    assertThat(store.dayBeforeIn("cs.AI", WED)).isEmpty();
    assertThat(store.dayAfterIn("cs.CL", MON)).contains(TUE);
    assertThat(store.dayAfterIn("cs.CL", TUE)).isEmpty();
    assertThat(store.dayAfterIn("cs.AI", MON)).contains(WED);
    assertThat(store.dayAfterIn("cs.AI", WED)).contains(NEXT_MON);
    assertThat(store.dayAfterIn("cs.CV", LocalDate.of(2000, 1, 1))).contains(MON);
    assertThat(store.dayAfterIn("math.AG", LocalDate.of(2000, 1, 1))).isEmpty();
  }

  @Test
  void aQuietCategorysDaysAreFoundBehindThousandsOfNewerEntries() {
    // More entries of another category between the days than a store may probe one by one
    // (JdbcPaperStore.CATEGORY_PROBE): the store must still find the quiet category's days.
    int busy = 2100;
    List<Paper> papers = new ArrayList<>();
    papers.add(listed("2506.00001", "cs.CL"));
    papers.add(listed("2506.00002", "cs.CL"));
    for (int i = 0; i < busy; i++) {
      papers.add(listed(String.format("2506.%05d", 10000 + i), "cs.CV"));
    }
    store.upsertPapers(papers);
    List<DailyEntry> entries = new ArrayList<>();
    entries.add(vote(FRI, "2506.00001", 0));
    entries.add(vote(TUE, "2506.00002", 0));
    for (int i = 0; i < busy; i++) {
      entries.add(vote(MON, String.format("2506.%05d", 10000 + i), 0));
      entries.add(vote(WED, String.format("2506.%05d", 10000 + i), 0));
    }
    store.upsertEntries(entries);

    assertThat(store.latestDayIn("cs.CL")).contains(TUE);
    assertThat(store.latestDayIn("cs.CV")).contains(WED);
    assertThat(store.dayBeforeIn("cs.CL", TUE)).contains(FRI);
    assertThat(store.dayAfterIn("cs.CL", FRI)).contains(TUE);
    assertThat(store.dayAfterIn("cs.CL", TUE)).isEmpty();
    assertThat(store.dayBeforeIn("cs.CV", MON)).isEmpty();
    assertThat(store.latestDayIn("math.AG")).isEmpty();
  }

  @Test
  void categoryDaysOfAnEmptyStoreAreEmpty() {
    assertThat(store.latestDayIn("cs.CL")).isEmpty();
    assertThat(store.dayBeforeIn("cs.CL", TUE)).isEmpty();
    assertThat(store.dayAfterIn("cs.CL", TUE)).isEmpty();
  }

  @Test
  void filtersByMinimumUpvotes() {
    fillLists();
    EntryQuery upvoted = EntryQuery.between(MON, WED).withMinUpvotes(5);
    assertThat(store.entries(upvoted, EntryOrder.UPVOTES, 0, 100))
        .extracting(e -> e.paperId().value())
        .containsExactly("2506.00001", "2506.00004", "2506.00002");
    assertThat(store.countEntries(upvoted)).isEqualTo(3);
  }

  @Test
  void rangeEndsAreIncluded() {
    fillLists();
    assertThat(store.entries(EntryQuery.between(TUE, WED), EntryOrder.UPVOTES, 0, 100))
        .extracting(e -> e.paperId().value())
        .containsExactly("2506.00001", "2506.00004", "2506.00002", "2506.00005");
  }

  @Test
  void countsEntriesPerDayLeavingOutEmptyDays() {
    fillLists();
    assertThat(store.dayCounts(MON.minusDays(3), NEXT_MON))
        .containsExactly(
            new DayCount(MON, 3),
            new DayCount(TUE, 2),
            new DayCount(WED, 2),
            new DayCount(NEXT_MON, 1));
    assertThat(store.dayCounts(MON.plusDays(3), MON.plusDays(6))).isEmpty();
  }

  @Test
  void upvotesOfAPaperAreItsBestEntrysInOneCall() {
    fillLists();
    assertThat(
            store.upvotesOf(
                List.of(
                    ArxivId.parse("2506.00001"),
                    ArxivId.parse("2506.00002"),
                    ArxivId.parse("2506.00003"),
                    ArxivId.parse("2507.00001"))))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                ArxivId.parse("2506.00001"), 12,
                ArxivId.parse("2506.00002"), 9,
                ArxivId.parse("2506.00003"), 0));
    assertThat(store.upvotesOf(List.of())).isEmpty();
  }

  @Test
  void rejectsBadPages() {
    fillLists();
    EntryQuery q = EntryQuery.day(MON);
    assertThatThrownBy(() -> store.entries(q, EntryOrder.UPVOTES, -1, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("offset");
    assertThatThrownBy(() -> store.entries(q, EntryOrder.UPVOTES, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit");
  }

  @Test
  void emptyStoreHasNoListEntries() {
    assertThat(store.entries(EntryQuery.between(MON, NEXT_MON), EntryOrder.UPVOTES, 0, 10))
        .isEmpty();
    assertThat(store.countEntries(EntryQuery.between(MON, NEXT_MON))).isZero();
    assertThat(store.dayCounts(MON, NEXT_MON)).isEmpty();
    assertThat(store.upvotesOf(List.of(id("2506.00001")))).isEmpty();
  }

  protected static Paper listed(String id, String... categories) {
    return Paper.builder(ArxivId.parse(id), "Paper " + id)
        .abstractText("About " + id + ".")
        .authors(List.of("Ada Lovelace"))
        .categories(List.of(categories))
        .listingDate(MON)
        .build();
  }

  protected static DailyEntry vote(LocalDate day, String id, int upvotes) {
    return new DailyEntry(
        day, ArxivId.parse(id), EntrySource.HUGGING_FACE, "someone", upvotes, null);
  }
}
