package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperboy.core.mail.OutgoingMessage;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sign-in by email link, sign-out, the account page, API tokens, export and deletion. */
class AccountFlowTest {
  @TempDir Path dir;
  CommunityServer site;

  @BeforeEach
  void start() {
    site = new CommunityServer(dir);
  }

  @AfterEach
  void stop() {
    site.close();
  }

  @Test
  void aGetOnAPostOnlyFormAddressIs405WithAllowAndTheErrorPage() {
    // RFC 9110 section 15.5.6: a 405 must carry Allow; it had none.
    HttpResponse<String> r = site.browser().get("/signout");
    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(r.headers().firstValue("Allow")).hasValue("POST");
    assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(org.jsoup.Jsoup.parse(r.body()).select("main").text())
        .contains("does not accept GET requests, only POST");
  }

  @Test
  void signsInThroughTheMailedLinkAndOut() {
    TestBrowser b = site.browser();
    assertThat(b.page("/").select("#signin-link")).hasSize(1);
    HttpResponse<String> sent =
        b.submit(
            "/signin?next=/trending",
            "/signin",
            Map.of("email", "Ada@Example.org", "next", "/trending"));
    assertThat(sent.statusCode()).isEqualTo(200);
    assertThat(sent.body()).contains("Check your inbox");
    OutgoingMessage mail = site.fx.mail.sent.get(0);
    assertThat(mail.to().value()).isEqualTo("Ada@example.org");
    assertThat(mail.subject()).isEqualTo("Sign in to Paperboy");
    String link = site.fx.mail.lastLinkTo("Ada@example.org");
    assertThat(link).startsWith(site.uri() + "/signin/confirm?token=").contains("next=%2Ftrending");

    // Opening the link shows a button; only pressing it signs in.
    Document confirm = b.page(link.substring(site.uri().toString().length()));
    assertThat(confirm.select("#confirm-signin")).hasSize(1);
    assertThat(b.page("/").select("#signin-link")).hasSize(1);
    HttpResponse<String> done = b.followSignInLink(link);
    assertThat(done.statusCode()).isEqualTo(303);
    assertThat(done.headers().firstValue("Location")).contains("/trending");
    Document home = b.page("/");
    assertThat(home.select("#account-link").text()).startsWith("reader-");
    assertThat(home.select("meta[name=csrf-token]").attr("content")).isNotBlank();
    assertThat(b.page("/account").select("h1").text()).startsWith("reader-");

    HttpResponse<String> out = b.submit("/", "/signout", Map.of());
    assertThat(out.statusCode()).isEqualTo(303);
    assertThat(b.page("/").select("#signin-link")).hasSize(1);
    assertThat(b.get("/account").statusCode()).isEqualTo(303);
  }

  @Test
  void theAnswerIsTheSameForKnownAndUnknownAddresses() {
    site.signedIn("known@example.org");
    String known =
        mainOf(site.browser().submit("/signin", "/signin", Map.of("email", "known@example.org")));
    String unknown =
        mainOf(site.browser().submit("/signin", "/signin", Map.of("email", "unknown@example.org")));
    assertThat(unknown.replace("unknown@", "known@")).isEqualTo(known);
  }

