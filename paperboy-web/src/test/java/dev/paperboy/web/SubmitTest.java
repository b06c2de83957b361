package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Submitting papers to today's list: the form, the API, and each rule. */
class SubmitTest {
  @TempDir Path dir;
  CommunityServer site;
  TestBrowser ada;

  static Paper arxivPaper(String id, LocalDate submitted, boolean withdrawn) {
    return Paper.builder(ArxivId.parse(id), "Fresh Paper " + id)
        .abstractText("Something new.")
        .authors(List.of("Grace Hopper"))
        .categories(List.of("cs.CL"))
        .submitted(submitted)
        .withdrawn(withdrawn)
        .build();
  }

  @BeforeEach
  void start() {
    site =
        new CommunityServer(
            dir, CommunityConfig.defaults().withSubmissions(Duration.ofDays(14), 3));
    site.fx.arxivPapers.put(
        ArxivId.parse("2506.20001"), arxivPaper("2506.20001", LocalDate.of(2025, 6, 24), false));
    site.fx.arxivPapers.put(
        ArxivId.parse("2506.20002"), arxivPaper("2506.20002", LocalDate.of(2025, 6, 20), false));
    site.fx.arxivPapers.put(
        ArxivId.parse("2506.20003"), arxivPaper("2506.20003", LocalDate.of(2025, 6, 24), false));
    site.fx.arxivPapers.put(
        ArxivId.parse("2506.20004"), arxivPaper("2506.20004", LocalDate.of(2025, 6, 24), false));
    site.fx.arxivPapers.put(
        ArxivId.parse("2505.30001"), arxivPaper("2505.30001", LocalDate.of(2025, 6, 1), false));
    site.fx.arxivPapers.put(
        ArxivId.parse("2506.20009"), arxivPaper("2506.20009", LocalDate.of(2025, 6, 24), true));
    ada = site.signedIn("ada@example.org");
  }

  @AfterEach
  void stop() {
    site.close();
  }

  HttpResponse<String> submit(TestBrowser b, String input) {
    return b.submit("/submit", "/submit", Map.of("id", input));
  }

  static String error(HttpResponse<String> r) {
    return Jsoup.parse(r.body()).select("#submit-error").text();
  }

  @Test
  void aSubmittedPaperIsFetchedAndOnTodaysList() {
    assertThat(site.browser().get("/submit").statusCode()).isEqualTo(303);
    HttpResponse<String> r = submit(ada, "https://arxiv.org/abs/2506.20001v1");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location")).contains("/day/2025-06-25#p-2506.20001");
    assertThat(site.fx.lookups).containsExactly(ArxivId.parse("2506.20001"));
    Document today = site.browser().page("/day/2025-06-25");
    assertThat(today.select("article.card h2.title").text()).isEqualTo("Fresh Paper 2506.20001");
    // The home page is now today's list.
    assertThat(site.browser().page("/").select("#p-2506\\.20001")).hasSize(1);
    Document paper = site.browser().page("/papers/2506.20001");
    assertThat(paper.select(".featured").text()).contains("submitted here").contains("reader-");
    JsonNode api = VoteTest.json(site.browser().get("/api/daily_papers?date=2025-06-25"));
    assertThat(api.get(0).path("submittedBy").path("name").asText()).startsWith("reader-");
    // On the account page and in the export.
    assertThat(ada.page("/account").select("ul.activity a").eachText())
        .contains("Fresh Paper 2506.20001");
    JsonNode export = VoteTest.json(ada.get("/account/export.json"));
    assertThat(export.path("submissions").get(0).path("paper").asText()).isEqualTo("2506.20001");
  }

