package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperboy.core.testing.InMemoryPaperStore;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OpsTest {

  @Test
  void healthSaysStoreAndIndexAnswer() {
    try (WebTestSupport web = WebTestSupport.fixture()) {
      JsonNode h = web.json("/health", 200);
      assertThat(h.path("status").asText()).isEqualTo("ok");
      assertThat(h.path("store").path("status").asText()).isEqualTo("ok");
      assertThat(h.path("store").path("papers").asLong()).isEqualTo(39);
      assertThat(h.path("store").path("latestDay").asText()).isEqualTo("2025-06-23");
      assertThat(h.path("index").path("documents").asLong()).isEqualTo(39);
      assertThat(web.get("/health").headers().firstValue("Cache-Control")).hasValue("no-store");
    }
  }

  @Test
  void healthAndMetricsShowSemanticCoverageWhenWired() throws Exception {
    var store = Fixture.store();
    var registry =
        new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
            io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT);
    try (WebServer.Running running =
        new WebServer(
                WebConfig.defaults().withHost("127.0.0.1").withPort(0),
                store,
                Fixture.index(store),
                Fixture.CLOCK,
                registry)
            .semanticCoverage(() -> new dev.paperboy.core.embed.Coverage(40, 10))
            .start()) {
      var client = java.net.http.HttpClient.newHttpClient();
      String health =
          client
              .send(
                  java.net.http.HttpRequest.newBuilder(running.uri().resolve("/health")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      JsonNode h = new com.fasterxml.jackson.databind.ObjectMapper().readTree(health);
      assertThat(h.path("semantic").path("withVector").asLong()).isEqualTo(10);
      assertThat(h.path("semantic").path("coverage").asDouble()).isEqualTo(0.25);
      String metrics =
          client
              .send(
                  java.net.http.HttpRequest.newBuilder(running.uri().resolve("/metrics")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      assertThat(metrics).contains("paperboy_semantic_coverage_ratio 0.25");
    }
  }

  @Test
  void healthIs503WhenTheIndexDoesNotAnswer() {
    var store = Fixture.store();
    FakeSearchIndex index = Fixture.index(store);
    try (WebTestSupport web =
        new WebTestSupport(WebConfig.defaults(), store, index, Fixture.CLOCK)) {
      index.broken.set(true);
      JsonNode h = web.json("/health", 503);
      assertThat(h.path("status").asText()).isEqualTo("unavailable");
      assertThat(h.path("index").path("status").asText()).isEqualTo("unavailable");
      assertThat(h.path("store").path("status").asText()).isEqualTo("ok");
      // A failing index is a 500 page for search, without any detail of the failure.
      HttpResponse<String> r = web.get("/search?q=experts");
      assertThat(r.statusCode()).isEqualTo(500);
      assertThat(r.body())
          .contains("incident")
          .doesNotContain("IllegalStateException")
          .doesNotContain("at dev.paperboy");
      HttpResponse<String> api = web.get("/api/papers/search?q=experts");
      assertThat(api.statusCode()).isEqualTo(500);
      assertThat(api.body()).startsWith("{\"error\":").doesNotContain("Exception");
    }
  }

  @Test
  void anErrorIsStillA500WithAMessageNotAnEmptyPage() {
    // Errors (here a class missing from the runnable jar) are not Exceptions: they skip the
    // exception mappers, and the reader used to get a blank page.
    var store = Fixture.store();
    FakeSearchIndex index = Fixture.index(store);
    try (WebTestSupport web =
        new WebTestSupport(WebConfig.defaults(), store, index, Fixture.CLOCK)) {
      index.error = new NoClassDefFoundError("org/jsoup/safety/Safelist");
      HttpResponse<String> r = web.get("/search?q=experts");
      assertThat(r.statusCode()).isEqualTo(500);
      assertThat(r.body())
          .contains("Something went wrong")
          .contains("incident")
          .doesNotContain("NoClassDefFoundError")
          .doesNotContain("jsoup");
      index.error = null;
      assertThat(web.get("/search?q=experts").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void headAnswersWhatGetWould() {
    // Javalin answers HEAD with 200 and no headers for any path that has a GET route, without
    // running it: a missing paper, a bad date and an unhealthy server all looked fine to link
    // checkers and uptime monitors. RFC 9110 section 9.3.2: the same status and header fields as
    // GET, without content.
    var store = Fixture.store();
    FakeSearchIndex index = Fixture.index(store);
    try (WebTestSupport web =
        new WebTestSupport(WebConfig.defaults(), store, index, Fixture.CLOCK)) {
      HttpResponse<String> paper = web.head("/papers/2506.00051");
      assertThat(paper.statusCode()).isEqualTo(200);
      assertThat(paper.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
      assertThat(paper.body()).isEmpty();
      assertThat(web.head("/papers/2506.99999").statusCode()).isEqualTo(404);
      assertThat(web.head("/day/2025-02-30").statusCode()).isEqualTo(400);
      assertThat(web.head("/api/daily_papers").headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/json");
      assertThat(web.head("/feeds/daily.rss").headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/rss+xml");
      assertThat(web.head("/static/site.css").statusCode()).isEqualTo(200);
      assertThat(web.head("/health").statusCode()).isEqualTo(200);
      index.broken.set(true);
      assertThat(web.head("/health").statusCode()).isEqualTo(503);
    }
  }

  @Test
  void metricsCountRequestsByRouteAndShowSizes() {
    try (WebTestSupport web = WebTestSupport.fixture()) {
      web.get("/day/2025-06-16");
      web.get("/day/2025-06-17");
      web.get("/api/papers/2506.10001");
      web.get("/no/such/page");
      HttpResponse<String> m = web.get("/metrics");
      assertThat(m.statusCode()).isEqualTo(200);
      assertThat(m.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
      String text = m.body();
      assertThat(text)
          .containsPattern(
              "http_server_requests_seconds_count\\{[^}]*route=\"/day/\\{date}\"[^}]*status=\"200\"[^}]*} 2");
      assertThat(text)
          .containsPattern(
              "http_server_requests_seconds_count\\{[^}]*route=\"/api/papers/<arxivId>\"");
      assertThat(text)
          .containsPattern(
              "http_server_requests_seconds_count\\{[^}]*route=\"unmatched\"[^}]*status=\"404\"");
      assertThat(text).contains("http_server_requests_seconds_sum");
      assertThat(text).containsPattern("paperboy_papers 39(\\.0)?");
      assertThat(text).containsPattern("paperboy_index_documents 39(\\.0)?");
      assertThat(text).doesNotContain("2025-06-16"); // raw paths never become labels
    }
  }

  @Test
  void openApiAndRobotsAreServed() {
    try (WebTestSupport web = WebTestSupport.fixture()) {
      assertThat(web.json("/.well-known/openapi.json", 200).path("openapi").asText())
          .startsWith("3.");
      assertThat(web.get("/robots.txt").body()).contains("User-agent");
      assertThat(web.get("/favicon.ico").statusCode()).isEqualTo(302);
    }
  }

  @Test
  void emptyInstallExplainsHowToImport() {
    try (WebTestSupport web =
        new WebTestSupport(
            WebConfig.defaults(), new InMemoryPaperStore(), new FakeSearchIndex(), Fixture.CLOCK)) {
      var home = web.page("/", 200);
      assertThat(home.select("h1").text()).isEqualTo("Welcome to Paperboy");
      assertThat(home.select("pre code").eachText()).contains("bin/paperboy import FILE...");
      assertThat(home.text()).contains("harvest");
      // import, harvest and reindex cannot open the search index while this server holds it
      // ("search index ... is in use by another process"): the page says to stop it first, and
      // that serve indexes by itself when it starts again.
      assertThat(home.select(".steps").text())
          .contains("Stop this server")
          .doesNotContain("reindex");
      assertThat(home.select("pre code").eachText()).contains("bin/paperboy serve");
      assertThat(web.page("/day/2025-06-16", 200).select("h1").text())
          .isEqualTo("Welcome to Paperboy");
      assertThat(web.page("/trending", 200).select(".notice h2").text())
          .isEqualTo("Nothing trending");
      assertThat(web.json("/api/daily_papers", 200)).isEmpty();
      assertThat(web.json("/api/papers", 200).path("papers")).isEmpty();
      assertThat(web.json("/health", 200).path("store").path("papers").asLong()).isZero();
      assertThat(web.get("/feeds/daily.atom").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void malformedRequestsAre400WithoutDetails() {
    try (WebTestSupport web = WebTestSupport.fixture()) {
      // Sent over a plain socket: java.net.URI refuses to build these.
      for (String path : new String[] {"/%zz", "/day/%E0%A4%A", "/papers/%00"}) {
        String response = web.raw("GET " + path + " HTTP/1.1");
        assertThat(response).as(path).startsWith("HTTP/1.1 400");
        assertThat(response).as(path).doesNotContain("at org.").doesNotContain("Exception");
      }
      assertThat(web.json("/api/daily_papers?date=%ff", 400).path("parameter").asText())
          .isEqualTo("date");
      assertThat(web.json("/api/papers/%2e%2e", 400).path("parameter").asText())
          .isEqualTo("arxivId");
      assertThat(web.get("/static/../openapi.json").statusCode()).isEqualTo(404);
      HttpResponse<String> post = web.post("/api/daily_papers");
      assertThat(post.statusCode()).isIn(404, 405);
      assertThat(post.body()).doesNotContain("Exception");
    }
  }

  @Test
  void stopLetsARequestInFlightFinish() throws Exception {
    var store = Fixture.store();
    FakeSearchIndex index = Fixture.index(store);
    index.delay = Duration.ofMillis(800);
    WebTestSupport web = new WebTestSupport(WebConfig.defaults(), store, index, Fixture.CLOCK);
    CompletableFuture<HttpResponse<String>> slow =
        CompletableFuture.supplyAsync(() -> web.get("/api/papers/search?q=experts"));
    Thread.sleep(300); // the search is now running
    long start = System.nanoTime();
    web.close();
    long stopMillis = (System.nanoTime() - start) / 1_000_000;
    HttpResponse<String> r = slow.get(10, TimeUnit.SECONDS);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("2506.10001");
    System.out.println("stop took " + stopMillis + " ms");
  }

  @Test
  void stopIsQuickWhenIdle() {
    WebTestSupport web = WebTestSupport.fixture();
    web.get("/");
    long start = System.nanoTime();
    web.close();
    System.out.println("idle stop took " + (System.nanoTime() - start) / 1_000_000 + " ms");
  }
}
