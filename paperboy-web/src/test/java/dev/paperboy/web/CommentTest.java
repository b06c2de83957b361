package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperboy.core.security.RateLimit;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Comments: Markdown rendered inert, threads, owners only, counts, limits. */
class CommentTest {
  static final String PAPER = "2506.00051";
  static final String PAGE = "/papers/" + PAPER;

  @TempDir Path dir;
  CommunityServer site;
  TestBrowser ada;

  @BeforeEach
  void start() {
    RateLimits d = RateLimits.defaults();
    site =
        new CommunityServer(
            dir,
            CommunityConfig.defaults()
                .withLimits(
                    new RateLimits(
                        d.signInPerIp(),
                        d.signInPerEmail(),
                        d.votesPerUser(),
                        d.votesPerIp(),
                        RateLimit.perHour("comment-user", 6),
                        d.commentsPerIp(),
                        d.submissionsPerUser(),
                        d.submissionsPerIp(),
                        d.formsPerIp())));
    ada = site.signedIn("ada@example.org");
  }

  @AfterEach
  void stop() {
    site.close();
  }

  HttpResponse<String> comment(TestBrowser b, String body, String parent) {
    Map<String, String> fields = new java.util.HashMap<>(Map.of("body", body));
    if (parent != null) {
      fields.put("parentId", parent);
    }
    return b.submit(PAGE, PAGE + "/comments", fields);
  }

  static String idFrom(HttpResponse<String> r) {
    String location = r.headers().firstValue("Location").orElseThrow();
    return location.substring(location.indexOf("#c-") + 3);
  }

