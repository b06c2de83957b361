package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperboy.core.account.ApiToken;
import dev.paperboy.core.account.User;
import dev.paperboy.core.mail.EmailAddress;
import dev.paperboy.core.security.RateLimit;
import dev.paperboy.core.security.Secrets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upvotes through the form on every list and through the API, and under concurrency. */
class VoteTest {
  static final String DAY = "/day/2025-06-23";
  static final String ZERO = "2506.00056"; // on 2025-06-23 with no imported upvotes
  static final String TOP = "2506.00051"; // on 2025-06-23 with 23 imported upvotes

  @TempDir Path dir;
  CommunityServer site;

  @AfterEach
  void stop() {
    if (site != null) {
      site.close();
    }
  }

  static JsonNode json(HttpResponse<String> r) {
    try {
      return WebTestSupport.JSON.readTree(r.body());
    } catch (java.io.IOException e) {
      throw new AssertionError(r.body(), e);
    }
  }

  int apiUpvotes(TestBrowser b, String id) {
    for (JsonNode e : json(b.get("/api/daily_papers?date=2025-06-23"))) {
      if (e.path("paper").path("id").asText().equals(id)) {
        return e.path("paper").path("upvotes").asInt();
      }
    }
    throw new AssertionError(id + " not on the list");
  }

  @Test
  void theFormOnAListUpvotesWithoutJavaScriptAndComesBack() {
    site = new CommunityServer(dir);
    TestBrowser anonymous = site.browser();
    Element signIn = anonymous.page(DAY).selectFirst("#p-" + ZERO.replace(".", "\\.") + " a.votes");
    assertThat(signIn.attr("href")).isEqualTo("/signin?next=%2Fday%2F2025-06-23");

    TestBrowser b = site.signedIn("ada@example.org");
    Document list = b.page(DAY);
    Element form = list.selectFirst("#p-" + ZERO.replace(".", "\\.") + " form.vote-form");
    assertThat(form.select(".n").text()).isEqualTo("0");
    HttpResponse<String> voted =
        b.post(
            form.attr("action"),
            Map.of(
                "_csrf", form.select("input[name=_csrf]").val(),
                "action", form.select("input[name=action]").val(),
                "back", form.select("input[name=back]").val()));
    assertThat(voted.statusCode()).isEqualTo(303);
    assertThat(voted.headers().firstValue("Location")).contains(DAY + "#p-" + ZERO);
    Element after = b.page(DAY).selectFirst("#p-" + ZERO.replace(".", "\\.") + " form.vote-form");
    assertThat(after.hasClass("on")).isTrue();
    assertThat(after.select(".n").text()).isEqualTo("1");
    assertThat(after.select("input[name=action]").val()).isEqualTo("remove");
    assertThat(apiUpvotes(b, ZERO)).isEqualTo(1);
    // Others see the count too, and the paper page shows it.
    assertThat(site.browser().page("/papers/" + ZERO).select(".votes.big .n").text())
        .isEqualTo("1");
    // Without the CSRF token nothing changes.
    assertThat(b.post(form.attr("action"), Map.of("action", "remove")).statusCode()).isEqualTo(403);
    assertThat(apiUpvotes(b, ZERO)).isEqualTo(1);
  }

  @Test
  void theApiIsIdempotentAndAddsToTheImportedCount() {
    site = new CommunityServer(dir);
    String token = tokenFor("ada@example.org");
    assertThat(call("POST", TOP, null).statusCode()).isEqualTo(401);
    JsonNode first = json(call("POST", TOP, token));
    assertThat(first.path("upvotes").asInt()).isEqualTo(24);
    assertThat(first.path("upvoted").asBoolean()).isTrue();
    assertThat(first.path("changed").asBoolean()).isTrue();
    JsonNode again = json(call("POST", TOP, token));
    assertThat(again.path("upvotes").asInt()).isEqualTo(24);
    assertThat(again.path("changed").asBoolean()).isFalse();
    assertThat(json(site.browser().get("/api/papers/" + TOP)).path("upvotes").asInt())
        .isEqualTo(24);
    JsonNode back = json(call("DELETE", TOP, token));
    assertThat(back.path("upvotes").asInt()).isEqualTo(23);
    assertThat(back.path("upvoted").asBoolean()).isFalse();
    assertThat(json(call("DELETE", TOP, token)).path("changed").asBoolean()).isFalse();
    assertThat(call("POST", "2506.99999", token).statusCode()).isEqualTo(404);
    assertThat(call("POST", "nonsense", token).statusCode()).isEqualTo(400);
  }

