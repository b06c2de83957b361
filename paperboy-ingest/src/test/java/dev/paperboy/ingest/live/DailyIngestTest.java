package dev.paperboy.ingest.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.ingest.HarvestCheckpoint;
import dev.paperboy.core.ingest.Importer;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.EntrySource;
import dev.paperboy.core.testing.InMemoryHarvestCheckpoints;
import dev.paperboy.core.testing.InMemoryPaperStore;
import dev.paperboy.ingest.harvest.HarvestSettings;
import dev.paperboy.ingest.http.HttpFetcher;
import dev.paperboy.ingest.http.HttpSettings;
import dev.paperboy.ingest.http.LocalServer;
import dev.paperboy.ingest.http.LocalServer.RecordingSleeper;
import dev.paperboy.ingest.http.LocalServer.Reply;
import dev.paperboy.ingest.http.RetryPolicy;
import dev.paperboy.ingest.rss.FeedSettings;
import dev.paperboy.ingest.support.Fixtures;
import dev.paperboy.ingest.support.RecordingIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DailyIngestTest {
  static final Instant NOW = Instant.parse("2026-11-02T06:00:00Z");
  static final LocalDate DAY = LocalDate.of(2026, 11, 2);

  final LocalServer server = LocalServer.start();
  final RecordingSleeper sleeper = new RecordingSleeper();
  final InMemoryPaperStore store = new InMemoryPaperStore();
  final InMemoryHarvestCheckpoints checkpoints = new InMemoryHarvestCheckpoints();
  final HttpFetcher http =
      new HttpFetcher(
          HttpSettings.defaults("ops@example.org")
              .withRetry(new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO)),
          Clock.fixed(NOW, ZoneOffset.UTC),
          sleeper,
          new Random(5));

  @AfterEach
  void close() {
    http.close();
    server.close();
  }

  static String fixture(String path) {
    try {
      return Files.readString(Fixtures.path(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  DailyIngest daily(LiveSettings s) {
    return new DailyIngest(
        s,
        http,
        new Importer(store, new RecordingIndex()),
        checkpoints,
        Clock.fixed(NOW, ZoneOffset.UTC),
        sleeper);
  }

  LiveSettings allOn() {
    return new LiveSettings(
        http.settings(),
        new HarvestSettings(server.uri("/oai"), "arXiv", Duration.ofSeconds(3)),
        List.of("cs"),
        new FeedSettings(server.uri("/atom/"), List.of("cs.CL+cs.LG"), true),
        null,
        server.uri("/hf"),
        1,
        Duration.ofSeconds(3));
  }

  @Test
  void runsEveryConfiguredSourceOnce() throws IOException {
    server.on("/atom/", r -> Reply.xml(fixture("rss/cs.CL+cs.LG.atom.xml")));
    server.on(
        "/hf/api/daily_papers",
        r -> Reply.ok("application/json", fixture("hf-mirror/2026-11-02.json")));
    server.on(
        "/oai",
        r -> {
          String token = r.param("resumptionToken");
          String page = token == null ? "page1" : token.endsWith("1001") ? "page2" : "page3";
          return Reply.xml(fixture("harvest/" + page + ".xml"));
        });
    checkpoints.save(
        new HarvestCheckpoint(
            server.uri("/oai").toString(),
            "cs",
            LocalDate.of(2026, 11, 1),
            null,
            null,
            null,
            0,
            0,
            NOW));

    DailyReport report = daily(allOn()).runOnce();

    assertThat(report.errors()).isEmpty();
    assertThat(report.feeds().imported().added()).isEqualTo(4);
    assertThat(report.hf()).containsOnlyKeys(DAY);
    assertThat(report.harvests())
        .singleElement()
        .satisfies(h -> assertThat(h.pages()).isEqualTo(3));
    assertThat(server.requests())
        .extracting(LocalServer.Request::path)
        .containsExactly("/atom/cs.CL+cs.LG", "/hf/api/daily_papers", "/oai", "/oai", "/oai");
    assertThat(server.requests().get(2).param("from")).isEqualTo("2026-11-01");
    // The feed's new paper is on the day's list; HF's curation wins the entry and brings upvotes.
    assertThat(store.entriesOn(DAY))
        .filteredOn(e -> e.paperId().equals(ArxivId.parse("2611.00010")))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.source()).isEqualTo(EntrySource.HUGGING_FACE);
              assertThat(e.upvotes()).isEqualTo(12);
            });
  }

  @Test
  void aFailingSourceIsReportedAndTheOthersRun() throws IOException {
    server.on("/atom/", r -> Reply.xml(fixture("rss/cs.CL+cs.LG.atom.xml")));
    server.on("/hf/api/daily_papers", r -> Reply.status(500, Map.of()));
    server.on("/oai", r -> Reply.xml(fixture("harvest/bad-argument.xml")));
    checkpoints.save(
        new HarvestCheckpoint(
            server.uri("/oai").toString(),
            "cs",
            LocalDate.of(2026, 11, 1),
            null,
            null,
            null,
            0,
            0,
            NOW));

    DailyReport report = daily(allOn()).runOnce();

    assertThat(report.ok()).isFalse();
    assertThat(report.errors()).containsOnlyKeys("hf 2026-11-02", "harvest cs");
    assertThat(report.errors().get("harvest cs")).contains("noSetHierarchy");
    assertThat(report.feeds().imported().added()).isEqualTo(4);
  }

  @Test
  void everythingOffAsksNothing() throws IOException {
    DailyReport report = daily(LiveSettings.off(http.settings())).runOnce();
    assertThat(report.ok()).isTrue();
    assertThat(report.feeds()).isNull();
    assertThat(server.requests()).isEmpty();
    assertThat(LiveSettings.off(http.settings()).anyOn()).isFalse();
  }
}
