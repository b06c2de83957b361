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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code paperboy harvest} against an OAI-PMH endpoint on a loopback port. */
class HarvestCommandTest {
  @TempDir Path data;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final List<String> queries = new CopyOnWriteArrayList<>();
  private PrintStream oldOut;
  private PrintStream oldErr;
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    oldOut = System.out;
    oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    byte[] page =
        Files.readAllBytes(
            Path.of(HarvestCommandTest.class.getResource("/fixtures/oai-one-page.xml").toURI()));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/oai",
        exchange -> {
          queries.add(exchange.getRequestURI().getRawQuery());
          exchange.getResponseHeaders().add("Content-Type", "text/xml");
          exchange.sendResponseHeaders(200, page.length);
          try (OutputStream o = exchange.getResponseBody()) {
            o.write(page);
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

  private String oaiUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/oai";
  }

  private int run(String... args) {
    out.reset();
    err.reset();
    return Main.commandLine().execute(args);
  }

  @Test
  void harvestsIntoTheStoreAndGoesOnFromTheCheckpoint() {
    String d = data.toString();
    int code =
        run(
            "harvest",
            "--data",
            d,
            "--set",
            "cs",
            "--from",
            "2026-11-01",
            "--oai-url",
            oaiUrl(),
            "--delay",
            "0",
            "--contact",
            "ops@example.org");
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("set cs: 1 pages, read 2, added 2")
        .contains("complete up to 2026-11-03");
    assertThat(queries)
        .containsExactly("verb=ListRecords&metadataPrefix=arXiv&set=cs&from=2026-11-01");

    assertThat(run("search", "--data", d, "--no-color", "command line")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("2611.00001");
    assertThat(run("stats", "--data", d)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("with code\\s+1");

    // Without --from: from the checkpoint, and nothing changes.
    assertThat(run("harvest", "--data", d, "--set", "cs", "--oai-url", oaiUrl(), "--delay", "0"))
        .isZero();
    assertThat(queries.get(1)).endsWith("&from=2026-11-03");
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("added 0, updated 0, unchanged 2");
  }

  @Test
  void aFirstHarvestNeedsFrom() {
    assertThat(run("harvest", "--data", data.toString(), "--set", "math", "--oai-url", oaiUrl()))
        .as(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("set 'math' has never been harvested")
        .contains("--from YYYY-MM-DD");
    assertThat(queries).isEmpty();
  }

  @Test
  void anUnreachableEndpointStopsWithExitCode1() {
    int port = server.getAddress().getPort();
    server.stop(0);
    int code =
        run(
            "harvest",
            "--data",
            data.toString(),
            "--set",
            "cs",
            "--from",
            "2026-11-01",
            "--oai-url",
            "http://127.0.0.1:" + port + "/oai",
            "--delay",
            "0",
            "--tries",
            "1");
    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("stopped at page 1")
        .contains("run the harvest again");
  }
}
