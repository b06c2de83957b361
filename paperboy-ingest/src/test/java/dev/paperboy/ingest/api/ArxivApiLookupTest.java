package dev.paperboy.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.ingest.http.HttpFetcher;
import dev.paperboy.ingest.http.HttpSettings;
import dev.paperboy.ingest.http.LocalServer;
import dev.paperboy.ingest.http.LocalServer.RecordingSleeper;
import dev.paperboy.ingest.http.LocalServer.Reply;
import dev.paperboy.ingest.http.RetryPolicy;
import dev.paperboy.ingest.support.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Submit-by-id's lookup against a local server replaying arXiv API answers. */
class ArxivApiLookupTest {
  final LocalServer server = LocalServer.start();
  final HttpFetcher http =
      new HttpFetcher(
          HttpSettings.defaults("ops@example.org")
              .withRetry(
                  new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ZERO)),
          Clock.fixed(Instant.parse("2026-03-16T10:00:00Z"), ZoneOffset.UTC),
          new RecordingSleeper(),
          new Random(7));
  final ArxivApiLookup lookup =
      new ArxivApiLookup(
          new ArxivApiClient(http, server.uri("/api/query"), Duration.ofSeconds(3), d -> {}));

  @AfterEach
  void close() {
    http.close();
    server.close();
  }

  @Test
  void findsThePaperOfAnId() throws IOException {
    String answer = Files.readString(Fixtures.path("api/lookup-2603.01234.atom.xml"));
    server.on("/api/query", r -> Reply.xml(answer));
    Paper p = lookup.lookup(ArxivId.parse("2603.01234")).orElseThrow();
    assertThat(p.title()).isEqualTo("Submitted Papers Need Metadata Too");
    assertThat(p.authors()).containsExactly("Grace Hopper", "Barbara Liskov");
    assertThat(p.submitted()).isEqualTo(LocalDate.of(2026, 3, 13));
    assertThat(p.categories()).containsExactly("cs.DL", "cs.IR");
    assertThat(server.requests())
        .singleElement()
        .satisfies(r -> assertThat(r.param("id_list")).isEqualTo("2603.01234"));
  }

  @Test
  void anIdArxivDoesNotHaveIsEmpty() throws IOException {
    String answer = Files.readString(Fixtures.path("api/lookup-empty.atom.xml"));
    server.on("/api/query", r -> Reply.xml(answer));
    assertThat(lookup.lookup(ArxivId.parse("2603.09999"))).isEmpty();
  }

  @Test
  void aFailingServerIsAnIoError() {
    server.on("/api/query", r -> Reply.status(503, Map.of()));
    assertThatThrownBy(() -> lookup.lookup(ArxivId.parse("2603.01234")))
        .isInstanceOf(IOException.class);
  }
}
