package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.mail.EmailAddress;
import dev.paperboy.core.security.Role;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Moderators hide papers and comments and suspend accounts; admins read the audit log. */
class ModerationTest {
  static final String DAY = "/day/2025-06-23";
  static final String PAPER = "2506.00051";

  @TempDir Path dir;
  CommunityServer site;
  TestBrowser mod;
  TestBrowser admin;

  @BeforeEach
  void start() {
    site = new CommunityServer(dir);
    mod = site.signedIn("mod@example.org");
    admin = site.signedIn("root@example.org");
    site.fx.users.setRole(user("mod@example.org"), Role.MODERATOR);
    site.fx.users.setRole(user("root@example.org"), Role.ADMIN);
  }

  dev.paperboy.core.account.UserId user(String email) {
    return site.fx.users.findByEmail(EmailAddress.parse("e", email)).orElseThrow().id();
  }

  @AfterEach
  void stop() {
    site.close();
  }

  @Test
  void onlyModeratorsModerate() {
    TestBrowser ada = site.signedIn("ada@example.org");
    assertThat(site.browser().get("/moderation").statusCode()).isEqualTo(303);
    assertThat(ada.get("/moderation").statusCode()).isEqualTo(403);
    assertThat(ada.submit("/account", "/moderation/papers/hide", Map.of("id", PAPER)).statusCode())
        .isEqualTo(403);
    assertThat(mod.get("/moderation").statusCode()).isEqualTo(200);
    // Moderators do not see the audit log; admins do.
    assertThat(mod.page("/moderation").select("#audit-log, #audit-h")).isEmpty();
    assertThat(admin.page("/moderation").select("#audit-h")).hasSize(1);
  }

  @Test
  void aHiddenPaperLeavesTheListsAndComesBackAndTheLogSaysWho() {
    assertThat(site.browser().page(DAY).select("#p-2506\\.00051")).hasSize(1);
    HttpResponse<String> hide =
        mod.submit(
            "/moderation", "/moderation/papers/hide", Map.of("id", PAPER, "reason", "off-topic"));
    assertThat(hide.statusCode()).isEqualTo(303);
    assertThat(site.browser().page(DAY).select("#p-2506\\.00051")).isEmpty();
    assertThat(VoteTest.json(site.browser().get("/api/daily_papers?date=2025-06-23")).toString())
        .doesNotContain(PAPER);
    assertThat(site.browser().get("/feeds/daily.rss?date=2025-06-23").body()).doesNotContain(PAPER);
    assertThat(mod.page("/moderation").select("#hidden-papers").text()).contains("off-topic");
    assertThat(
            mod.submit("/moderation", "/moderation/papers/unhide", Map.of("id", PAPER))
                .statusCode())
        .isEqualTo(303);
    assertThat(site.browser().page(DAY).select("#p-2506\\.00051")).hasSize(1);
    Document log = admin.page("/moderation");
    assertThat(log.select("#audit-log td").eachText())
        .contains("paper.hide", "paper.unhide", PAPER, "off-topic");
  }

  @Test
  void aHiddenPaperLeavesSearchAndSimilarPapersToo() {
    // The moderation page promises a hidden paper leaves every list and feed; search results,
    // the search API and feed and "similar papers" read the index, which knows nothing of it.
    String search = "/search?q=speech+recognition";
    String similar = "/api/papers/2506.00006/similar";
    assertThat(site.browser().page(search).select("#p-2506\\.00051")).hasSize(1);
    assertThat(site.browser().get(similar).body()).contains(PAPER);
    assertThat(
            mod.submit("/moderation", "/moderation/papers/hide", Map.of("id", PAPER, "reason", "x"))
                .statusCode())
        .isEqualTo(303);
    assertThat(site.browser().page(search).select("#p-2506\\.00051")).isEmpty();
    assertThat(site.browser().page(search).select(".card")).isNotEmpty();
    assertThat(site.browser().get("/api/papers/search?q=speech+recognition").body())
        .doesNotContain(PAPER);
    assertThat(site.browser().get("/feeds/search.rss?q=speech+recognition").body())
        .doesNotContain(PAPER);
    assertThat(site.browser().get(similar).body()).doesNotContain(PAPER);
    assertThat(
            site.browser()
                .page("/papers/2506.00006")
                .select(".similar a, section a")
                .eachAttr("href"))
        .doesNotContain("/papers/" + PAPER);
    // Its own page stays, as the moderation page says.
    assertThat(site.browser().get("/papers/" + PAPER).statusCode()).isEqualTo(200);
  }

  @Test
  void hiddenCommentsAreShownToModeratorsOnly() {
    TestBrowser ada = site.signedIn("ada@example.org");
    HttpResponse<String> made =
        ada.submit(
            "/papers/" + PAPER, "/papers/" + PAPER + "/comments", Map.of("body", "buy pills"));
    String cid = CommentTest.idFrom(made);
    assertThat(
            mod.submit("/papers/" + PAPER, "/moderation/comments/" + cid + "/hide", Map.of())
                .statusCode())
        .isEqualTo(303);
    assertThat(site.browser().page("/papers/" + PAPER).select("#c-" + cid)).isEmpty();
    assertThat(mod.page("/papers/" + PAPER).select("#c-" + cid + ".hidden")).hasSize(1);
    assertThat(VoteTest.json(site.browser().get("/api/papers/" + PAPER + "/comments"))).isEmpty();
    assertThat(admin.page("/moderation").select("#audit-log td").eachText())
        .contains("comment.hide");
  }

  @Test
  void aSuspendedAccountIsSignedOutEverywhereAndItsTokensStop() {
    TestBrowser eve = site.signedIn("eve@example.org");
    String token = new VoteTest().withSite(site).tokenFor("eve@example.org");
    assertThat(
            mod.submit(
                    "/moderation",
                    "/moderation/users/suspend",
                    Map.of("email", "eve@example.org", "reason", "spam"))
                .statusCode())
        .isEqualTo(303);
    assertThat(eve.get("/account").statusCode()).as("signed out").isEqualTo(303);
    HttpResponse<String> api =
        eve.send(
            HttpRequest.newBuilder(site.uri().resolve("/api/me"))
                .header("Authorization", "Bearer " + token)
                .GET());
    assertThat(api.statusCode()).isEqualTo(401);
    // No sign-in link for a suspended account, with the same answer as for anyone.
    int mails = site.fx.mail.sent.size();
    assertThat(
            site.browser().submit("/signin", "/signin", Map.of("email", "eve@example.org")).body())
        .contains("Check your inbox");
    assertThat(site.fx.mail.sent).hasSize(mails);
    // Moderators cannot suspend admins or each other; nobody suspends themself.
    assertThat(
            mod.submit(
                    "/moderation", "/moderation/users/suspend", Map.of("email", "root@example.org"))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            mod.submit(
                    "/moderation", "/moderation/users/suspend", Map.of("email", "mod@example.org"))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            mod.submit(
                    "/moderation",
                    "/moderation/users/reinstate",
                    Map.of("email", "eve@example.org"))
                .statusCode())
        .isEqualTo(303);
    assertThat(site.signedIn("eve@example.org").get("/account").statusCode()).isEqualTo(200);
    assertThat(admin.page("/moderation").select("#audit-log td").eachText())
        .contains("user.suspend", "user.reinstate");
  }
}
