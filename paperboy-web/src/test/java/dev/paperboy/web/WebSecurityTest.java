package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.core.account.User;
import dev.paperboy.core.mail.EmailAddress;
import dev.paperboy.core.security.RateLimit;
import dev.paperboy.core.security.Role;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The security layer on its own, in a small app with test routes: sessions and their cookie, CSRF
 * tokens for anonymous and signed-in forms and for scripts, roles, and rate limits.
 */
class WebSecurityTest {
  @TempDir Path dir;
  CommunityFixture fx;
  Javalin app;
  User ada;

  @BeforeEach
  void start() {
    fx =
        new CommunityFixture(
            dir,
            CommunityFixture.clockAt(Instant.parse("2026-03-02T10:00:20Z")),
            CommunityConfig.defaults());
    ada = fx.users.findOrCreate(EmailAddress.parse("email", "ada@example.org"), fx.clock.instant());
    app = start(false);
  }

  Javalin start(boolean secure) {
    WebSecurity security = new WebSecurity(fx.community, secure);
    ErrorHandling errors = new ErrorHandling(new Templates(), new ObjectMapper(), security);
    return Javalin.create(
            cfg -> {
              cfg.startup.showJavalinBanner = false;
              errors.register(cfg.routes);
              security.register(cfg.routes);
              KeepAlive.register(cfg.routes);
              cfg.routes.get("/form", ctx -> ctx.result(security.csrfToken(ctx)));
              cfg.routes.post("/change", ctx -> ctx.result("changed by " + who(security, ctx)));
              cfg.routes.post("/api/change", ctx -> ctx.result("changed by " + who(security, ctx)));
              cfg.routes.get(
                  "/test-signin/{email}",
                  ctx ->
                      security.signIn(
                          ctx,
                          fx.users
                              .findByEmail(EmailAddress.parse("email", ctx.pathParam("email")))
                              .orElseThrow()));
              cfg.routes.post(
                  "/limited",
                  ctx -> {
                    security.limitIp(ctx, RateLimit.perMinute("test", 2));
                    ctx.result("ok");
                  });
              cfg.routes.get(
                  "/moderate",
                  ctx -> {
                    security.requireRole(ctx, Role.MODERATOR);
                    ctx.result("ok");
                  });
            })
        .start("127.0.0.1", 0);
  }

  static String who(WebSecurity security, io.javalin.http.Context ctx) {
    return security.principal(ctx).map(p -> p.user().displayName()).orElse("anonymous");
  }

  @AfterEach
  void stop() {
    app.stop();
    fx.close();
  }