  @Test
  void aRefusedAddressGetsAPlainSentenceNotTheParserMessage() {
    HttpResponse<String> empty = site.browser().submit("/signin", "/signin", Map.of("email", " "));
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(empty.body()).select("main").text())
        .contains("Please enter an email address, like name@example.org.")
        .doesNotContain("email:")
        .doesNotContain("is not a valid email address");
    HttpResponse<String> wrong =
        site.browser().submit("/signin", "/signin", Map.of("email", "ada.example.org"));
    assertThat(Jsoup.parse(wrong.body()).select("main").text())
        .contains("That is not an email address we can send to (no '@').")
        .doesNotContain("email:");
  }

  private static String mainOf(HttpResponse<String> r) {
    assertThat(r.statusCode()).isEqualTo(200);
    Document d = Jsoup.parse(r.body());
    d.select("input[name=_csrf]").remove();
    return d.select("main").html();
  }

  @Test
  void forgedExpiredAndReusedLinksFail() {
    TestBrowser b = site.browser();
    b.submit("/signin", "/signin", Map.of("email", "ada@example.org"));
    String link = site.fx.mail.lastLinkTo("ada@example.org");
    // Forged: a changed signature.
    int sig = link.indexOf('.', link.indexOf("token="));
    String forged = link.substring(0, sig + 1) + "AAAA" + link.substring(sig + 5);
    HttpResponse<String> f = b.get(forged.substring(site.uri().toString().length()));
    assertThat(f.statusCode()).isEqualTo(400);
    assertThat(f.body()).contains("not a valid sign-in link");
    // Reused: the second press fails.
    assertThat(b.followSignInLink(link).statusCode()).isEqualTo(303);
    TestBrowser other = site.browser();
    HttpResponse<String> again =
        other.post(
            "/signin/confirm",
            Map.of(
                "_csrf", other.csrf("/signin"),
                "token", tokenOf(link)));
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body()).contains("already used");
    // Expired: 15 minutes later.
    TestBrowser late = site.browser();
    late.submit("/signin", "/signin", Map.of("email", "late@example.org"));
    String lateLink = site.fx.mail.lastLinkTo("late@example.org");
    site.clock.advance(Duration.ofMinutes(15));
    HttpResponse<String> expired = late.get(lateLink.substring(site.uri().toString().length()));
    assertThat(expired.statusCode()).isEqualTo(400);
    assertThat(expired.body()).contains("expired");
  }

  private static String tokenOf(String link) {
    String t = link.substring(link.indexOf("token=") + 6);
    int amp = t.indexOf('&');
    return java.net.URLDecoder.decode(
        amp < 0 ? t : t.substring(0, amp), java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void signInRequestsNeedCsrfAndAreRateLimitedPerAddressAndIp() {
    TestBrowser b = site.browser();
    assertThat(b.post("/signin", Map.of("email", "ada@example.org")).statusCode()).isEqualTo(403);
    for (int i = 0; i < 5; i++) {
      assertThat(b.submit("/signin", "/signin", Map.of("email", "ADA@example.org")).statusCode())
          .isEqualTo(200);
    }
    HttpResponse<String> sixth = b.submit("/signin", "/signin", Map.of("email", "ada@example.org"));
    assertThat(sixth.statusCode()).isEqualTo(429);
    assertThat(sixth.headers().firstValue("Retry-After")).isPresent();
    assertThat(site.fx.mail.sent).hasSize(5);
    // The per-IP limit (10 an hour) stops other addresses from the same machine too.
    for (int i = 0; i < 4; i++) {
      b.submit("/signin", "/signin", Map.of("email", "x" + i + "@example.org"));
    }
    assertThat(b.submit("/signin", "/signin", Map.of("email", "y@example.org")).statusCode())
        .isEqualTo(429);
  }

  @Test
  void displayNameApiTokensExportAndDeletion() throws Exception {
    TestBrowser b = site.signedIn("ada@example.org");
    assertThat(b.submit("/account", "/account/name", Map.of("name", "Ada L.")).statusCode())
        .isEqualTo(303);
    assertThat(b.page("/account").select("h1").text()).isEqualTo("Ada L.");
    HttpResponse<String> bad = b.submit("/account", "/account/name", Map.of("name", " "));
    assertThat(bad.statusCode()).isEqualTo(400);

    HttpResponse<String> made =
        b.submit("/account", "/account/tokens", Map.of("name", "my script"));
    String token = Jsoup.parse(made.body()).select("#new-token").text();
    assertThat(token).startsWith("pb_");
    // Shown once only.
    assertThat(b.page("/account").select("#new-token")).isEmpty();

    HttpResponse<String> me =
        site.browser()
            .send(
                HttpRequest.newBuilder(site.uri().resolve("/api/me"))
                    .header("Authorization", "Bearer " + token)
                    .GET());
    assertThat(me.statusCode()).isEqualTo(200);
    JsonNode who = WebTestSupport.JSON.readTree(me.body());
    assertThat(who.path("displayName").asText()).isEqualTo("Ada L.");
    assertThat(site.browser().get("/api/me").statusCode()).isEqualTo(401);

    String tokenId =
        b.page("/account").select("form[action$=/revoke]").attr("action").split("/")[3];
    assertThat(
            b.submit("/account", "/account/tokens/" + tokenId + "/revoke", Map.of()).statusCode())
        .isEqualTo(303);
    HttpResponse<String> revoked =
        site.browser()
            .send(
                HttpRequest.newBuilder(site.uri().resolve("/api/me"))
                    .header("Authorization", "Bearer " + token)
                    .GET());
    assertThat(revoked.statusCode()).isEqualTo(401);

    HttpResponse<String> export = b.get("/account/export.json");
    assertThat(export.headers().firstValue("Content-Disposition").orElse(""))
        .contains("attachment");
    JsonNode data = WebTestSupport.JSON.readTree(export.body());
    assertThat(data.path("account").path("email").asText()).isEqualTo("ada@example.org");
    assertThat(data.path("apiTokens")).isEmpty();
    assertThat(data.has("upvotes")).isTrue();

    assertThat(b.submit("/account", "/account/delete", Map.of("confirm", "yes")).statusCode())
        .isEqualTo(400);
    HttpResponse<String> deleted =
        b.submit("/account", "/account/delete", Map.of("confirm", "delete my account"));
    assertThat(deleted.statusCode()).isEqualTo(200);
    assertThat(deleted.body()).contains("Your account is deleted");
    assertThat(b.get("/account").statusCode()).isEqualTo(303);
    assertThat(
            site.fx.users.findByEmail(
                dev.paperboy.core.mail.EmailAddress.parse("e", "ada@example.org")))
        .isEmpty();
  }

  @Test
  void nextMustStayOnThisSite() {
    assertThat(AccountRoutes.safeNext("/papers/2506.10001")).isEqualTo("/papers/2506.10001");
    assertThat(AccountRoutes.safeNext("https://evil.example")).isEqualTo("/");
    assertThat(AccountRoutes.safeNext("//evil.example")).isEqualTo("/");
    assertThat(AccountRoutes.safeNext("/\\evil.example")).isEqualTo("/");
    assertThat(AccountRoutes.safeNext(null)).isEqualTo("/");
  }
}
