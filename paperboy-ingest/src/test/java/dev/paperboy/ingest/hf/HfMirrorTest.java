package dev.paperboy.ingest.hf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.core.ingest.ImportSummary;
import dev.paperboy.core.ingest.Importer;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.DailyEntry;
import dev.paperboy.core.paper.EntrySource;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.paper.PaperStore;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HfMirrorTest {
  static final LocalDate DAY = LocalDate.of(2026, 11, 2);
  static final ArxivId FEEDS = ArxivId.parse("2611.00010");

  @TempDir Path dir;
  final LocalServer hf = LocalServer.start();
  final AtomicReference<String> body = new AtomicReference<>();
  Database db;
  PaperStore store;
  HttpFetcher http;
  HfMirror mirror;

  @BeforeEach
  void open() throws IOException {
    body.set(Files.readString(Fixtures.path("hf-mirror/2026-11-02.json")));
    hf.on("/api/daily_papers", r -> Reply.ok("application/json; charset=utf-8", body.get()));
    db = Database.sqlite(dir.resolve("paperboy.db"));
    store = new JdbcPaperStore(db);
    http =
        new HttpFetcher(
            HttpSettings.defaults("ops@example.org")
                .withRetry(new RetryPolicy(2, Duration.ZERO, Duration.ZERO, Duration.ZERO)),
            Clock.systemUTC(),
            new RecordingSleeper(),
            new Random(1));
    mirror = new HfMirror(http, new Importer(store, new RecordingIndex()), hf.uri("/"));
  }

  @AfterEach
  void close() {
    http.close();
    hf.close();
    db.close();
  }

  @Test
  void importsTheCuratedListWithUpvotesAndCuratedCodeLinks() throws IOException {
    // Announced by arXiv on the same day; its abstract names a repository.
    Paper announced =
        Paper.builder(FEEDS, "Listening to Announcements: A Study of Daily Feeds")
            .version(1)
            .abstractText("Our code is at https://github.com/paperboy-test/feeds.")
            .categories(List.of("cs.CL"))
            .codeUrl("https://github.com/paperboy-test/feeds", true)
            .listingDate(DAY)
            .build();
    store.upsertPapers(List.of(announced));
    store.upsertEntries(List.of(new DailyEntry(DAY, FEEDS, EntrySource.ARXIV, null, 0, null)));

    List<String> rejected = new ArrayList<>();
    ImportSummary s = mirror.poll(DAY, r -> rejected.add(r.toString()));

    assertThat(hf.requests())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.path()).isEqualTo("/api/daily_papers");
              assertThat(r.param("date")).isEqualTo("2026-11-02");
            });
    assertThat(s.added()).isEqualTo(1);
    assertThat(s.updated()).isEqualTo(1);
    assertThat(rejected)
        .singleElement()
        .asString()
        .contains("/api/daily_papers?date=2026-11-02[2]")
        .contains("paper.id");

    List<DailyEntry> day = store.entriesOn(DAY);
    assertThat(day)
        .extracting(e -> e.paperId().value() + " " + e.source() + " " + e.upvotes())
        .containsExactly("2611.00010 HUGGING_FACE 12", "2611.00020 HUGGING_FACE 3");
    assertThat(day.get(0).submitter()).isEqualTo("ada");

    Paper merged = store.findPaper(FEEDS).orElseThrow();
    assertThat(merged.codeUrl()).isEqualTo("https://github.com/paperboy-org/feeds-official");
    assertThat(merged.codeUrlFromText()).isFalse();
    assertThat(merged.githubStars()).isEqualTo(42);
    assertThat(merged.categories()).containsExactly("cs.CL"); // HF gives none; kept
    assertThat(merged.listingDate()).isEqualTo(DAY);
  }

  @Test
  void pollingAgainUpdatesUpvotesOnly() throws IOException {
    mirror.poll(DAY, r -> {});
    body.set(body.get().replace("\"upvotes\": 12", "\"upvotes\": 15"));
    ImportSummary again = mirror.poll(DAY, r -> {});
    assertThat(again.updated()).isEqualTo(1);
    assertThat(again.unchanged()).isEqualTo(1);
    assertThat(store.entriesOn(DAY).get(0).upvotes()).isEqualTo(15);
    assertThat(store.stats().papers()).isEqualTo(2);
  }

  @Test
  void aBodyThatIsNotAListFailsClearly() {
    body.set("{\"error\": \"Invalid date\"}");
    assertThatThrownBy(() -> mirror.poll(DAY, r -> {}))
        .hasMessageContaining("not a daily_papers response: expected a JSON array")
        .hasMessageContaining("date=2026-11-02");
    body.set("[{\"paper\": ");
    assertThatThrownBy(() -> mirror.poll(DAY, r -> {})).hasMessageContaining("date=2026-11-02");
    assertThat(hf.requests()).hasSize(3); // the cut-off body was asked for twice
  }
}
