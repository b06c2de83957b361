package dev.paperboy.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.app.Main;
import dev.paperboy.app.config.Config;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {

  @Test
  void servesAFreshDataDirectoryAndStops(@TempDir Path dir) throws Exception {
    Config config = Config.load(dir, null, Map.of(), Map.of("server.port", "0"));
    try (ServeCommand.Served served = ServeCommand.open(config)) {
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> health =
          http.send(
              HttpRequest.newBuilder(URI.create(served.web().uri() + "/health")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"papers\":0").contains("\"documents\":0");
      HttpResponse<String> home =
          http.send(
              HttpRequest.newBuilder(URI.create(served.web().uri() + "/")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(home.body()).contains("bin/paperboy import FILE...");
    }
  }

  @Test
  void startsTheDailyIngestOnlyWhenARemoteSourceIsConfigured(@TempDir Path dir) {
    Config off = Config.load(dir, null, Map.of(), Map.of("server.port", "0"));
    try (ServeCommand.Served served = ServeCommand.open(off)) {
      assertThat(served.ingest()).isNull();
    }
    Config on =
        Config.load(
            dir,
            null,
            Map.of(),
            Map.of(
                "server.port", "0", "feed.categories", "cs.CL", "feed.url", "http://127.0.0.1:9/"));
    try (ServeCommand.Served served = ServeCommand.open(on)) {
      assertThat(served.ingest()).isNotNull();
      assertThat(served.ingest().untilNextRun())
          .isPositive()
          .isLessThan(java.time.Duration.ofDays(4));
    }
  }

  @Test
  void helpNamesHostPortAndTheirEnvironmentVariables() {
    StringWriter out = new StringWriter();
    int code = Main.commandLine().setOut(new PrintWriter(out)).execute("serve", "--help");
    assertThat(code).isZero();
    assertThat(out.toString()).contains("--host").contains("--port").contains("PAPERBOY_PORT");
  }
}
