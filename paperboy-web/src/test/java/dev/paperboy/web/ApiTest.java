package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperboy.core.search.SearchMode;
import dev.paperboy.core.testing.SharedData;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiTest {
  static WebTestSupport web;

  @BeforeAll
  static void start() {
    web = WebTestSupport.fixture();
  }

  @AfterAll
  static void stop() {
    web.close();
  }

  @Test
  void aMethodTheAddressDoesNotTakeIs405WithTheMethodsItDoesTakeInAllow() throws Exception {
    // RFC 9110 section 15.5.6: a 405 must carry Allow; it had none.
    HttpResponse<String> r = web.post("/api/daily_papers");
    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(r.headers().firstValue("Allow")).hasValue("GET, HEAD");
    JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
    assertThat(body.path("status").asInt()).isEqualTo(405);
    assertThat(body.path("error").asText()).contains("only GET, HEAD");
  }

  @Test
  void dailyPapersOfTheLatestDayByDefault() {
    JsonNode list = web.json("/api/daily_papers", 200);
    assertThat(list).hasSize(7);
    assertThat(list.get(0).path("paper").path("id").asText()).isEqualTo("2506.00051");
    assertThat(list.get(0).path("paper").path("upvotes").asInt()).isEqualTo(23);
    List<Integer> votes = new ArrayList<>();
    list.forEach(e -> votes.add(e.path("paper").path("upvotes").asInt()));
    assertThat(votes).isSortedAccordingTo((a, b) -> b - a);
    assertThat(web.get("/api/daily_papers").headers().firstValue("X-Total-Count")).hasValue("7");
  }

  @Test
  void entriesHaveTheHuggingFaceShape() {
    JsonNode e = web.json("/api/daily_papers?date=2025-06-16", 200).get(0);
    assertThat(names(e))
        .containsExactlyInAnyOrder(
            "paper", "publishedAt", "title", "summary", "numComments", "submittedBy");
    JsonNode p = e.path("paper");
    assertThat(names(p))
        .containsExactlyInAnyOrder(
            "id",
            "authors",
            "publishedAt",
            "submittedOnDailyAt",
            "submittedOnDailyBy",
            "title",
            "summary",
            "upvotes",
            "projectPage",
            "githubRepo",
            "githubStars",
            "ai_summary",
            "ai_keywords",
            "categories");
    assertThat(p.path("id").asText()).isEqualTo("2506.10001");
    assertThat(p.path("authors").get(0).path("name").asText()).isEqualTo("Ada Lovelace");
    assertThat(p.path("publishedAt").asText()).isEqualTo("2025-06-12T00:00:00.000Z");
    assertThat(p.path("submittedOnDailyAt").asText()).isEqualTo("2025-06-16T00:00:00.000Z");
    assertThat(p.path("submittedOnDailyBy").path("user").asText()).isEqualTo("akhaliq");
    assertThat(p.path("githubRepo").asText()).isEqualTo("https://github.com/example/sparse-moe");
    assertThat(p.path("categories").toString()).isEqualTo("[\"cs.LG\",\"cs.CL\",\"cs.DC\"]");
    assertThat(e.path("numComments").asInt()).isZero();
    assertThat(e.path("summary").asText()).startsWith("Mixture of experts");
  }

  /** Every field we write that HF also has has the same type as in a real HF response. */
  @Test
  void fieldsMatchARealHuggingFaceResponse() throws Exception {
    Path raw = SharedData.require("hf-daily").resolve("raw/2026-08-21.json");
    JsonNode hf = WebTestSupport.JSON.readTree(Files.readString(raw));
    JsonNode hfEntry = hf.get(0);
    JsonNode ours = web.json("/api/daily_papers?date=2025-06-16", 200).get(0);
    Set<String> ownFields = Set.of("paper.categories");
    compare("", hfEntry, ours, ownFields);
  }

  private static void compare(String path, JsonNode hf, JsonNode ours, Set<String> own) {
    for (Iterator<String> it = ours.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      String p = path.isEmpty() ? name : path + "." + name;
      if (own.contains(p)) {
        continue;
      }
      assertThat(hf.has(name)).as("HF has field " + p).isTrue();
      JsonNode a = hf.get(name);
      JsonNode b = ours.get(name);
      assertThat(b.getNodeType()).as("type of " + p).isEqualTo(a.getNodeType());
      if (b.isObject()) {
        compare(p, a, b, own);
      } else if (b.isArray() && !b.isEmpty() && !a.isEmpty() && b.get(0).isObject()) {
        compare(p + "[]", a.get(0), b.get(0), own);
      }
      if (p.endsWith("At")) {
        assertThat(b.asText()).as(p).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
      }
    }
  }

  private static List<String> names(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void weekAndMonthListEachPaperOnce() {
    JsonNode week = web.json("/api/daily_papers?week=2025-W25&limit=100", 200);
    Set<String> ids = new HashSet<>();
    week.forEach(e -> ids.add(e.path("paper").path("id").asText()));
    assertThat(ids).hasSize(week.size()).hasSize(31);
    assertThat(web.json("/api/daily_papers?month=2025-06&limit=100", 200)).hasSize(38);
    assertThat(web.json("/api/daily_papers?month=2025-05", 200)).isEmpty();
  }

  @Test
  void pagesWithPAndLimit() {
    JsonNode first = web.json("/api/daily_papers?week=2025-W25&limit=10", 200);
    JsonNode second = web.json("/api/daily_papers?week=2025-W25&limit=10&p=1", 200);
    JsonNode last = web.json("/api/daily_papers?week=2025-W25&limit=10&p=3", 200);
    assertThat(first).hasSize(10);
    assertThat(second).hasSize(10);
    assertThat(last).hasSize(1);
    assertThat(second.get(0).path("paper").path("id").asText())
        .isNotEqualTo(first.get(0).path("paper").path("id").asText());
    assertThat(web.json("/api/daily_papers?week=2025-W25&limit=10&p=9", 200)).isEmpty();
  }

  @Test
  void sortsByPublishedAtAndTrending() {
    JsonNode newest = web.json("/api/daily_papers?week=2025-W25&sort=publishedAt&limit=100", 200);
    List<String> days = new ArrayList<>();
    newest.forEach(e -> days.add(e.path("paper").path("submittedOnDailyAt").asText()));
    assertThat(days).isSortedAccordingTo((a, b) -> b.compareTo(a));
    JsonNode trending = web.json("/api/daily_papers?month=2025-06&sort=trending&limit=5", 200);
    assertThat(trending).hasSize(5);
    // Over a month the 40-vote paper of 16 June still leads; its decay is mild (10-day half-life).
    assertThat(trending.get(0).path("paper").path("id").asText()).isEqualTo("2506.10001");
  }

  @ParameterizedTest
  @CsvSource({
    "/api/daily_papers?date=2025-13-01, date",
    "/api/daily_papers?date=today, date",
    "/api/daily_papers?date=%2B999999999-12-31, date",
    "/api/daily_papers?month=%2B999999999-12, month",
    "/api/daily_papers?week=2025-W60, week",
    "/api/daily_papers?week=25, week",
    "/api/daily_papers?month=2025-6, month",
    "/api/daily_papers?sort=upvotes, sort",
    "/api/daily_papers?p=-1, p",
    "/api/daily_papers?p=x, p",
    "/api/daily_papers?limit=0, limit",
    "/api/daily_papers?limit=101, limit",
    "/api/daily_papers?limit=1e3, limit",
    "/api/daily_papers?limit=1&limit=2, limit",
    "/api/daily_papers?date=2025-06-16&week=2025-W25, date",
    "/api/papers/search, q",
    "/api/papers/search?q=, q",
    "/api/papers/search?q=a&limit=0, limit",
    "/api/papers/search?q=a&mode=vector, mode",
    "/api/papers/search?q=a&mode=semantic, mode",
    "/api/papers/search?q=%22open, q",
    "/api/papers?cursor=xyz, cursor",
    "/api/papers?cursor=cDE6bm9wZQ, cursor",
    "/api/papers?limit=500, limit",
    "/api/papers/not-an-id, arxivId",
    "/api/papers/2506.1, arxivId",
  })
  void badParametersAre400NamingTheParameter(String path, String parameter) {
    JsonNode error = web.json(path, 400);
    assertThat(error.path("parameter").asText()).isEqualTo(parameter);
    assertThat(error.path("error").asText()).startsWith(parameter + ":");
    assertThat(error.path("status").asInt()).isEqualTo(400);
  }

  @Test
  void paperById() {
    JsonNode p = web.json("/api/papers/2506.10001", 200);
    assertThat(p.path("id").asText()).isEqualTo("2506.10001");
    assertThat(p.path("upvotes").asInt()).isEqualTo(40);
    assertThat(p.path("title").asText()).isEqualTo("Sparse Mixture of Experts for Fast Inference");
    assertThat(web.json("/api/papers/2506.10001v2", 200).path("id").asText())
        .isEqualTo("2506.10001");
    assertThat(web.json("/api/papers/hep-th/9901001", 200).path("id").asText())
        .isEqualTo("hep-th/9901001");
    JsonNode missing = web.json("/api/papers/2506.99999", 404);
    assertThat(missing.path("error").asText()).isEqualTo("Paper 2506.99999 not found");
  }

  @Test
  void similarPapersLeaveThePaperOutAndCheckTheirParameters() {
    JsonNode similar = web.json("/api/papers/2506.10001/similar?limit=3", 200);
    assertThat(similar.size()).isBetween(1, 3);
    for (JsonNode s : similar) {
      assertThat(s.path("paper").path("id").asText()).isNotEqualTo("2506.10001").isNotBlank();
    }
    assertThat(web.json("/api/papers/2506.99999/similar", 404).path("error").asText())
        .isEqualTo("Paper 2506.99999 not found");
    assertThat(web.json("/api/papers/2506.10001/similar?limit=0", 400).path("parameter").asText())
        .isEqualTo("limit");
    assertThat(web.json("/api/papers/bogus/similar", 400).path("parameter").asText())
        .isEqualTo("arxivId");
  }

  @Test
  void hostileTextIsPlainJsonText() {
    HttpResponse<String> r = web.get("/api/papers/" + Fixture.HOSTILE);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
    JsonNode p = web.json("/api/papers/" + Fixture.HOSTILE, 200);
    assertThat(p.path("title").asText()).isEqualTo(Fixture.HOSTILE_TITLE);
    assertThat(p.has("githubRepo")).as("javascript: URL dropped").isFalse();
  }

  @Test
  void searchReturnsEntriesWithUpvotes() {
    JsonNode hits = web.json("/api/papers/search?q=experts&limit=3", 200);
    assertThat(hits).hasSize(3);
    assertThat(hits.get(0).path("paper").path("id").asText()).isEqualTo("2506.10001");
    assertThat(hits.get(0).path("paper").path("upvotes").asInt()).isEqualTo(40);
    assertThat(hits.get(0).path("title").asText())
        .isEqualTo("Sparse Mixture of Experts for Fast Inference");
    assertThat(web.json("/api/papers/search?q=zzzzqqq", 200)).isEmpty();
    assertThat(web.json("/api/papers/search?q=experts&mode=BM25", 200)).isNotEmpty();
  }

  @Test
  void searchModesFollowTheConfig() {
    var store = Fixture.store();
    FakeSearchIndex index = new FakeSearchIndex(Set.of(SearchMode.BM25, SearchMode.SEMANTIC));
    index.index(store.papersAfter(null, 100));
    try (WebTestSupport both =
        new WebTestSupport(
            WebConfig.defaults()
                .withSearchModes(
                    new java.util.LinkedHashSet<>(List.of(SearchMode.BM25, SearchMode.SEMANTIC))),
            store,
            index,
            Fixture.CLOCK)) {
      assertThat(both.json("/api/papers/search?q=experts&mode=semantic", 200)).isNotEmpty();
      JsonNode hybrid = both.json("/api/papers/search?q=experts&mode=hybrid", 400);
      assertThat(hybrid.path("error").asText()).contains("available: bm25, semantic");
    }
  }

  @Test
  void cursorWalksEveryPaperOnceInIdOrder() {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonNode page =
          web.json("/api/papers?limit=7" + (cursor == null ? "" : "&cursor=" + cursor), 200);
      page.path("papers").forEach(p -> ids.add(p.path("id").asText()));
      cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
      pages++;
    } while (cursor != null && pages < 20);
    assertThat(ids).hasSize(39).doesNotHaveDuplicates().isSorted();
    assertThat(pages).isEqualTo(6);
    HttpResponse<String> r = web.get("/api/papers?limit=7");
    assertThat(r.headers().firstValue("Link").orElseThrow())
        .contains("rel=\"next\"")
        .contains("cursor=");
  }

  @Test
  void responsesCarryCacheHeadersAndEtags() {
    HttpResponse<String> r = web.get("/api/daily_papers?date=2025-06-16");
    assertThat(r.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
    String etag = r.headers().firstValue("ETag").orElseThrow();
    assertThat(
            web.get("/api/daily_papers?date=2025-06-16", Map.of("If-None-Match", etag))
                .statusCode())
        .isEqualTo(304);
    HttpResponse<String> bad = web.get("/api/daily_papers?date=x");
    assertThat(bad.headers().firstValue("Cache-Control")).hasValue("no-store");
  }

  @Test
  void unknownApiPathIsJson404() {
    JsonNode e = web.json("/api/nothing", 404);
    assertThat(e.path("error").asText()).contains("/api/nothing");
  }
}
