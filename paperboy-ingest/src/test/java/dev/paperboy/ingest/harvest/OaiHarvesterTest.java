package dev.paperboy.ingest.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.core.ingest.HarvestCheckpoint;
import dev.paperboy.core.ingest.HarvestCheckpointStore;
import dev.paperboy.core.ingest.Importer;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.paper.PaperStore;
import dev.paperboy.core.paper.PaperVersion;
import dev.paperboy.ingest.http.HttpFetcher;
import dev.paperboy.ingest.http.HttpSettings;
import dev.paperboy.ingest.http.LocalServer;
import dev.paperboy.ingest.http.LocalServer.RecordingSleeper;
import dev.paperboy.ingest.http.LocalServer.Reply;
import dev.paperboy.ingest.http.RetryPolicy;
import dev.paperboy.ingest.support.RecordingIndex;
import dev.paperboy.store.Database;
import dev.paperboy.store.JdbcHarvestCheckpoints;
import dev.paperboy.store.JdbcPaperStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harvester against a local OAI-PMH server, into a real store (SQLite here). */
class OaiHarvesterTest {
  static final Instant NOW = Instant.parse("2026-11-03T09:30:00Z");
  static final LocalDate FROM = LocalDate.of(2026, 11, 1);
  static final Duration DELAY = Duration.ofSeconds(3);
  static final List<String> ALL_IDS =
      List.of(
          "2610.09999",
          "2611.00001",
          "2611.00002",
          "2611.00003",
          "2611.00004",
          "2611.00006",
          "2611.00007");

  @TempDir Path dir;
  OaiFixtureServer oai;
  Database db;
  PaperStore store;
  HarvestCheckpointStore checkpoints;
  RecordingIndex index;
  RecordingSleeper sleeper;

  @BeforeEach
  void open() {
    oai = new OaiFixtureServer();
    db = openDatabase();
    store = new JdbcPaperStore(db);
    checkpoints = new JdbcHarvestCheckpoints(db);
    index = new RecordingIndex();
    sleeper = new RecordingSleeper();
  }

  @AfterEach
  void close() {
    oai.close();
    closeDatabase();
  }

  /** A fresh, empty database; SQLite here, PostgreSQL in {@link PostgresOaiHarvesterTest}. */
  protected Database openDatabase() {
    return Database.sqlite(dir.resolve("paperboy.db"));
  }

  protected void closeDatabase() {
    db.close();
  }

  OaiHarvester harvester(RetryPolicy retry) {
    HttpFetcher http =
        new HttpFetcher(
            HttpSettings.defaults("ops@example.org").withRetry(retry),
            Clock.fixed(NOW, ZoneOffset.UTC),
            sleeper,
            new Random(7));
    return new OaiHarvester(
        http,
        checkpoints,
        new Importer(store, index),
        HarvestSettings.arxiv().withEndpoint(oai.endpoint()).withDelay(DELAY),
        Clock.fixed(NOW, ZoneOffset.UTC),
        sleeper);
  }