  @Test
  void localVotesReorderListsAndTrending() {
    site = new CommunityServer(dir);
    // 2506.00056 has 0 imported votes; 25 users lift it above 2506.00051 (23).
    for (int i = 0; i < 25; i++) {
      assertThat(call("POST", ZERO, tokenFor("u" + i + "@example.org")).statusCode())
          .isEqualTo(200);
    }
    JsonNode list = json(site.browser().get("/api/daily_papers?date=2025-06-23"));
    assertThat(list.get(0).path("paper").path("id").asText()).isEqualTo(ZERO);
    assertThat(list.get(0).path("paper").path("upvotes").asInt()).isEqualTo(25);
    Document trending = site.browser().page("/trending?window=3d");
    assertThat(trending.select("article.card").first().id()).isEqualTo("p-" + ZERO);
    Document day = site.browser().page(DAY);
    assertThat(day.select("article.card").first().id()).isEqualTo("p-" + ZERO);
  }

  @Test
  void votesAreRateLimitedPerUser() {
    RateLimits d = RateLimits.defaults();
    site =
        new CommunityServer(
            dir,
            CommunityConfig.defaults()
                .withLimits(
                    new RateLimits(
                        d.signInPerIp(),
                        d.signInPerEmail(),
                        RateLimit.perMinute("vote-user", 3),
                        d.votesPerIp(),
                        d.commentsPerUser(),
                        d.commentsPerIp(),
                        d.submissionsPerUser(),
                        d.submissionsPerIp(),
                        d.formsPerIp())));
    String token = tokenFor("ada@example.org");
    for (int i = 0; i < 3; i++) {
      assertThat(call(i % 2 == 0 ? "POST" : "DELETE", TOP, token).statusCode()).isEqualTo(200);
    }
    HttpResponse<String> limited = call("POST", TOP, token);
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    assertThat(json(limited).path("status").asInt()).isEqualTo(429);
  }

  /**
   * The bar: 50 clients (each its own account and token) upvote and un-upvote the same three papers
   * in parallel over HTTP, with double clicks sent as two simultaneous requests; each client ends
   * in a known state, so the totals are known exactly.
   */
  @Test
  void fiftyClientsInParallelEndWithExactCounts() throws Exception {
    RateLimits d = RateLimits.defaults();
    site =
        new CommunityServer(
            dir,
            CommunityConfig.defaults()
                .withLimits(
                    new RateLimits(
                        d.signInPerIp(),
                        d.signInPerEmail(),
                        RateLimit.perMinute("vote-user", 10_000),
                        RateLimit.perMinute("vote-ip", 100_000),
                        d.commentsPerUser(),
                        d.commentsPerIp(),
                        d.submissionsPerUser(),
                        d.submissionsPerIp(),
                        d.formsPerIp())));
    List<String> papers = List.of(TOP, ZERO, "2506.00053");
    int[] baseline = {23, 0, 17};
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      tokens.add(tokenFor("client" + i + "@example.org"));
    }
    ExecutorService pool = Executors.newFixedThreadPool(50);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        int client = i;
        work.add(
            pool.submit(
                () -> {
                  start.await();
                  Random random = new Random(client);
                  for (int round = 0; round < 4; round++) {
                    for (String p : papers) {
                      doubleClick(random.nextBoolean() ? "POST" : "DELETE", p, tokens.get(client));
                    }
                  }
                  for (int j = 0; j < papers.size(); j++) {
                    doubleClick(
                        (client + j) % 3 != 0 ? "POST" : "DELETE",
                        papers.get(j),
                        tokens.get(client));
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    TestBrowser reader = site.browser();
    for (int j = 0; j < papers.size(); j++) {
      int expected = baseline[j];
      for (int i = 0; i < 50; i++) {
        expected += (i + j) % 3 != 0 ? 1 : 0;
      }
      assertThat(apiUpvotes(reader, papers.get(j))).as(papers.get(j)).isEqualTo(expected);
      assertThat(json(reader.get("/api/papers/" + papers.get(j))).path("upvotes").asInt())
          .isEqualTo(expected);
    }
  }

  /** Two identical requests at once, as a double click without the script's guard sends them. */
  void doubleClick(String method, String paper, String token) {
    HttpRequest request = request(method, paper, token);
    CompletableFuture<HttpResponse<String>> a =
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    CompletableFuture<HttpResponse<String>> b =
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    assertThat(a.join().statusCode()).as(a.join().body()).isEqualTo(200);
    assertThat(b.join().statusCode()).as(b.join().body()).isEqualTo(200);
  }

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  HttpRequest request(String method, String paper, String token) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(site.uri().resolve("/api/papers/" + paper + "/upvote"))
            .timeout(Duration.ofSeconds(60))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b.build();
  }

  HttpResponse<String> call(String method, String paper, String token) {
    try {
      return http.send(request(method, paper, token), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** This test's helpers on another test's site. */
  VoteTest withSite(CommunityServer s) {
    site = s;
    return this;
  }

  /**
   * An account with an API token, made directly in the store (the sign-in flow has its own test).
   */
  String tokenFor(String email) {
    User u = site.fx.users.findOrCreate(EmailAddress.parse("email", email), site.clock.instant());
    String secret = ApiToken.newSecret();
    site.fx
        .community
        .apiTokens()
        .create(u.id(), "test", Secrets.hash(secret), site.clock.instant());
    return secret;
  }
}
