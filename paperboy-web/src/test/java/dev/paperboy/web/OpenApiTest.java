package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document and the server describe the same routes (method and path) and parameters,
 * for the read API and the community API alike.
 */
class OpenApiTest {
  static WebTestSupport web;
  static JsonNode doc;
  static Path dir;
  static CommunityServer community;

  @BeforeAll
  static void start() throws java.io.IOException {
    web = WebTestSupport.fixture();
    doc = web.json("/.well-known/openapi.json", 200);
    dir = java.nio.file.Files.createTempDirectory("openapi-test");
    community = new CommunityServer(dir);
  }

  @AfterAll
  static void stop() throws java.io.IOException {
    web.close();
    community.close();
    try (var files = java.nio.file.Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** "get /path" -> query parameter names, from the document. */
  static Map<String, Set<String>> documented() {
    Map<String, Set<String>> out = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields(); it.hasNext(); ) {
      var path = it.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        var op = ops.next();
        Set<String> query = new HashSet<>();
        for (JsonNode given : op.getValue().path("parameters")) {
          JsonNode p = given.has("$ref") ? doc.at(given.path("$ref").asText().substring(1)) : given;
          assertThat(p.isMissingNode()).as(given.toString()).isFalse();
          if (p.path("in").asText().equals("query")) {
            query.add(p.path("name").asText());
          } else {
            assertThat(p.path("in").asText()).isEqualTo("path");
            assertThat(path.getKey()).contains("{" + p.path("name").asText() + "}");
          }
        }
        out.put(op.getKey() + " " + path.getKey(), query);
      }
    }
    return out;
  }

  /** The documented operation of "get /path". */
  static JsonNode operation(String key) {
    String[] parts = key.split(" ", 2);
    return doc.path("paths").path(parts[1]).path(parts[0]);
  }

  /** "get /path" -> query parameter names, from the server's route tables. */
  static Map<String, Set<String>> served() {
    ApiRoutes api =
        new ApiRoutes(
            WebConfig.defaults(),
            new Catalog(Fixture.store(), new FakeSearchIndex(), Fixture.CLOCK),
            WebTestSupport.JSON);
    Map<String, Set<String>> out = new HashMap<>();
    api.routes().forEach(r -> out.put(r.method() + " " + r.path(), r.query()));
    new CommunityApiRoutes(
            community.fx.community,
            new WebSecurity(community.fx.community, false),
            WebTestSupport.JSON,
            community.store,
            new FakeSearchIndex())
        .routes()
        .forEach(r -> out.put(r.method() + " " + r.path(), r.query()));
    new LibraryApiRoutes(null, WebTestSupport.JSON)
        .routes()
        .forEach(r -> out.put(r.method() + " " + r.path(), r.query()));
    out.put("get /health", Set.of());
    return out;
  }

  @Test
  void everyRouteAndParameterIsDocumentedAndViceVersa() {
    assertThat(documented()).isEqualTo(served());
  }

  /**
   * Every documented GET answers JSON: 200 when it needs no account, 401 without one when the
   * document says it needs one.
   */
  @Test
  void everyDocumentedGetAnswersJson() {
    for (String key : documented().keySet()) {
      if (!key.startsWith("get ")) {
        continue;
      }
      String path = key.substring(4);
      if (path.contains("{collectionId}")) {
        // Readable without an account only when the collection is public: LibraryTest checks
        // these with real collections (private ones answer 404 to all but their owner).
        continue;
      }
      String concrete =
          path.replace("{arxivId}", "2506.10001") + (path.endsWith("search") ? "?q=experts" : "");
      boolean needsAccount = operation(key).has("security");
      var r = community.browser().get(concrete);
      assertThat(r.statusCode()).as(concrete + ": " + r.body()).isEqualTo(needsAccount ? 401 : 200);
      assertThat(r.headers().firstValue("Content-Type").orElse(""))
          .as(concrete)
          .startsWith("application/json");
    }
  }

  /** Operations that change something say that they need an account and answer 401 without. */
  @Test
  void everyStateChangeNeedsAnAccount() {
    for (String key : documented().keySet()) {
      if (key.startsWith("get ")) {
        continue;
      }
      assertThat(operation(key).path("security").size()).as(key).isEqualTo(2);
      assertThat(operation(key).path("responses").has("401")).as(key).isTrue();
      assertThat(operation(key).path("responses").has("403")).as(key).isTrue();
      assertThat(operation(key).path("responses").has("429")).as(key).isTrue();
    }
  }

  /**
   * Each documented parameter is read by the server: a bad value for it answers 400 naming it (a
   * parameter the server ignored would answer 200).
   */
  @Test
  void everyDocumentedParameterIsChecked() {
    Map<String, String> bad =
        Map.of(
            "date", "x", "week", "x", "month", "x", "sort", "x", "p", "-1", "limit", "0", "q", "",
            "mode", "x", "cursor", "x");
    documented()
        .forEach(
            (key, params) -> {
              if (!key.startsWith("get ")
                  || operation(key).has("security")
                  || key.contains("{collectionId}")) {
                return;
              }
              String path = key.substring(4);
              for (String param : params) {
                assertThat(bad).as("a bad value for " + param).containsKey(param);
                String base = path.replace("{arxivId}", "2506.10001");
                String others = path.endsWith("search") && !param.equals("q") ? "q=experts&" : "";
                var r = community.browser().get(base + "?" + others + param + "=" + bad.get(param));
                assertThat(r.statusCode()).as(path + " " + param).isEqualTo(400);
                JsonNode e;
                try {
                  e = WebTestSupport.JSON.readTree(r.body());
                } catch (java.io.IOException x) {
                  throw new AssertionError(x);
                }
                assertThat(e.path("parameter").asText()).as(path + " " + param).isEqualTo(param);
              }
            });
  }

  @Test
  void documentIsOpenApi3WithSchemasItReferences() {
    assertThat(doc.path("openapi").asText()).isEqualTo("3.0.3");
    String text = doc.toString();
    var refs =
        java.util.regex.Pattern.compile("\"#/components/(schemas|responses)/([A-Za-z]+)\"")
            .matcher(text);
    int n = 0;
    while (refs.find()) {
      n++;
      assertThat(doc.path("components").path(refs.group(1)).has(refs.group(2)))
          .as(refs.group())
          .isTrue();
    }
    assertThat(n).isGreaterThan(5);
  }
}