  /** A browser: an HTTP client with its own cookie jar. */
  final class Browser {
    final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    HttpResponse<String> get(String path) {
      return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> postForm(String path, String csrf) {
      String body =
          csrf == null ? "x=1" : "x=1&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
      return send(
          HttpRequest.newBuilder(uri(path))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> send(HttpRequest.Builder b) {
      HttpRequest request = b.timeout(Duration.ofSeconds(10)).build();
      try {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + app.port() + path);
  }

  @Test
  void anonymousFormsNeedTheTokenOfTheirOwnBrowser() {
    Browser b = new Browser();
    assertThat(b.postForm("/change", null).statusCode()).isEqualTo(403);
    HttpResponse<String> form = b.get("/form");
    String token = form.body();
    assertThat(form.headers().allValues("Set-Cookie"))
        .anySatisfy(
            c ->
                assertThat(c)
                    .startsWith("pb_browser=")
                    .contains("HttpOnly")
                    .containsIgnoringCase("SameSite=Lax"));
    assertThat(b.postForm("/change", token).body()).isEqualTo("changed by anonymous");
    assertThat(b.postForm("/change", token + "x").statusCode()).isEqualTo(403);
    assertThat(b.postForm("/change", "").statusCode()).isEqualTo(403);
    // Another browser cannot use it: the token is bound to the first one's cookie.
    Browser other = new Browser();
    other.get("/form");
    HttpResponse<String> forged = other.postForm("/change", token);
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).contains("This form has expired or was not sent from this site");
  }

  @Test
  void signedInFormsAndScriptsNeedTheSessionsToken() {
    Browser b = new Browser();
    String anonymousToken = b.get("/form").body();
    HttpResponse<String> signIn = b.get("/test-signin/ada@example.org");
    List<String> cookies = signIn.headers().allValues("Set-Cookie");
    assertThat(cookies)
        .anySatisfy(
            c ->
                assertThat(c)
                    .startsWith("pb_session=")
                    .contains("HttpOnly")
                    .containsIgnoringCase("SameSite=Lax")
                    .doesNotContain("Secure"));
    // The token of the anonymous browser no longer works once signed in.
    assertThat(b.postForm("/change", anonymousToken).statusCode()).isEqualTo(403);
    String token = b.get("/form").body();
    assertThat(b.postForm("/change", token).body()).isEqualTo("changed by " + ada.displayName());
    // Scripts send it as a header, for any body type.
    HttpResponse<String> api =
        b.send(
            HttpRequest.newBuilder(uri("/api/change"))
                .header("Content-Type", "application/json")
                .header("X-CSRF-Token", token)
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(api.body()).isEqualTo("changed by " + ada.displayName());
    HttpResponse<String> noToken =
        b.send(
            HttpRequest.newBuilder(uri("/api/change"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(noToken.statusCode()).isEqualTo(403);
    assertThat(noToken.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/json");
  }

  @Test
  void anInvalidBearerTokenIsRefusedBeforeAnyCsrfCheck() {
    HttpResponse<String> r =
        new Browser()
            .send(
                HttpRequest.newBuilder(uri("/api/change"))
                    .header("Authorization", "Bearer nonsense")
                    .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(r.statusCode()).isEqualTo(401);
  }

  @Test
  void rolesAreChecked() {
    Browser b = new Browser();
    assertThat(b.get("/moderate").statusCode()).isEqualTo(401);
    b.get("/test-signin/ada@example.org");
    assertThat(b.get("/moderate").statusCode()).isEqualTo(403);
    fx.users.setRole(ada.id(), Role.MODERATOR);
    assertThat(b.get("/moderate").statusCode()).isEqualTo(200);
  }

  @Test
  void rateLimitsAnswer429WithRetryAfter() {
    Browser b = new Browser();
    String token = b.get("/form").body();
    assertThat(b.postForm("/limited", token).statusCode()).isEqualTo(200);
    assertThat(b.postForm("/limited", token).statusCode()).isEqualTo(200);
    HttpResponse<String> third = b.postForm("/limited", token);
    assertThat(third.statusCode()).isEqualTo(429);
    // The clock is 20 s into its minute.
    assertThat(third.headers().firstValue("Retry-After")).contains("40");
    assertThat(third.body()).contains("at most 2 per minute");
  }

  @Test
  void overHttpsTheCookiesAreSecureAndHostPrefixed() {
    Javalin secure = start(true);
    try {
      HttpResponse<String> r =
          new Browser()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://127.0.0.1:" + secure.port() + "/test-signin/ada@example.org"))
                      .GET());
      assertThat(r.headers().allValues("Set-Cookie"))
          .anySatisfy(
              c ->
                  assertThat(c)
                      .startsWith("__Host-pb_session=")
                      .contains("Secure")
                      .contains("Path=/"));
    } finally {
      secure.stop();
    }
  }

  @Test
  void aSignedOutOrExpiredSessionIsGone() {
    Browser b = new Browser();
    b.get("/test-signin/ada@example.org");
    String token = b.get("/form").body();
    assertThat(b.postForm("/change", token).body()).isEqualTo("changed by " + ada.displayName());
    ((CommunityFixture.MovableClock) fx.clock).advance(Duration.ofDays(31));
    HttpResponse<String> later = b.postForm("/change", token);
    // The session expired: the token bound to it is no longer valid either.
    assertThat(later.statusCode()).isEqualTo(403);
    assertThat(b.get("/moderate").statusCode()).isEqualTo(401);
  }
}