  @Test
  void eachRuleRefusesWithItsReason() {
    assertThat(submit(ada, "2506.20001").statusCode()).isEqualTo(303);
    HttpResponse<String> again = submit(site.signedIn("bob@example.org"), "2506.20001");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(error(again)).contains("already on the list of 2025-06-25");
    HttpResponse<String> listed = submit(ada, "2506.00051");
    assertThat(listed.statusCode()).isEqualTo(409);
    assertThat(error(listed)).contains("already on the list of 2025-06-23");
    HttpResponse<String> old = submit(ada, "2505.30001");
    assertThat(old.statusCode()).isEqualTo(409);
    assertThat(error(old)).contains("last 14 days");
    HttpResponse<String> withdrawn = submit(ada, "2506.20009");
    assertThat(withdrawn.statusCode()).isEqualTo(409);
    assertThat(error(withdrawn)).contains("withdrawn");
    HttpResponse<String> unknown = submit(ada, "2506.29999");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(error(unknown)).contains("arXiv has no paper 2506.29999");
    HttpResponse<String> garbage = submit(ada, "not a paper");
    assertThat(garbage.statusCode()).isEqualTo(400);
    assertThat(error(garbage)).contains("That is not an arXiv id or URL");
    // Refused papers are not on any list.
    assertThat(VoteTest.json(site.browser().get("/api/daily_papers?date=2025-06-25"))).hasSize(1);
  }

  @Test
  void theDailyCapAnswers429UntilMidnight() {
    assertThat(submit(ada, "2506.20001").statusCode()).isEqualTo(303);
    assertThat(submit(ada, "2506.20002").statusCode()).isEqualTo(303);
    assertThat(submit(ada, "2506.20003").statusCode()).isEqualTo(303);
    HttpResponse<String> fourth = submit(ada, "2506.20004");
    assertThat(fourth.statusCode()).isEqualTo(429);
    assertThat(error(fourth)).contains("submitted 3 papers today");
    // 15:00 UTC: nine hours to midnight.
    assertThat(fourth.headers().firstValue("Retry-After")).contains("32400");
    site.clock.advance(Duration.ofHours(9));
    assertThat(submit(ada, "2506.20004").statusCode()).isEqualTo(303);
  }

  @Test
  void theApiSubmitsWithABearerToken() {
    String token = new VoteTest().withSite(site).tokenFor("api@example.org");
    HttpResponse<String> r =
        ada.send(
            HttpRequest.newBuilder(site.uri().resolve("/api/papers/2506.20001/submit"))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode body = VoteTest.json(r);
    assertThat(body.path("day").asText()).isEqualTo("2025-06-25");
    assertThat(body.path("fetched").asBoolean()).isTrue();
    HttpResponse<String> again =
        ada.send(
            HttpRequest.newBuilder(site.uri().resolve("/api/papers/2506.20001/submit"))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(VoteTest.json(again).path("error").asText()).contains("already on the list");
  }

  @Test
  void anArxivThatDoesNotAnswerInTimeIs503WithAMessageNot500() {
    site.fx.arxivFailure =
        new java.net.http.HttpTimeoutException("GET http://arxiv: no response within 4 s");
    HttpResponse<String> page = submit(ada, "2506.20001");
    assertThat(page.statusCode()).isEqualTo(503);
    assertThat(error(page))
        .contains("arXiv did not answer in time")
        .contains("try again in a minute");
    assertThat(page.headers().firstValue("Retry-After")).contains("60");

    String token = new VoteTest().withSite(site).tokenFor("api@example.org");
    HttpResponse<String> api =
        ada.send(
            HttpRequest.newBuilder(site.uri().resolve("/api/papers/2506.20001/submit"))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(api.statusCode()).isEqualTo(503);
    assertThat(VoteTest.json(api).path("error").asText()).contains("arXiv did not answer in time");

    site.fx.arxivFailure = new java.net.ConnectException("GET http://arxiv: cannot connect");
    HttpResponse<String> refused = submit(ada, "2506.20001");
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(error(refused)).contains("arXiv cannot be reached");
    // Nothing was listed.
    assertThat(VoteTest.json(site.browser().get("/api/daily_papers?date=2025-06-25"))).isEmpty();
  }
}