  OaiHarvester harvester() {
    return harvester(
        new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofMinutes(10)));
  }

  List<String> storedIds() {
    return store.papersAfter(null, 100).stream().map(p -> p.id().value()).toList();
  }

  @Test
  void harvestsEveryPageFollowingResumptionTokens() throws Exception {
    HarvestResult r =
        harvester().run(new HarvestRequest("cs", FROM, null), OaiHarvester.Listener.NONE);

    assertThat(r.pages()).isEqualTo(3);
    assertThat(r.records()).isEqualTo(8);
    assertThat(r.added()).isEqualTo(7);
    assertThat(r.deleted()).containsExactly("2611.00005");
    assertThat(r.rejected()).isZero();
    assertThat(r.resumed()).isFalse();
    assertThat(storedIds()).containsExactlyElementsOf(ALL_IDS);

    List<LocalServer.Request> asked = oai.requests();
    assertThat(asked).hasSize(3);
    assertThat(asked.get(0).query())
        .isEqualTo("verb=ListRecords&metadataPrefix=arXiv&set=cs&from=2026-11-01");
    assertThat(asked.get(1).param("resumptionToken")).isEqualTo(OaiFixtureServer.TOKEN_PAGE_2);
    assertThat(asked.get(1).param("set")).isNull();
    assertThat(asked.get(2).param("resumptionToken")).isEqualTo(OaiFixtureServer.TOKEN_PAGE_3);
    assertThat(asked.get(0).headers().getFirst("User-Agent")).contains("mailto:ops@example.org");
    // A polite pause before every request but the first.
    assertThat(sleeper.waits()).containsExactly(DELAY, DELAY);

    // The checkpoint: complete up to the day of the last responseDate, nothing in flight.
    HarvestCheckpoint cp = checkpoints.find(oai.endpoint().toString(), "cs").orElseThrow();
    assertThat(cp.harvestedUntil()).isEqualTo(LocalDate.of(2026, 11, 3));
    assertThat(cp.inFlight()).isFalse();

    // Same path as file imports: indexed, code links found in the text.
    assertThat(index.size()).isEqualTo(7);
    Paper first = store.findPaper(ArxivId.parse("2611.00001")).orElseThrow();
    assertThat(first.codeUrl()).isEqualTo("https://github.com/paperboy-test/harvest");
    assertThat(first.codeUrlFromText()).isTrue();
    assertThat(store.findPaper(ArxivId.parse("2611.00004")).orElseThrow().codeUrl())
        .isEqualTo("https://gitlab.com/group/sub/tool");
    Paper replaced = store.findPaper(ArxivId.parse("2610.09999")).orElseThrow();
    assertThat(replaced.submitted()).isEqualTo(LocalDate.of(2026, 10, 20));
    assertThat(replaced.updated()).isEqualTo(LocalDate.of(2026, 11, 1));
    assertThat(replaced.versions())
        .containsExactly(new PaperVersion(1, LocalDate.of(2026, 10, 20)));
  }

  @Test
  void theNextRunStartsWhereTheLastCompleteRunEnded() throws Exception {
    harvester().run(new HarvestRequest("cs", FROM, null), OaiHarvester.Listener.NONE);
    HarvestResult again =
        harvester().run(HarvestRequest.incremental("cs"), OaiHarvester.Listener.NONE);

    assertThat(oai.requests().get(3).param("from")).isEqualTo("2026-11-03");
    assertThat(again.added()).isZero();
    assertThat(again.unchanged()).isEqualTo(7);
    assertThat(storedIds()).containsExactlyElementsOf(ALL_IDS);
  }

  @Test
  void anInterruptedHarvestResumesAtTheNextPageWithoutDuplicatesOrGaps() throws Exception {
    // The "kill": the process dies right after page 1 and its checkpoint are written.
    OaiHarvester.Listener dies =
        new OaiHarvester.Listener() {
          @Override
          public void onPage(HarvestProgress p) {
            throw new IllegalStateException("killed after page " + p.page());
          }
        };
    assertThatThrownBy(() -> harvester().run(new HarvestRequest("cs", FROM, null), dies))
        .hasMessage("killed after page 1");
    HarvestCheckpoint cp = checkpoints.find(oai.endpoint().toString(), "cs").orElseThrow();
    assertThat(cp.token()).isEqualTo(OaiFixtureServer.TOKEN_PAGE_2);
    assertThat(cp.runFrom()).isEqualTo(FROM);
    assertThat(cp.pagesInRun()).isEqualTo(1);
    assertThat(cp.recordsInRun()).isEqualTo(3);
    assertThat(storedIds()).containsExactly("2611.00001", "2611.00002", "2611.00003");

    // A new process: no --from, so it goes on with the token in flight.
    HarvestResult r = harvester().run(HarvestRequest.incremental("cs"), OaiHarvester.Listener.NONE);

    assertThat(r.resumed()).isTrue();
    assertThat(r.pages()).isEqualTo(2);
    assertThat(r.added()).isEqualTo(4);
    List<LocalServer.Request> asked = oai.requests();
    assertThat(asked).hasSize(3); // page 1 was not asked again
    assertThat(asked.get(1).param("resumptionToken")).isEqualTo(OaiFixtureServer.TOKEN_PAGE_2);
    assertThat(storedIds()).containsExactlyElementsOf(ALL_IDS);
    assertThat(checkpoints.find(oai.endpoint().toString(), "cs").orElseThrow().inFlight())
        .isFalse();
  }

  @Test
  void aPageImportedButNotCheckpointedIsImportedAgainHarmlessly() throws Exception {
    // Dies after page 2 is imported but before its checkpoint is written.
    HarvestCheckpointStore real = checkpoints;
    checkpoints =
        new HarvestCheckpointStore() {
          int saves;

          @Override
          public java.util.Optional<HarvestCheckpoint> find(String e, String s) {
            return real.find(e, s);
          }

          @Override
          public void save(HarvestCheckpoint c) {
            if (++saves == 2) {
              throw new IllegalStateException("killed before the checkpoint of page 2");
            }
            real.save(c);
          }

          @Override
          public List<HarvestCheckpoint> all() {
            return real.all();
          }
        };
    assertThatThrownBy(
            () -> harvester().run(new HarvestRequest("cs", FROM, null), OaiHarvester.Listener.NONE))
        .hasMessageContaining("killed before");
    assertThat(storedIds()).hasSize(5); // pages 1 and 2 are in the store

    checkpoints = real;
    HarvestResult r = harvester().run(HarvestRequest.incremental("cs"), OaiHarvester.Listener.NONE);
    assertThat(r.unchanged()).isEqualTo(2); // page 2 again: nothing changes
    assertThat(r.added()).isEqualTo(2); // page 3
    assertThat(storedIds()).containsExactlyElementsOf(ALL_IDS);
    assertThat(store.stats().papers()).isEqualTo(7);
  }

  @Test
  void honoursA503WithRetryAfter() throws Exception {
    oai.before(2, Reply.status(503, Map.of("Retry-After", "20")));
    HarvestResult r =
        harvester().run(new HarvestRequest("cs", FROM, null), OaiHarvester.Listener.NONE);
    assertThat(r.pages()).isEqualTo(3);
    assertThat(sleeper.waits()).containsExactly(DELAY, Duration.ofSeconds(20), DELAY);
    assertThat(oai.requests()).hasSize(4);
    assertThat(storedIds()).containsExactlyElementsOf(ALL_IDS);
  }

  @Test
  void aTruncatedPageIsFetchedAgain() throws Exception {
    oai.before(2, Reply.xml(OaiFixtureServer.fixture("page2-truncated.xml")));
    HarvestResult r =
        harvester().run(new HarvestRequest("cs", FROM, null), OaiHarvester.Listener.NONE);
    assertThat(r.pages()).isEqualTo(3);
    assertThat(storedIds()).containsExactlyElementsOf(ALL_IDS);
  }

  @Test
  void aPageThatStaysMalformedStopsWithAClearMessageAndTheRerunResumesThere() throws Exception {
    Reply broken = Reply.xml(OaiFixtureServer.fixture("page2-truncated.xml"));
    oai.before(2, broken).before(2, broken).before(2, broken);

    assertThatThrownBy(
            () -> harvester().run(new HarvestRequest("cs", FROM, null), OaiHarvester.Listener.NONE))
        .isInstanceOf(HarvestStoppedException.class)
        .hasMessageContaining("stopped at page 2")
        .hasMessageContaining("not well-formed XML")
        .hasMessageMatching(
            "(?s).*/oai\\?verb=ListRecords&resumptionToken=.*:\\d+:\\d+: malformed XML.*")
        .hasMessageContaining("run the harvest again to resume at this page");
    // Nothing of the broken page was imported; the checkpoint still points at it.
    assertThat(storedIds()).containsExactly("2611.00001", "2611.00002", "2611.00003");
    assertThat(checkpoints.find(oai.endpoint().toString(), "cs").orElseThrow().token())
        .isEqualTo(OaiFixtureServer.TOKEN_PAGE_2);

    HarvestResult r = harvester().run(HarvestRequest.incremental("cs"), OaiHarvester.Listener.NONE);
    assertThat(r.resumed()).isTrue();
    assertThat(storedIds()).containsExactlyElementsOf(ALL_IDS);
  }

  @Test
  void anExpiredTokenRestartsTheRunFromItsFrom() throws Exception {
    checkpoints.save(
        new HarvestCheckpoint(
            oai.endpoint().toString(), "cs", null, "expired|42", FROM, null, 5, 5000, NOW));
    HarvestResult r = harvester().run(HarvestRequest.incremental("cs"), OaiHarvester.Listener.NONE);
    List<LocalServer.Request> asked = oai.requests();
    assertThat(asked.get(0).param("resumptionToken")).isEqualTo("expired|42");
    assertThat(asked.get(1).param("from")).isEqualTo("2026-11-01");
    assertThat(r.pages()).isEqualTo(3);
    assertThat(storedIds()).containsExactlyElementsOf(ALL_IDS);
  }

  @Test
  void anOaiErrorStopsWithTheServersWords() {
    oai.before(1, Reply.xml(OaiFixtureServer.fixture("bad-argument.xml")));
    assertThatThrownBy(
            () -> harvester().run(new HarvestRequest("cs", FROM, null), OaiHarvester.Listener.NONE))
        .isInstanceOf(HarvestStoppedException.class)
        .hasMessageContaining("noSetHierarchy (Set 'nope' does not exist.)");
    assertThat(oai.requests()).hasSize(1); // an answer, not an accident: not retried
  }

  @Test
  void needsAFromTheFirstTime() {
    assertThatThrownBy(
            () -> harvester().run(HarvestRequest.incremental("math"), OaiHarvester.Listener.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("set 'math' has never been harvested")
        .hasMessageContaining("--from");
  }

  @Test
  void harvestingAnOldRangeDoesNotMoveTheIncrementalPointBack() throws Exception {
    harvester().run(new HarvestRequest("cs", FROM, null), OaiHarvester.Listener.NONE);
    harvester()
        .run(
            new HarvestRequest("cs", LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 31)),
            OaiHarvester.Listener.NONE);
    assertThat(oai.requests().get(3).query()).endsWith("&from=2020-01-01&until=2020-01-31");
    assertThat(checkpoints.find(oai.endpoint().toString(), "cs").orElseThrow().harvestedUntil())
        .isEqualTo(LocalDate.of(2026, 11, 3));
  }
}