  @Test
  void scriptsJavascriptLinksAndRawHtmlRenderInert() {
    String hostile =
        "Hello <script>alert('x')</script> **bold**\n\n"
            + "[click](javascript:alert(1)) [ok](https://example.org/a) <img src=x onerror=alert(2)>\n\n"
            + "<a href=\"javascript:alert(3)\" onclick=\"alert(4)\">raw link</a>\n\n"
            + "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCg1KTwvc2NyaXB0Pg==) <iframe src=\"https://evil.example\"></iframe>";
    HttpResponse<String> r = comment(ada, hostile, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
    Document page = site.browser().page(PAGE);
    Element body = page.selectFirst("#c-" + idFrom(r) + " .comment-body");
    assertThat(body.select("script, img, iframe, object, embed, style")).isEmpty();
    assertThat(body.select("strong").text()).isEqualTo("bold");
    // A link whose target was refused stays as plain text in an inert <a> without href.
    for (Element a : body.select("a[href]")) {
      assertThat(a.attr("href")).as(a.outerHtml()).startsWith("https://");
      assertThat(a.attr("rel")).isEqualTo("nofollow ugc noopener");
    }
    assertThat(body.select("a[href]").eachAttr("href")).containsExactly("https://example.org/a");
    body.getAllElements()
        .forEach(e -> e.attributes().forEach(at -> assertThat(at.getKey()).doesNotStartWith("on")));
    body.getAllElements()
        .forEach(
            e ->
                e.attributes()
                    .forEach(
                        at ->
                            assertThat(at.getValue().toLowerCase()).doesNotContain("javascript:")));
    assertThat(body.html().toLowerCase()).doesNotContain("<script").doesNotContain("<img");
    // The raw HTML shows as text.
    assertThat(body.text()).contains("<script>alert('x')</script>");
    // The API's html is the same sanitised HTML.
    JsonNode api = VoteTest.json(site.browser().get("/api/papers/" + PAPER + "/comments"));
    Document apiHtml = org.jsoup.Jsoup.parseBodyFragment(api.get(0).path("html").asText());
    assertThat(apiHtml.select("script, img, iframe, [onclick], [onerror]")).isEmpty();
    assertThat(apiHtml.select("a[href]").eachAttr("href")).containsExactly("https://example.org/a");
    assertThat(api.get(0).path("markdown").asText()).isEqualTo(hostile);
  }

  @Test
  void repliesCountsEditAndDelete() {
    String top = idFrom(comment(ada, "First!", null));
    TestBrowser bob = site.signedIn("bob@example.org");
    String reply = idFrom(comment(bob, "A reply", top));
    Document page = site.browser().page(PAGE);
    assertThat(page.select("#c-" + top + " article.reply").attr("id")).isEqualTo("c-" + reply);
    assertThat(page.select("#comments > p.muted").text()).isEqualTo("2 comments");
    // numComments in the API and on the list.
    JsonNode list = VoteTest.json(site.browser().get("/api/daily_papers?date=2025-06-23"));
    for (JsonNode e : list) {
      if (e.path("paper").path("id").asText().equals(PAPER)) {
        assertThat(e.path("numComments").asInt()).isEqualTo(2);
      }
    }
    assertThat(site.browser().page("/day/2025-06-23").select("#p-2506\\.00051 .links").text())
        .contains("2 comments");

    assertThat(
            ada.submit(
                    "/comments/" + top + "/edit",
                    "/comments/" + top + "/edit",
                    Map.of("body", "First, edited"))
                .statusCode())
        .isEqualTo(303);
    Document after = site.browser().page(PAGE);
    assertThat(after.select("#c-" + top + " > .comment-body").text()).isEqualTo("First, edited");
    assertThat(after.select("#c-" + top + " > .comment-meta").text()).contains("edited");

    // Deleting a comment with a reply leaves "[deleted]"; the reply stays.
    assertThat(ada.submit(PAGE, "/comments/" + top + "/delete", Map.of()).statusCode())
        .isEqualTo(303);
    Document deleted = site.browser().page(PAGE);
    assertThat(deleted.select("#c-" + top + " > .comment-body").text()).isEqualTo("[deleted]");
    assertThat(deleted.select("#c-" + reply + " .comment-body").text()).isEqualTo("A reply");
    assertThat(ada.page("/account").select("ul.activity .quote").eachText()).isEmpty();
    assertThat(bob.page("/account").select("ul.activity .quote").eachText())
        .containsExactly("A reply");
  }

  @Test
  void editAndDeleteSitTogetherUnderTheComment() {
    // The delete (and moderators' hide) buttons are forms: inside a <p> the HTML parser would
    // close the paragraph before each form, putting Edit and Delete on separate lines.
    String mine = idFrom(comment(ada, "Ada's words", null));
    Document page = ada.page(PAGE);
    Element actions = page.selectFirst("#c-" + mine + " > .comment-actions");
    assertThat(actions).isNotNull();
    assertThat(actions.select("a, button").eachText()).containsExactly("Edit", "Delete");
  }

  @Test
  void oneUserCannotEditOrDeleteAnothersComment() {
    String mine = idFrom(comment(ada, "Ada's words", null));
    TestBrowser eve = site.signedIn("eve@example.org");
    assertThat(eve.get("/comments/" + mine + "/edit").statusCode()).isEqualTo(403);
    HttpResponse<String> edit =
        eve.post(
            "/comments/" + mine + "/edit", Map.of("_csrf", eve.csrf(PAGE), "body", "Eve was here"));
    assertThat(edit.statusCode()).isEqualTo(403);
    HttpResponse<String> delete =
        eve.post("/comments/" + mine + "/delete", Map.of("_csrf", eve.csrf(PAGE)));
    assertThat(delete.statusCode()).isEqualTo(403);
    String token = new VoteTest().withSite(site).tokenFor("eve2@example.org");
    HttpResponse<String> patch =
        eve.send(
            HttpRequest.newBuilder(site.uri().resolve("/api/comments/" + mine))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"body\":\"Eve\"}")));
    assertThat(patch.statusCode()).isEqualTo(403);
    assertThat(site.browser().page(PAGE).select("#c-" + mine + " .comment-body").text())
        .isEqualTo("Ada's words");
    // The edit and delete links are offered to the author only.
    assertThat(eve.page(PAGE).select("#c-" + mine + " a[href$=/edit]")).isEmpty();
    assertThat(ada.page(PAGE).select("#c-" + mine + " a[href$=/edit]")).hasSize(1);
  }

  @Test
  void aDoubleSubmittedCommentIsPostedOnce() throws Exception {
    // A double click, or a browser retrying the POST, sends the same form twice, here at once.
    List<java.util.concurrent.Future<HttpResponse<String>>> both = new ArrayList<>();
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
      for (int i = 0; i < 2; i++) {
        both.add(pool.submit(() -> comment(ada, "Great paper!", null)));
      }
    }
    String first = idFrom(both.get(0).get());
    assertThat(idFrom(both.get(1).get())).isEqualTo(first);
    assertThat(site.browser().page(PAGE).select("#comments article.comment")).hasSize(1);

    // The same words as a reply are another comment; so are they a minute later, and from
    // someone else.
    String reply = idFrom(comment(ada, "Great paper!", first));
    assertThat(reply).isNotEqualTo(first);
    assertThat(idFrom(comment(ada, "Great paper!", reply))).isEqualTo(reply);
    TestBrowser bob = site.signedIn("bob@example.org");
    assertThat(idFrom(comment(bob, "Great paper!", null))).isNotEqualTo(first);
    site.clock.advance(java.time.Duration.ofSeconds(61));
    assertThat(idFrom(comment(ada, "Great paper!", null))).isNotEqualTo(first);
    assertThat(site.browser().page(PAGE).select("#comments article.comment")).hasSize(4);
  }

  @Test
  void theApiRefusesACommentBodyThatIsNotAJsonString() {
    // asText() turned {"body": 123} into the comment "123".
    String token = new VoteTest().withSite(site).tokenFor("bot@example.org");
    for (String bad :
        List.of("{\"body\":123}", "{\"body\":true}", "{\"body\":\"ok\",\"parentId\":5}")) {
      HttpResponse<String> r =
          ada.send(
              HttpRequest.newBuilder(site.uri().resolve("/api/papers/" + PAPER + "/comments"))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(bad)));
      assertThat(r.statusCode()).as(bad).isEqualTo(400);
      assertThat(VoteTest.json(r).path("parameter").asText())
          .as(bad)
          .isEqualTo(bad.contains("parentId") ? "parentId" : "body");
    }
    assertThat(VoteTest.json(site.browser().get("/api/papers/" + PAPER + "/comments"))).isEmpty();
    HttpResponse<String> made =
        ada.send(
            HttpRequest.newBuilder(site.uri().resolve("/api/papers/" + PAPER + "/comments"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"body\":\"123\"}")));
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    assertThat(VoteTest.json(made).path("markdown").asText()).isEqualTo("123");
  }

  @Test
  void theApiCommentsWithATokenAndCommentsNeedCsrfAndAreRateLimited() {
    String token = new VoteTest().withSite(site).tokenFor("bot@example.org");
    HttpResponse<String> made =
        ada.send(
            HttpRequest.newBuilder(site.uri().resolve("/api/papers/" + PAPER + "/comments"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"body\":\"From a *script*\"}")));
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    assertThat(VoteTest.json(made).path("html").asText())
        .isEqualTo("<p>From a <em>script</em></p>");
    HttpResponse<String> empty =
        ada.send(
            HttpRequest.newBuilder(site.uri().resolve("/api/papers/" + PAPER + "/comments"))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"body\":\"  \"}")));
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(VoteTest.json(empty).path("parameter").asText()).isEqualTo("body");

    assertThat(ada.post(PAGE + "/comments", Map.of("body", "no token")).statusCode())
        .isEqualTo(403);
    for (int i = 0; i < 6; i++) {
      assertThat(comment(ada, "comment " + i, null).statusCode()).isEqualTo(303);
    }
    HttpResponse<String> seventh = comment(ada, "one too many", null);
    assertThat(seventh.statusCode()).isEqualTo(429);
    assertThat(seventh.headers().firstValue("Retry-After")).isPresent();
  }
}
