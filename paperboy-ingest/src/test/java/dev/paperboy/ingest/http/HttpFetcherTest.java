package dev.paperboy.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.paperboy.ingest.http.LocalServer.RecordingSleeper;
import dev.paperboy.ingest.http.LocalServer.Reply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpFetcherTest {
  static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");

  final LocalServer server = LocalServer.start();
  final RecordingSleeper sleeper = new RecordingSleeper();
  final HttpFetcher fetcher =
      new HttpFetcher(
          HttpSettings.defaults("ops@example.org"),
          Clock.fixed(NOW, ZoneOffset.UTC),
          sleeper,
          new Random(42));

  @AfterEach
  void close() {
    fetcher.close();
    server.close();
  }

  @Test
  void sendsAUserAgentWithContactAndDecodesGzip() throws IOException {
    server.on(
        "/feed", r -> new Reply(200, Map.of("Content-Encoding", "gzip"), gzip("hello, feed")));
    Fetched f = fetcher.get(server.uri("/feed?x=1"));
    assertThat(f.text()).isEqualTo("hello, feed");
    LocalServer.Request r = server.requests().get(0);
    assertThat(r.headers().getFirst("User-Agent"))
        .isEqualTo("Paperboy/0.1 (self-hosted research-papers platform; +mailto:ops@example.org)");
    assertThat(r.headers().getFirst("Accept-Encoding")).isEqualTo("gzip");
    assertThat(r.param("x")).isEqualTo("1");
  }

  @Test
  void honoursRetryAfterInSecondsThenSucceeds() throws IOException {
    AtomicInteger calls = new AtomicInteger();
    server.on(
        "/oai",
        r ->
            calls.incrementAndGet() == 1
                ? Reply.status(503, Map.of("Retry-After", "7"))
                : Reply.ok("text/plain", "ok"));
    assertThat(fetcher.get(server.uri("/oai")).text()).isEqualTo("ok");
    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(7));
    assertThat(calls).hasValue(2);
  }

  @Test
  void honoursRetryAfterAsAnHttpDate() throws IOException {
    AtomicInteger calls = new AtomicInteger();
    server.on(
        "/oai",
        r ->
            calls.incrementAndGet() == 1
                ? Reply.status(503, Map.of("Retry-After", "Mon, 02 Nov 2026 10:01:30 GMT"))
                : Reply.ok("text/plain", "ok"));
    fetcher.get(server.uri("/oai"));
    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(90));
  }

  @Test
  void backsOffExponentiallyWithJitterAndGivesUpAfterTheLimit() {
    server.on("/down", r -> Reply.status(500, Map.of()));
    assertThatThrownBy(() -> fetcher.get(server.uri("/down")))
        .isInstanceOf(HttpStatusException.class)
        .hasMessageContaining("HTTP 500")
        .hasMessageContaining("/down");
    assertThat(server.requests()).hasSize(RetryPolicy.DEFAULT.maxAttempts());
    var waits = sleeper.waits();
    assertThat(waits).hasSize(RetryPolicy.DEFAULT.maxAttempts() - 1);
    for (int i = 0; i < waits.size(); i++) {
      long full = Math.min(2000L << i, 300_000L);
      assertThat(waits.get(i).toMillis()).isBetween(full / 2, full);
    }
  }

  @Test
  void aClientErrorIsNotRetried() {
    server.on("/missing", r -> Reply.status(404, Map.of()));
    assertThatThrownBy(() -> fetcher.get(server.uri("/missing")))
        .isInstanceOfSatisfying(
            HttpStatusException.class, e -> assertThat(e.status()).isEqualTo(404));
    assertThat(server.requests()).hasSize(1);
    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void aRetryAfterLongerThanTheLimitFailsInsteadOfHanging() {
    server.on("/busy", r -> Reply.status(503, Map.of("Retry-After", "86400")));
    assertThatThrownBy(() -> fetcher.get(server.uri("/busy")))
        .isInstanceOf(HttpStatusException.class)
        .hasMessageContaining("longer than the configured maximum");
    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void followsRedirectsOnTheSameHost() throws IOException {
    server.on("/old", r -> Reply.status(301, Map.of("Location", "/new?y=2")));
    server.on("/new", r -> Reply.ok("text/plain", "moved here"));
    Fetched f = fetcher.get(server.uri("/old"));
    assertThat(f.text()).isEqualTo("moved here");
    assertThat(f.uri().getPath()).isEqualTo("/new");
  }

  @Test
  void refusesRedirectsToAnotherHost() {
    try (LocalServer other = LocalServer.start("localhost")) {
      other.on("/", r -> Reply.ok("text/plain", "should never be asked"));
      server.on("/away", r -> Reply.status(302, Map.of("Location", other.uri("/x").toString())));
      assertThatThrownBy(() -> fetcher.get(server.uri("/away")))
          .isInstanceOf(RedirectRefusedException.class)
          .hasMessageContaining("another host");
      assertThat(other.requests()).isEmpty();
      assertThat(server.requests()).hasSize(1);
    }
  }

  @Test
  void refusesDowngradesAndEndlessRedirects() throws Exception {
    assertThatThrownBy(() -> HttpFetcher.sameHost(URI.create("https://a.org/x"), "http://a.org/y"))
        .hasMessageContaining("downgrades");
    assertThat(HttpFetcher.sameHost(URI.create("http://a.org/x"), "https://A.org/y"))
        .isEqualTo(URI.create("https://A.org/y"));
    server.on("/loop", r -> Reply.status(307, Map.of("Location", "/loop")));
    assertThatThrownBy(() -> fetcher.get(server.uri("/loop")))
        .isInstanceOf(RedirectRefusedException.class)
        .hasMessageContaining("more than 5 redirects");
  }

  @Test
  void retriesABodyTheReaderFindsBroken() throws IOException {
    AtomicInteger calls = new AtomicInteger();
    server.on("/page", r -> Reply.ok("text/plain", calls.incrementAndGet() == 1 ? "bro" : "whole"));
    String got =
        fetcher.get(
            server.uri("/page"),
            f -> {
              if (!f.text().equals("whole")) {
                throw new BrokenBodyException(new IOException("cut off"));
              }
              return f.text();
            });
    assertThat(got).isEqualTo("whole");
    assertThat(sleeper.waits()).hasSize(1);
  }

  @Test
  void aConnectionRefusedIsRetriedThenReported() {
    int port = server.port();
    server.close();
    HttpFetcher quick =
        new HttpFetcher(
            HttpSettings.defaults(null)
                .withRetry(
                    new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ZERO)),
            Clock.systemUTC(),
            sleeper,
            new Random(1));
    assertThatThrownBy(() -> quick.get(URI.create("http://127.0.0.1:" + port + "/x")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("127.0.0.1:" + port);
    assertThat(sleeper.waits()).hasSize(1);
    quick.close();
  }

  @Test
  void aBodyThatStallsAfterTheHeadersFailsAtTheDeadline() {
    // Headers at once, then 10 of 1000 bytes and silence: the read timeout is a deadline for the
    // whole exchange, so this ends after ~1 s rather than whenever the server gives up.
    server.stallBody("/stall", 1000, 10);
    HttpFetcher quick =
        new HttpFetcher(
            new HttpSettings(
                null, Duration.ofSeconds(1), Duration.ofSeconds(1), 5, 1 << 20, RetryPolicy.NONE),
            Clock.systemUTC(),
            sleeper,
            new Random(1));
    try {
      assertTimeoutPreemptively(
          Duration.ofSeconds(20),
          () ->
              assertThatThrownBy(() -> quick.get(server.uri("/stall")))
                  .isInstanceOf(HttpTimeoutException.class)
                  .hasMessageContaining("/stall")
                  .hasMessageContaining("1 s"));
    } finally {
      quick.close();
    }
  }

  @Test
  void parsesRetryAfter() {
    assertThat(HttpFetcher.parseRetryAfter("120", NOW)).isEqualTo(Duration.ofSeconds(120));
    assertThat(HttpFetcher.parseRetryAfter("Mon, 02 Nov 2026 09:00:00 GMT", NOW))
        .isEqualTo(Duration.ZERO);
    assertThat(HttpFetcher.parseRetryAfter("soon", NOW)).isNull();
    assertThat(HttpFetcher.parseRetryAfter("-5", NOW)).isNull();
  }

  @Test
  void userAgentWithoutContactOrWithAUrl() {
    assertThat(HttpSettings.defaults(null).userAgent())
        .isEqualTo("Paperboy/0.1 (self-hosted research-papers platform)");
    assertThat(HttpSettings.defaults("https://papers.example.org/about").userAgent())
        .endsWith("; +https://papers.example.org/about)");
    assertThatThrownBy(() -> HttpSettings.defaults("a\nb")).hasMessageContaining("contact");
  }

  private static byte[] gzip(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(out)) {
      g.write(s.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }
}
