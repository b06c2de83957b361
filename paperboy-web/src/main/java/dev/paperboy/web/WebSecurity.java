package dev.paperboy.web;

import dev.paperboy.core.account.Session;
import dev.paperboy.core.account.Sessions;
import dev.paperboy.core.account.User;
import dev.paperboy.core.security.RateLimit;
import dev.paperboy.core.security.RateLimiter;
import dev.paperboy.core.security.Role;
import dev.paperboy.core.security.Secrets;
import dev.paperboy.web.view.Viewer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who sent a request, and whether it may change anything. Every check of the community features
 * happens here or is called from here:
 *
 * <ol>
 *   <li><b>Authentication</b> ({@link #authenticate}, a before-handler on every matched route): an
 *       {@code Authorization: Bearer} API token, else the session cookie. The session cookie is
 *       {@code HttpOnly} (scripts cannot read it), {@code SameSite=Lax} (browsers do not send it
 *       with cross-site POSTs) and {@code Secure} when the site's public URL is https, where it is
 *       also named with the {@code __Host-} prefix (RFC 6265bis section 4.1.3.2: only a secure,
 *       host-only, path-/ cookie may carry that name, so a sibling subdomain cannot plant one).
 *   <li><b>CSRF</b> (the same handler, for POST, PUT, PATCH and DELETE): the request must carry the
 *       page's CSRF token in the form field {@code _csrf} or the header {@code X-CSRF-Token}. The
 *       token is an HMAC of the session (signed in) or of a random per-browser cookie (anonymous
 *       forms such as sign-in and subscribe), keyed with the store's signing key: the "signed
 *       double-submit cookie" of the OWASP CSRF Prevention Cheat Sheet. A page on another site can
 *       make the browser send our cookies but cannot read the token. Requests authenticated with a
 *       Bearer token are exempt: a browser never adds that header on its own, so another site
 *       cannot forge one. Paths registered with {@link #exemptFromCsrf} (one-click unsubscribe, RFC
 *       8058, which mail clients POST without cookies) are exempt too.
 *   <li><b>Roles</b> ({@link #requireUser}, {@link #requireRole}): called by each route that needs
 *       a signed-in user or a role; 401 without a user, 403 without the role.
 *   <li><b>Rate limits</b> ({@link #limit}, {@link #limitIp}): called by each route before the work
 *       it limits; counters live in the store, so every node shares them; 429 with {@code
 *       Retry-After}.
 * </ol>
 */
final class WebSecurity {
  static final String CSRF_FIELD = "_csrf";
  static final String CSRF_HEADER = "X-CSRF-Token";
  static final String CSRF_PURPOSE = "csrf";
  private static final String PRINCIPAL = "paperboy.principal";
  private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");

  /**
   * Who sent a request.
   *
   * @param session the session, when authenticated by cookie
   * @param bearer true when authenticated by an API token
   */
  record Principal(User user, @Nullable Session session, boolean bearer) {}

  private final @Nullable Community community;
  private final boolean secure;
  private final String sessionCookie;
  private final String browserCookie;
  private final List<String> exempt = new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * @param community the community features, or null for a read-only site (nothing to protect)
   * @param secure true when the site is served over https (its public URL): cookies get {@code
   *     Secure} and the {@code __Host-} prefix
   */
  WebSecurity(@Nullable Community community, boolean secure) {
    this.community = community;
    this.secure = secure;
    this.sessionCookie = secure ? "__Host-pb_session" : "pb_session";
    this.browserCookie = secure ? "__Host-pb_browser" : "pb_browser";
  }

  boolean enabled() {
    return community != null;
  }

  String sessionCookieName() {
    return sessionCookie;
  }

  /** Lets POSTs to paths starting with {@code prefix} through without a CSRF token. */
  void exemptFromCsrf(String prefix) {
    exempt.add(prefix);
  }

  void register(RoutesConfig routes) {
    routes.beforeMatched(this::authenticate);
  }

  /** The before-handler: finds the principal, then checks the CSRF token of unsafe methods. */
  void authenticate(Context ctx) {
    if (community == null) {
      return;
    }
    String authorization = ctx.header("Authorization");
    boolean bearer = false;
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String token = authorization.substring(7).strip();
      User user =
          community
              .authenticateBearer(token)
              .orElseThrow(
                  () ->
                      Refused.signInFirst(
                          "The API token is not valid (revoked, mistyped, or its account is"
                              + " suspended)."));
      ctx.attribute(PRINCIPAL, new Principal(user, null, true));
      bearer = true;
    } else {
      String cookie = ctx.cookie(sessionCookie);
      if (cookie != null) {
        Optional<Sessions.Active> active = community.sessions().resolve(cookie);
        if (active.isPresent()) {
          Session s = active.get().session();
          ctx.attribute(PRINCIPAL, new Principal(active.get().user(), s, false));
          // A renewed session gets a fresh cookie lifetime too.
          setSessionCookie(ctx, cookie, s);
        } else {
          clearCookie(ctx, sessionCookie);
        }
      }
    }
    if (UNSAFE.contains(ctx.method().name()) && !bearer && !isExempt(ctx.path())) {
      if (ctx.path().startsWith("/api/") && principal(ctx).isEmpty()) {
        // The API changes nothing anonymously: say what is missing (an account), not a token.
        throw Refused.signInFirst(
            "Sign in first: send an API token as Authorization: Bearer TOKEN (made on the account"
                + " page).");
      }
      checkCsrf(ctx);
    }
  }

  private boolean isExempt(String path) {
    for (String prefix : exempt) {
      if (path.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private void checkCsrf(Context ctx) {
    String given = ctx.header(CSRF_HEADER);
    if (given == null && isForm(ctx)) {
      given = ctx.formParam(CSRF_FIELD);
    }
    String binding = csrfBinding(ctx, false);
    if (given == null
        || binding == null
        || !community().tokens().checkMac(CSRF_PURPOSE, binding, given)) {
      throw Refused.forbidden(
          "This form has expired or was not sent from this site. Go back, reload the page and try"
              + " again.");
    }
  }

  private static boolean isForm(Context ctx) {
    String type = ctx.contentType();
    if (type == null) {
      return false;
    }
    String t = type.toLowerCase(Locale.ROOT);
    return t.startsWith("application/x-www-form-urlencoded") || t.startsWith("multipart/form-data");
  }

  /**
   * What the CSRF token is bound to: the session, or the browser cookie (created when {@code
   * create} and missing). Null when there is neither.
   */
  private @Nullable String csrfBinding(Context ctx, boolean create) {
    Principal p = principal(ctx).orElse(null);
    if (p != null && p.session() != null) {
      return "s:" + p.session().idHash();
    }
    String browser = ctx.cookie(browserCookie);
    if ((browser == null || browser.length() != 43) && create) {
      browser = Secrets.newSecret();
      // A browser cookie for the life of the browser session; it authenticates nothing by
      // itself, it only binds anonymous forms to this browser.
      ctx.cookie(cookie(browserCookie, browser, -1));
    }
    return browser == null ? null : "b:" + browser;
  }

  /** The CSRF token for forms on this page (creates the browser cookie when needed). */
  String csrfToken(Context ctx) {
    String binding = csrfBinding(ctx, true);
    return community().tokens().mac(CSRF_PURPOSE, binding);
  }

  Optional<Principal> principal(Context ctx) {
    return Optional.ofNullable(ctx.attribute(PRINCIPAL));
  }

  /** The signed-in user, or 401. */
  Principal requireUser(Context ctx) {
    return principal(ctx)
        .orElseThrow(() -> Refused.signInFirst("Sign in first: this needs an account."));
  }

  /** A signed-in user with at least {@code role}, or 401 / 403. */
  Principal requireRole(Context ctx, Role role) {
    Principal p = requireUser(ctx);
    if (!p.user().role().atLeast(role)) {
      throw Refused.forbidden("This needs the " + role.code() + " role.");
    }
    return p;
  }

  /** Counts one action of {@code subject} against {@code rule}; 429 when over the limit. */
  void limit(RateLimit rule, String subject) {
    RateLimiter.Decision d = community().limiter().hit(rule, subject);
    if (!d.allowed()) {
      throw Refused.tooMany(
          "Too many requests: at most "
              + rule.limit()
              + " per "
              + human(rule.window())
              + ". Try again in "
              + d.retryAfterSeconds()
              + " seconds.",
          d.retryAfterSeconds());
    }
  }

  /** {@link #limit} with the client's IP address as subject. */
  void limitIp(Context ctx, RateLimit rule) {
    limit(rule, clientIp(ctx));
  }

  /**
   * The client's address: the connection's, or behind a trusted proxy the last address in {@code
   * X-Forwarded-For} (the one the proxy appended; earlier ones are whatever the client wrote).
   */
  String clientIp(Context ctx) {
    if (community().config().behindProxy()) {
      String forwarded = ctx.header("X-Forwarded-For");
      if (forwarded != null && !forwarded.isBlank()) {
        String[] parts = forwarded.split(",");
        return parts[parts.length - 1].strip();
      }
    }
    return ctx.ip();
  }

  /** Opens a session for {@code user} and sets its cookie (a new id at every sign-in). */
  void signIn(Context ctx, User user) {
    Sessions.Opened opened = community().sessions().open(user.id());
    setSessionCookie(ctx, opened.cookieValue(), opened.session());
    ctx.attribute(PRINCIPAL, new Principal(user, opened.session(), false));
  }

  /** Ends the request's session and clears its cookie. */
  void signOut(Context ctx) {
    String cookie = ctx.cookie(sessionCookie);
    if (cookie != null) {
      community().sessions().close(cookie);
    }
    clearCookie(ctx, sessionCookie);
    ctx.attribute(PRINCIPAL, null);
  }

  /** What the layout and forms need to know about the viewer. */
  Viewer viewer(Context ctx) {
    if (community == null) {
      return Viewer.READ_ONLY;
    }
    Principal p = principal(ctx).orElse(null);
    String path = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
    if (p == null) {
      return new Viewer(true, null, null, null, () -> csrfToken(ctx), path);
    }
    User u = p.user();
    return new Viewer(true, u.id().value(), u.displayName(), u.role(), () -> csrfToken(ctx), path);
  }

  private void setSessionCookie(Context ctx, String value, Session s) {
    long seconds =
        java.time.Duration.between(community().clock().instant(), s.expiresAt()).toSeconds();
    ctx.cookie(
        cookie(sessionCookie, value, (int) Math.max(1, Math.min(Integer.MAX_VALUE, seconds))));
  }

  private void clearCookie(Context ctx, String name) {
    ctx.cookie(cookie(name, "", 0));
  }

  private Cookie cookie(String name, String value, int maxAge) {
    return new Cookie(name, value, "/", maxAge, secure, true, null, SameSite.LAX);
  }

  private Community community() {
    if (community == null) {
      throw new IllegalStateException("the community features are not enabled");
    }
    return community;
  }

  private static String human(java.time.Duration d) {
    if (d.toDays() >= 1 && d.toHours() % 24 == 0) {
      return d.toDays() == 1 ? "day" : d.toDays() + " days";
    }
    if (d.toHours() >= 1 && d.toMinutes() % 60 == 0) {
      return d.toHours() == 1 ? "hour" : d.toHours() + " hours";
    }
    if (d.toMinutes() >= 1 && d.toSeconds() % 60 == 0) {
      return d.toMinutes() == 1 ? "minute" : d.toMinutes() + " minutes";
    }
    return d.toSeconds() + " seconds";
  }
}
