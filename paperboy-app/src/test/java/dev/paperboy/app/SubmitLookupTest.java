package dev.paperboy.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import dev.paperboy.app.config.Config;
import dev.paperboy.core.community.PaperLookup;
import dev.paperboy.core.paper.ArxivId;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Submit-by-id's arXiv lookup as the app wires it, against a local server: a person waits on it, so
 * it tries once and gives up within seconds instead of the harvest's minute of retries.
 */
class SubmitLookupTest {
  @TempDir Path dir;
  HttpServer server;
  final AtomicInteger requests = new AtomicInteger();
  final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
  }

  private PaperLookup lookup(AppContext app) {
    return app.community().lookup();
  }

  private Config config() {
    return Config.load(
        dir.resolve("data"),
        null,
        Map.of(),
        Map.of(
            "arxiv.api.url", "http://127.0.0.1:" + server.getAddress().getPort() + "/api/query"));
  }

  @Test
  void anArxivThatFailsIsAskedOnceNotRetried() {
    server.createContext(
        "/api/query",
        ex -> {
          requests.incrementAndGet();
          ex.sendResponseHeaders(503, -1);
          ex.close();
        });
    try (AppContext app = AppContext.open(config())) {
      // The guard only stops a hang from blocking the build; the assertion is the request count.
      assertTimeoutPreemptively(
          Duration.ofSeconds(30),
          () ->
              assertThatThrownBy(() -> lookup(app).lookup(ArxivId.parse("2603.01234")))
                  .isInstanceOf(IOException.class));
    }
    assertThat(requests).hasValue(1);
  }

  @Test
  void anArxivThatNeverAnswersTimesOut() {
    server.createContext(
        "/api/query",
        ex -> {
          requests.incrementAndGet();
          try {
            release.await(5, TimeUnit.MINUTES);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          ex.close();
        });
    try (AppContext app = AppContext.open(config())) {
      assertTimeoutPreemptively(
          Duration.ofSeconds(30),
          () ->
              assertThatThrownBy(() -> lookup(app).lookup(ArxivId.parse("2603.01234")))
                  .isInstanceOf(HttpTimeoutException.class));
    }
    assertThat(requests).hasValue(1);
  }
}
