package dev.paperboy.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.paperboy.app.Main;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code paperboy update} with an announcement feed on a loopback port. */
class UpdateCommandTest {
  @TempDir Path data;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream oldOut;
  private PrintStream oldErr;
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    oldOut = System.out;
    oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    byte[] feed =
        Files.readAllBytes(
            Path.of(
                UpdateCommandTest.class
                    .getResource("/fixtures/feed-cs.CL+cs.LG.atom.xml")
                    .toURI()));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/atom/",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/atom+xml");
          exchange.sendResponseHeaders(200, feed.length);
          try (OutputStream o = exchange.getResponseBody()) {
            o.write(feed);
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    System.setOut(oldOut);
    System.setErr(oldErr);
  }

  private int run(String... args) {
    out.reset();
    err.reset();
    return Main.commandLine().execute(args);
  }

  @Test
  void nothingConfiguredIsAClearError() {
    assertThat(run("update", "--data", data.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("no remote source is configured")
        .contains("feed.categories");
  }

  @Test
  void pollsTheConfiguredFeedIntoTheStore() throws Exception {
    Files.writeString(
        data.resolve("paperboy.properties"),
        "feed.url=http://127.0.0.1:"
            + server.getAddress().getPort()
            + "/atom/\nfeed.categories=cs.CL+cs.LG\nharvest.delay=0s\nhttp.contact=ops@example.org\n");
    assertThat(run("update", "--data", data.toString()))
        .as(err.toString(StandardCharsets.UTF_8))
        .isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("feeds: [2026-11-02]")
        .contains("added 4, updated 0, unchanged 0, rejected 1");
    assertThat(run("stats", "--data", data.toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("list entries\\s+2");
  }
}
