package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenAPI document and the server describe the same routes and parameters. */
class OpenApiTest {
  static WebTestSupport web;
  static JsonNode doc;

  @BeforeAll
  static void start() {
    web = WebTestSupport.fixture();
    doc = web.json("/.well-known/openapi.json", 200);
  }

  @AfterAll
  static void stop() {
    web.close();
  }

  /** path -> query parameter names, from the document. */
  static Map<String, Set<String>> documented() {
    Map<String, Set<String>> out = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields(); it.hasNext(); ) {
      var path = it.next();
      assertThat(path.getValue().has("get")).as(path.getKey() + " is a GET").isTrue();
      Set<String> query = new HashSet<>();
      for (JsonNode p : path.getValue().path("get").path("parameters")) {
        if (p.path("in").asText().equals("query")) {
          query.add(p.path("name").asText());
        } else {
          assertThat(p.path("in").asText()).isEqualTo("path");
          assertThat(path.getKey()).contains("{" + p.path("name").asText() + "}");
        }
      }
      out.put(path.getKey(), query);
    }
    return out;
  }

  /** path -> query parameter names, from the server's route table. */
  static Map<String, Set<String>> served() {
    ApiRoutes api =
        new ApiRoutes(
            WebConfig.defaults(),
            new Catalog(Fixture.store(), new FakeSearchIndex(), Fixture.CLOCK),
            WebTestSupport.JSON);
    Map<String, Set<String>> out = new HashMap<>();
    api.routes().forEach(r -> out.put(r.path(), r.query()));
    out.put("/health", Set.of());
    return out;
  }

  @Test
  void everyRouteAndParameterIsDocumentedAndViceVersa() {
    assertThat(documented()).isEqualTo(served());
  }

  @Test
  void everyDocumentedPathAnswersJson() {
    for (String path : documented().keySet()) {
      String concrete =
          path.replace("{arxivId}", "2506.10001") + (path.endsWith("search") ? "?q=experts" : "");
      JsonNode body = web.json(concrete, 200);
      assertThat(body).as(concrete).isNotNull();
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
            (path, params) -> {
              for (String param : params) {
                assertThat(bad).as("a bad value for " + param).containsKey(param);
                String base = path.replace("{arxivId}", "2506.10001");
                String others = path.endsWith("search") && !param.equals("q") ? "q=experts&" : "";
                JsonNode e = web.json(base + "?" + others + param + "=" + bad.get(param), 400);
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
