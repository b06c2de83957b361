package dev.paperboy.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paperboy.core.account.ApiToken;
import dev.paperboy.core.account.SignInLinks;
import dev.paperboy.core.account.User;
import dev.paperboy.core.mail.EmailAddress;
import dev.paperboy.core.mail.MailException;
import dev.paperboy.core.mail.MessageId;
import dev.paperboy.core.mail.OutgoingMessage;
import dev.paperboy.core.security.Secrets;
import dev.paperboy.web.view.Views;
import dev.paperboy.web.view.Views.PageMeta;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in by email link, sign-out, and the account page (display name, API tokens, the user's
 * activity, data export, deletion).
 *
 * <p>Asking for a link answers the same page whether the address has an account or not (a new
 * address gets an account when its link is used), so the page does not tell who has an account.
 * Requests are rate-limited per IP and per address before any mail is sent. A suspended account
 * gets no mail (and the same page).
 */
final class AccountRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(AccountRoutes.class);
  static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);
  static final String DELETE_PHRASE = "delete my account";

  // More of the user's data for the export (the library adds itself here when it is on).
  private java.util.function.BiConsumer<User, ObjectNode> extraExport = (u, o) -> {};

  /** Adds {@code exporter}'s part to the account's data export. */
  void exportAlso(java.util.function.BiConsumer<User, ObjectNode> exporter) {
    java.util.function.BiConsumer<User, ObjectNode> before = extraExport;
    extraExport = before.andThen(exporter);
  }

  private final Community community;
  private final WebSecurity security;
  private final Templates templates;
  private final ObjectMapper mapper;
  private final Supplier<String> base;
  private final AccountActivity activity;

  AccountRoutes(
      Community community,
      WebSecurity security,
      Templates templates,
      ObjectMapper mapper,
      Supplier<String> base,
      AccountActivity activity) {
    this.community = community;
    this.security = security;
    this.templates = templates;
    this.mapper = mapper;
    this.base = base;
    this.activity = activity;
  }

  void register(RoutesConfig r) {
    r.get("/signin", this::signInForm);
    r.post("/signin", this::requestLink);
    r.get("/signin/confirm", this::confirmForm);
    r.post("/signin/confirm", this::confirm);
    r.post("/signout", this::signOut);
    r.get("/account", this::account);
    r.post("/account/name", this::rename);
    r.post("/account/tokens", this::createToken);
    r.post("/account/tokens/{id}/revoke", this::revokeToken);
    r.get("/account/export.json", this::export);
    r.post("/account/delete", this::delete);
  }

  private PageMeta meta(Context ctx, String title, String description) {
    return PageMeta.of(title, description, "none").withViewer(security.viewer(ctx));
  }

  private void signInForm(Context ctx) {
    String next = safeNext(ctx.queryParam("next"));
    if (security.principal(ctx).isPresent()) {
      ctx.redirect(next, HttpStatus.SEE_OTHER);
      return;
    }
    signInPage(ctx, "form", "", null, "", next);
  }

  private void signInPage(
      Context ctx, String stage, String email, @Nullable String error, String token, String next) {
    ctx.header("Cache-Control", "no-store");
    // Links in the mail carry a token: keep it out of Referer headers to other sites.
    ctx.header("Referrer-Policy", "no-referrer");
    long minutes = community.config().signInLinkTtl().toMinutes();
    ctx.html(
        templates.render(
            "signin.jte",
            new Views.SignInView(
                meta(ctx, "Sign in", "Sign in with a link sent to your email address."),
                stage,
                email,
                error,
                token,
                next,
                minutes + " minutes")));
  }

  /** POST /signin: rate limits, then one mail with a link; the same answer for every address. */
  private void requestLink(Context ctx) {
    String next = safeNext(ctx.formParam("next"));
    String text = Optional.ofNullable(ctx.formParam("email")).orElse("").strip();
    EmailAddress email;
    try {
      email = EmailAddress.parse("email", text);
    } catch (IllegalArgumentException e) {
      ctx.status(HttpStatus.BAD_REQUEST);
      signInPage(ctx, "form", text, EmailFormText.problem("email", text, e), "", next);
      return;
    }
    security.limitIp(ctx, community.config().limits().signInPerIp());
    security.limit(community.config().limits().signInPerEmail(), User.emailKey(email));
    Optional<User> known = community.users().findByEmail(email);
    if (known.isPresent() && known.get().suspended()) {
      LOG.info("sign-in link not sent: the account is suspended");
    } else {
      sendLink(email, next);
    }
    signInPage(ctx, "sent", email.value(), null, "", next);
  }

  private void sendLink(EmailAddress email, String next) {
    String token = community.signInLinks().issue(email);
    String link =
        base.get()
            + "/signin/confirm?token="
            + URLEncoder.encode(token, StandardCharsets.UTF_8)
            + (next.equals("/") ? "" : "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
    long minutes = community.config().signInLinkTtl().toMinutes();
    EmailAddress from = community.config().mailFrom();
    OutgoingMessage message =
        OutgoingMessage.builder()
            .messageId(new MessageId("signin." + Secrets.newId() + "@" + from.domain()))
            .from(from)
            .fromName("Paperboy")
            .to(email)
            .subject("Sign in to Paperboy")
            .text(
                "Hello,\n\nTo sign in to Paperboy at "
                    + base.get()
                    + " open this link within "
                    + minutes
                    + " minutes:\n\n"
                    + link
                    + "\n\nThe link works once. If you did not ask to sign in, ignore this mail:"
                    + " nothing happens without the link.\n")
            .build();
    try {
      community.mailer().send(message);
    } catch (MailException e) {
      LOG.warn(
          "cannot send a sign-in link via {}: {}", community.mailer().describe(), e.getMessage());
      throw new MailUnavailable();
    }
  }

  /** The mail system refused the sign-in mail; the reader should try again later. */
  static final class MailUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MailUnavailable() {
      super(
          "The sign-in mail could not be sent just now. Please try again in a few minutes.",
          null,
          false,
          false);
    }
  }

  /** GET /signin/confirm: checks the link (without using it) and shows one button. */
  private void confirmForm(Context ctx) {
    String token = Optional.ofNullable(ctx.queryParam("token")).orElse("");
    String next = safeNext(ctx.queryParam("next"));
    try {
      EmailAddress email = community.signInLinks().peek(token);
      signInPage(ctx, "confirm", email.value(), null, token, next);
    } catch (SignInLinks.Refused e) {
      ctx.status(HttpStatus.BAD_REQUEST);
      signInPage(ctx, "invalid", "", e.getMessage(), "", next);
    }
  }

  /** POST /signin/confirm: uses up the link, opens a session (a new id), goes to {@code next}. */
  private void confirm(Context ctx) {
    String token = Optional.ofNullable(ctx.formParam("token")).orElse("");
    String next = safeNext(ctx.formParam("next"));
    EmailAddress email;
    try {
      email = community.signInLinks().consume(token);
    } catch (SignInLinks.Refused e) {
      ctx.status(HttpStatus.BAD_REQUEST);
      signInPage(ctx, "invalid", "", e.getMessage(), "", next);
      return;
    }
    User user = community.users().findOrCreate(email, community.clock().instant());
    if (user.suspended()) {
      throw Refused.forbidden("This account is suspended by the moderators.");
    }
    // Any session the browser had before is ended: the new one has a fresh id.
    security.signOut(ctx);
    security.signIn(ctx, user);
    ctx.redirect(next, HttpStatus.SEE_OTHER);
  }

  private void signOut(Context ctx) {
    security.signOut(ctx);
    ctx.redirect("/", HttpStatus.SEE_OTHER);
  }

  private void account(Context ctx) {
    WebSecurity.Principal p = requirePageUser(ctx);
    if (p == null) {
      return;
    }
    renderAccount(ctx, p.user(), ctx.queryParam("done"), null, null);
  }

  /** A signed-in user for a page, or a redirect to the sign-in page (then null). */
  private WebSecurity.@Nullable Principal requirePageUser(Context ctx) {
    Optional<WebSecurity.Principal> p = security.principal(ctx);
    if (p.isEmpty()) {
      ctx.redirect(
          "/signin?next=" + URLEncoder.encode(ctx.path(), StandardCharsets.UTF_8),
          HttpStatus.SEE_OTHER);
      return null;
    }
    return p.get();
  }

  private void renderAccount(
      Context ctx,
      User user,
      @Nullable String done,
      @Nullable String error,
      @Nullable String newToken) {
    ctx.header("Cache-Control", "no-store");
    String notice =
        done == null
            ? null
            : switch (done) {
              case "name" -> "Your display name is changed.";
              case "revoked" -> "The token is revoked: it no longer works.";
              default -> null;
            };
    List<Views.TokenRow> tokens =
        community.apiTokens().tokensOf(user.id()).stream()
            .map(t -> new Views.TokenRow(t.id(), t.name(), WHEN.format(t.createdAt())))
            .toList();
    AccountActivity.Lists lists = activity.of(user);
    ctx.html(
        templates.render(
            "account.jte",
            new Views.AccountView(
                meta(ctx, "Your account", "Your Paperboy account."),
                user.displayName(),
                user.email().value(),
                user.role().code(),
                WHEN.format(user.createdAt()),
                notice,
                error,
                newToken,
                tokens,
                lists.submissions(),
                lists.upvotes(),
                lists.comments())));
  }

  private void rename(Context ctx) {
    User user = security.requireUser(ctx).user();
    try {
      community
          .users()
          .setDisplayName(user.id(), Optional.ofNullable(ctx.formParam("name")).orElse(""));
    } catch (IllegalArgumentException e) {
      ctx.status(HttpStatus.BAD_REQUEST);
      renderAccount(ctx, user, null, "Not changed: " + e.getMessage() + ".", null);
      return;
    }
    ctx.redirect("/account?done=name", HttpStatus.SEE_OTHER);
  }

  /** POST /account/tokens: the new secret is shown once, in this response, and never again. */
  private void createToken(Context ctx) {
    User user = security.requireUser(ctx).user();
    if (security.principal(ctx).map(WebSecurity.Principal::bearer).orElse(false)) {
      throw Refused.forbidden("API tokens are made on the account page, not with another token.");
    }
    String secret = ApiToken.newSecret();
    try {
      community
          .apiTokens()
          .create(
              user.id(),
              Optional.ofNullable(ctx.formParam("name")).orElse(""),
              Secrets.hash(secret),
              community.clock().instant());
    } catch (IllegalArgumentException e) {
      ctx.status(HttpStatus.BAD_REQUEST);
      renderAccount(ctx, user, null, "No token made: " + e.getMessage() + ".", null);
      return;
    }
    renderAccount(ctx, user, null, null, secret);
  }

  private void revokeToken(Context ctx) {
    User user = security.requireUser(ctx).user();
    if (!community.apiTokens().revoke(user.id(), ctx.pathParam("id"))) {
      throw new NotFound("You have no token with this id.");
    }
    ctx.redirect("/account?done=revoked", HttpStatus.SEE_OTHER);
  }

  /** GET /account/export.json: everything the user made, as one JSON document. */
  private void export(Context ctx) {
    User user = security.requireUser(ctx).user();
    ObjectNode out = mapper.createObjectNode();
    out.put("format", "paperboy-account-export/1");
    out.put("exportedAt", HfJson.instant(community.clock().instant()));
    ObjectNode profile = out.putObject("account");
    profile.put("id", user.id().value());
    profile.put("email", user.email().value());
    profile.put("displayName", user.displayName());
    profile.put("role", user.role().code());
    profile.put("createdAt", HfJson.instant(user.createdAt()));
    ArrayNode tokens = out.putArray("apiTokens");
    for (ApiToken t : community.apiTokens().tokensOf(user.id())) {
      tokens
          .addObject()
          .put("id", t.id())
          .put("name", t.name())
          .put("createdAt", HfJson.instant(t.createdAt()));
    }
    activity.export(user, out);
    extraExport.accept(user, out);
    ctx.header("Cache-Control", "no-store");
    ctx.header(
        "Content-Disposition", "attachment; filename=\"paperboy-account-" + user.id() + ".json\"");
    ctx.contentType("application/json; charset=utf-8");
    try {
      ctx.result(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(out));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write the export", e);
    }
  }

  /** POST /account/delete: needs the phrase typed, then deletes and signs out. */
  private void delete(Context ctx) {
    User user = security.requireUser(ctx).user();
    String phrase = Optional.ofNullable(ctx.formParam("confirm")).orElse("").strip();
    if (!phrase.equalsIgnoreCase(DELETE_PHRASE)) {
      ctx.status(HttpStatus.BAD_REQUEST);
      renderAccount(
          ctx, user, null, "Nothing deleted: type \"" + DELETE_PHRASE + "\" to confirm.", null);
      return;
    }
    community.users().delete(user.id());
    security.signOut(ctx);
    ctx.header("Cache-Control", "no-store");
    ctx.html(
        templates.render(
            "message.jte",
            new Views.MessageView(
                PageMeta.of("Account deleted", "Your account is deleted.", "none")
                    .withViewer(security.viewer(ctx)),
                "Your account is deleted",
                "Your account, sessions, API tokens, upvotes and submission records are gone."
                    + " Comments that others replied to remain as \"[deleted]\" without their"
                    + " text; your other comments are deleted.")));
  }

  /**
   * {@code next} if it is a path on this site, else {@code /}: never a URL to another site (open
   * redirect, CWE-601). {@code //host} and {@code /\\host} are refused because browsers read them
   * as other hosts.
   */
  static String safeNext(@Nullable String next) {
    if (next == null
        || !next.startsWith("/")
        || next.startsWith("//")
        || next.startsWith("/\\")
        || next.length() > 500
        || next.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
      return "/";
    }
    return next;
  }
}
