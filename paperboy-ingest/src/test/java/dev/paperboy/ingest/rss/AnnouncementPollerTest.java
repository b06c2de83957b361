package dev.paperboy.ingest.rss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.ingest.Importer;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.DailyEntry;
import dev.paperboy.core.paper.EntrySource;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.paper.PaperStore;
import dev.paperboy.core.paper.PaperVersion;
import dev.paperboy.ingest.api.ArxivApiClient;
import dev.paperboy.ingest.http.HttpFetcher;
import dev.paperboy.ingest.http.HttpSettings;
import dev.paperboy.ingest.http.LocalServer;
import dev.paperboy.ingest.http.LocalServer.RecordingSleeper;
import dev.paperboy.ingest.http.LocalServer.Reply;
import dev.paperboy.ingest.http.RetryPolicy;
import dev.paperboy.ingest.support.Fixtures;
import dev.paperboy.ingest.support.RecordingIndex;
import dev.paperboy.store.Database;
import dev.paperboy.store.JdbcPaperStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The poller against local feed and API servers, into a real SQLite store. */
class AnnouncementPollerTest {
  static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);
  static final LocalDate OCTOBER_LISTING = LocalDate.of(2026, 10, 12);
  static final ArxivId REPLACED = ArxivId.parse("2610.05555");
  static final Duration DELAY = Duration.ofSeconds(3);

  @TempDir Path dir;
  final LocalServer rss = LocalServer.start();
  final LocalServer api = LocalServer.start();
  final RecordingSleeper sleeper = new RecordingSleeper();
  final RecordingIndex index = new RecordingIndex();
  final List<String> rejected = new ArrayList<>();
  Database db;
  PaperStore store;
  HttpFetcher http;

  @BeforeEach
  void open() {
    db = Database.sqlite(dir.resolve("paperboy.db"));
    store = new JdbcPaperStore(db);
    http =
        new HttpFetcher(
            HttpSettings.defaults("ops@example.org")
                .withRetry(
                    new RetryPolicy(
                        2, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(5))),
            Clock.systemUTC(),
            sleeper,
            new Random(3));
    rss.on("/atom/", r -> Reply.xml(fixture(r.path().substring("/atom/".length()) + ".atom.xml")));
    api.on("/api/query", r -> Reply.xml(fixture("api-replaced.atom.xml")));

    // v1 of the October paper was announced on October 12 and is on that day's list.
    Paper v1 =
        Paper.builder(REPLACED, "Original Title of an October Paper")
            .version(1)
            .abstractText("The first version.")
            .categories(List.of("cs.CL"))
            .comments("v1: 12 pages")
            .submitted(LocalDate.of(2026, 10, 9))
            .updated(LocalDate.of(2026, 10, 9))
            .listingDate(OCTOBER_LISTING)
            .versions(List.of(new PaperVersion(1, LocalDate.of(2026, 10, 9))))
            .build();
    store.upsertPapers(List.of(v1));
    store.upsertEntries(
        List.of(new DailyEntry(OCTOBER_LISTING, REPLACED, EntrySource.ARXIV, null, 0, null)));
  }

  @AfterEach
  void close() {
    http.close();
    rss.close();
    api.close();
    db.close();
  }

  static String fixture(String name) {
    try {
      return Files.readString(Fixtures.path("rss/" + name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  AnnouncementPoller poller(
      boolean showCrossLists, @Nullable ArxivApiClient apiClient, String... feeds) {
    return new AnnouncementPoller(
        http,
        new Importer(store, index),
        new FeedSettings(rss.uri("/atom/"), List.of(feeds), showCrossLists),
        apiClient,
        DELAY,
        sleeper);
  }

  ArxivApiClient apiClient() {
    return new ArxivApiClient(http, api.uri("/api/query"), DELAY, sleeper);
  }

  List<String> listOf(LocalDate day) {
    return store.entriesOn(day).stream().map(e -> e.paperId() + " " + e.source()).sorted().toList();
  }

  @Test
  void aDayOfNewCrossAndReplaceItems() throws IOException {
    PollResult r =
        poller(true, apiClient(), "cs.CL+cs.LG", "cs.AI").poll(x -> rejected.add(x.toString()));

    assertThat(r.days()).containsExactly(MONDAY);
    assertThat(r.count(AnnounceType.NEW)).isEqualTo(1); // new in cs.CL, cross in cs.AI: new
    assertThat(r.count(AnnounceType.CROSS)).isEqualTo(1);
    assertThat(r.count(AnnounceType.REPLACE)).isEqualTo(1);
    assertThat(r.count(AnnounceType.REPLACE_CROSS)).isEqualTo(1);
    assertThat(r.imported().added()).isEqualTo(3);
    assertThat(r.imported().updated()).isEqualTo(1);
    assertThat(r.imported().rejected()).isEqualTo(1);
    assertThat(rejected).singleElement().asString().contains("2611.0001v1");
    assertThat(r.feedsFailed()).isEmpty();

    // Monday's list: the new paper and the cross-list; no replacement.
    assertThat(listOf(MONDAY)).containsExactly("2611.00010 ARXIV", "2611.00011 ARXIV_CROSS");
    Paper fresh = store.findPaper(ArxivId.parse("2611.00010")).orElseThrow();
    assertThat(fresh.listingDate()).isEqualTo(MONDAY);
    assertThat(fresh.codeUrl()).isEqualTo("https://github.com/paperboy-test/feeds");
    assertThat(store.findPaper(ArxivId.parse("2609.01234")).orElseThrow().listingDate()).isNull();

    // Requests: the two feeds, a polite pause between them, then the API for the replacements.
    assertThat(rss.requests())
        .extracting(LocalServer.Request::path)
        .containsExactly("/atom/cs.CL+cs.LG", "/atom/cs.AI");
    assertThat(api.requests())
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q.param("id_list")).isEqualTo("2610.05555,2609.01234");
              assertThat(q.param("max_results")).isEqualTo("2");
            });
    assertThat(sleeper.waits()).containsExactly(DELAY, DELAY);
  }

  @Test
  void aReplacementUpdatesTheStoredPaperAndKeepsItOffNewLists() throws IOException {
    long papersBefore = store.stats().papers();
    poller(true, apiClient(), "cs.CL+cs.LG").poll(x -> {});

    Paper now = store.findPaper(REPLACED).orElseThrow();
    assertThat(now.version()).isEqualTo(3);
    assertThat(now.title()).isEqualTo("Revised Title of an October Paper");
    assertThat(now.abstractText()).isEqualTo("The third version: the proof of Lemma 2 is fixed.");
    assertThat(now.authors()).containsExactly("Alan Turing", "Emmy Noether");
    assertThat(now.doi()).isEqualTo("10.1234/example.5555");
    assertThat(now.comments()).isEqualTo("v3: Lemma 2 fixed; 14 pages"); // from the API
    // "updated to v3 on 2026-10-30": the version and its date, from the API.
    assertThat(now.updated()).isEqualTo(LocalDate.of(2026, 10, 30));
    assertThat(now.versions())
        .containsExactly(
            new PaperVersion(1, LocalDate.of(2026, 10, 9)),
            new PaperVersion(3, LocalDate.of(2026, 10, 30)));
    // Still the October paper: first listed in October, on October's list only.
    assertThat(now.listingDate()).isEqualTo(OCTOBER_LISTING);
    assertThat(store.entriesOf(REPLACED))
        .extracting(DailyEntry::day)
        .containsExactly(OCTOBER_LISTING);
    assertThat(store.stats().papers())
        .isEqualTo(papersBefore + 3); // 00010, 00011, 01234; no second 05555
    assertThat(index.doc(REPLACED).version()).isEqualTo(3);
  }

  @Test
  void withoutTheApiAReplacementStillUpdatesVersionAndMetadata() throws IOException {
    PollResult r = poller(true, null, "cs.CL+cs.LG").poll(x -> {});
    assertThat(r.versionLookups()).isNull();
    assertThat(api.requests()).isEmpty();
    Paper now = store.findPaper(REPLACED).orElseThrow();
    assertThat(now.version()).isEqualTo(3);
    assertThat(now.title()).isEqualTo("Revised Title of an October Paper");
    assertThat(now.comments()).isEqualTo("v1: 12 pages"); // the feed has none; kept
    assertThat(now.updated()).isEqualTo(LocalDate.of(2026, 10, 9)); // unknown yet: not invented
    assertThat(now.listingDate()).isEqualTo(OCTOBER_LISTING);
  }

  @Test
  void crossListsCanBeKeptOffTheLists() throws IOException {
    poller(false, null, "cs.CL+cs.LG").poll(x -> {});
    assertThat(listOf(MONDAY)).containsExactly("2611.00010 ARXIV");
    // ... but the cross-listed paper is stored, with its listing day.
    assertThat(store.findPaper(ArxivId.parse("2611.00011")).orElseThrow().listingDate())
        .isEqualTo(MONDAY);
  }

  @Test
  void pollingTheSameDayAgainChangesNothing() throws IOException {
    poller(true, apiClient(), "cs.CL+cs.LG", "cs.AI").poll(x -> {});
    PollResult again = poller(true, apiClient(), "cs.CL+cs.LG", "cs.AI").poll(x -> {});
    assertThat(again.imported().added()).isZero();
    assertThat(again.imported().updated()).isZero();
    assertThat(again.versionLookups().updated()).isZero();
  }

  @Test
  void aDayWithoutAnnouncementsImportsNothing() throws IOException {
    PollResult r = poller(true, apiClient(), "weekend").poll(x -> {});
    assertThat(r.days()).isEmpty();
    assertThat(r.imported().read()).isZero();
    assertThat(api.requests()).isEmpty();
  }

  @Test
  void aFeedThatFailsIsReportedAndTheOthersImport() throws IOException {
    rss.on("/atom/cs.AI", q -> Reply.status(404, Map.of()));
    PollResult r = poller(true, null, "cs.AI", "cs.CL+cs.LG").poll(x -> {});
    assertThat(r.feedsFailed())
        .singleElement()
        .asString()
        .startsWith("cs.AI: GET ")
        .contains("HTTP 404");
    assertThat(listOf(MONDAY)).hasSize(2);
  }
}
