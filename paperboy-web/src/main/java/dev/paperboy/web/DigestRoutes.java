package dev.paperboy.web;

import dev.paperboy.core.account.User;
import dev.paperboy.core.digest.Alert;
import dev.paperboy.core.digest.Cadence;
import dev.paperboy.core.digest.DigestLinks;
import dev.paperboy.core.digest.DigestPreferences;
import dev.paperboy.core.digest.QuietDays;
import dev.paperboy.core.digest.Section;
import dev.paperboy.core.digest.Subscription;
import dev.paperboy.core.digest.SubscriptionId;
import dev.paperboy.core.digest.SubscriptionStatus;
import dev.paperboy.core.mail.EmailAddress;
import dev.paperboy.core.mail.MailException;
import dev.paperboy.core.mail.OutgoingMessage;
import dev.paperboy.core.paper.Categories;
import dev.paperboy.web.view.DigestViews;
import dev.paperboy.web.view.Views.PageMeta;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The digest pages: subscribe (double opt-in), confirm, preferences and alerts (opened by a signed
 * link from any digest, no sign-in needed), unsubscribe (including RFC 8058 one-click), and the
 * signed-in account's way to the same preferences.
 *
 * <ul>
 *   <li>Subscribing answers the same page for every valid address, subscribed or not, and is
 *       rate-limited per IP address and per address before any mail goes out. A new (or
 *       unsubscribed) address gets a confirmation link and nothing else until it is used; an active
 *       one gets a note with its preferences link.
 *   <li>Links from mails open a page with a button; only the button's POST changes anything, so
 *       mail scanners that fetch every link cannot confirm or unsubscribe on the reader's behalf.
 *       The one exception is RFC 8058: a POST to the {@code List-Unsubscribe} URL, without cookies
 *       or CSRF token, unsubscribes at once (the signed token in the URL is the authority).
 *   <li>Pages with tokens in their URL are neither cached nor sent as a {@code Referer}.
 * </ul>
 */
final class DigestRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(DigestRoutes.class);

  private final Community community;
  private final Digests digests;
  private final WebSecurity security;
  private final Templates templates;

  DigestRoutes(Community community, Digests digests, WebSecurity security, Templates templates) {
    this.community = community;
    this.digests = digests;
    this.security = security;
    this.templates = templates;
  }

  void register(RoutesConfig r) {
    // RFC 8058: mail clients POST here without cookies, so no CSRF token can come along.
    security.exemptFromCsrf("/digest/unsubscribe");
    r.get("/subscribe", this::subscribeForm);
    r.post("/subscribe", this::subscribe);
    r.get("/subscribe/confirm", this::confirmForm);
    r.post("/subscribe/confirm", this::confirm);
    r.get("/digest/preferences", this::preferences);
    r.post("/digest/preferences", this::savePreferences);
    r.post("/digest/pause", this::pause);
    r.post("/digest/alerts", this::addAlert);
    r.post("/digest/alerts/remove", this::removeAlert);
    r.get("/digest/unsubscribe", this::unsubscribeForm);
    r.post("/digest/unsubscribe", this::unsubscribe);
    r.get("/account/digest", this::account);
    r.post("/account/digest", this::accountSubscribe);
  }

  private Instant now() {
    return community.clock().instant();
  }

  private PageMeta meta(Context ctx, String title, String description) {
    return PageMeta.of(title, description, "none").withViewer(security.viewer(ctx));
  }

  private static void private_(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    // The URL holds a token: keep it out of Referer headers to other sites.
    ctx.header("Referrer-Policy", "no-referrer");
  }

  private void page(Context ctx, String stage, String email, @Nullable String error, String token) {
    private_(ctx);
    String title =
        switch (stage) {
          case "sent" -> "Check your inbox";
          case "confirm" -> "Confirm your subscription";
          case "unsubscribe" -> "Unsubscribe";
          case "unsubscribed" -> "You are unsubscribed";
          case "invalid" -> "This link does not work";
          default -> "Subscribe";
        };
    long hours = digests.links().confirmTtl().toHours();
    ctx.html(
        templates.render(
            "digest.jte",
            new DigestViews.DigestPage(
                meta(ctx, title, "Trending papers and personal picks in your email inbox."),
                stage,
                email,
                error,
                token,
                hours >= 48 && hours % 24 == 0 ? (hours / 24) + " days" : hours + " hours")));
  }

  // ---- subscribe ------------------------------------------------------------------------------

  private void subscribeForm(Context ctx) {
    page(ctx, "form", "", null, "");
  }

  /** POST /subscribe: limits, then one mail; the same answer for every valid address. */
  private void subscribe(Context ctx) {
    String text = Optional.ofNullable(ctx.formParam("email")).orElse("").strip();
    EmailAddress email;
    try {
      email = EmailAddress.parse("email", text);
    } catch (IllegalArgumentException e) {
      ctx.status(HttpStatus.BAD_REQUEST);
      page(ctx, "form", text, EmailFormText.problem("email", text, e), "");
      return;
    }
    security.limitIp(ctx, digests.perIp());
    security.limit(digests.perEmail(), User.emailKey(email));
    Subscription s = digests.subscriptions().findOrCreate(email, null, now());
    OutgoingMessage mail =
        s.active()
            ? digests.mails().alreadySubscribed(email, digests.links().preferences(s.id(), now()))
            : digests
                .mails()
                .confirmation(email, digests.links().confirm(s.id()), digests.links().confirmTtl());
    try {
      community.mailer().send(mail);
    } catch (MailException e) {
      LOG.warn(
          "cannot send a subscription mail via {}: {}",
          community.mailer().describe(),
          e.getMessage());
      ctx.status(HttpStatus.SERVICE_UNAVAILABLE);
      ctx.header("Retry-After", "300");
      page(
          ctx,
          "form",
          email.value(),
          "The confirmation mail could not be sent just now. Please try again in a few minutes.",
          "");
      return;
    }
    page(ctx, "sent", email.value(), null, "");
  }

  /** GET /subscribe/confirm: checks the link (changing nothing) and shows one button. */
  private void confirmForm(Context ctx) {
    String token = Optional.ofNullable(ctx.queryParam("token")).orElse("");
    try {
      SubscriptionId id = digests.links().verify(DigestLinks.CONFIRM, token);
      Subscription s =
          digests
              .subscriptions()
              .find(id)
              .orElseThrow(
                  () ->
                      new DigestLinks.Refused(
                          "This subscription no longer exists. Subscribe again."));
      page(ctx, "confirm", s.email().value(), null, token);
    } catch (DigestLinks.Refused e) {
      ctx.status(HttpStatus.BAD_REQUEST);
      page(ctx, "invalid", "", e.getMessage(), "");
    }
  }

  /** POST /subscribe/confirm: activates the subscription and opens its preferences. */
  private void confirm(Context ctx) {
    String token = Optional.ofNullable(ctx.formParam("token")).orElse("");
    SubscriptionId id;
    try {
      id = digests.links().verify(DigestLinks.CONFIRM, token);
    } catch (DigestLinks.Refused e) {
      ctx.status(HttpStatus.BAD_REQUEST);
      page(ctx, "invalid", "", e.getMessage(), "");
      return;
    }
    Optional<Subscription> s = digests.subscriptions().confirm(id, now());
    if (s.isEmpty()) {
      ctx.status(HttpStatus.BAD_REQUEST);
      page(ctx, "invalid", "", "This subscription no longer exists. Subscribe again.", "");
      return;
    }
    // The address proved it receives mail: it is no longer suppressed, and its account (if any)
    // drives the personal picks.
    digests.suppressions().unsuppress(s.get().email());
    community
        .users()
        .findByEmail(s.get().email())
        .ifPresent(u -> digests.subscriptions().linkUser(id, u.id()));
    redirectToPreferences(ctx, id, "confirmed");
  }

  private void redirectToPreferences(Context ctx, SubscriptionId id, String done) {
    private_(ctx);
    ctx.redirect(
        "/digest/preferences?token="
            + URLEncoder.encode(digests.links().preferencesToken(id, now()), StandardCharsets.UTF_8)
            + "&done="
            + done,
        HttpStatus.SEE_OTHER);
  }

  // ---- preferences ----------------------------------------------------------------------------

  /** The subscription a preferences token stands for, or a 400 page (then empty). */
  private Optional<Subscription> byToken(Context ctx, @Nullable String token) {
    try {
      SubscriptionId id =
          digests.links().verify(DigestLinks.PREFERENCES, token == null ? "" : token);
      Optional<Subscription> s = digests.subscriptions().find(id);
      if (s.isEmpty() || s.get().status() == SubscriptionStatus.PENDING) {
        throw new DigestLinks.Refused(
            "This subscription no longer exists. Subscribe again from the home page.");
      }
      return s;
    } catch (DigestLinks.Refused e) {
      ctx.status(HttpStatus.BAD_REQUEST);
      page(ctx, "invalid", "", e.getMessage(), "");
      return Optional.empty();
    }
  }

  private void preferences(Context ctx) {
    String token = ctx.queryParam("token");
    byToken(ctx, token)
        .ifPresent(s -> renderPreferences(ctx, s, token, notice(ctx.queryParam("done")), null));
  }

  private static @Nullable String notice(@Nullable String done) {
    if (done == null) {
      return null;
    }
    return switch (done) {
      case "confirmed" ->
          "Your subscription is confirmed: the next digest is on its way. Choose what it holds below.";
      case "saved" -> "Your preferences are saved; the next digest follows them.";
      case "paused" -> "Deliveries are paused. Your settings are kept until you resume.";
      case "resumed" -> "Deliveries are resumed.";
      case "alert-added" ->
          "The alert is saved: new papers matching it come with your next digest.";
      case "alert-removed" -> "The alert is removed.";
      case "resubscribed" -> "You are subscribed again.";
      default -> null;
    };
  }

  private void renderPreferences(
      Context ctx, Subscription s, String token, @Nullable String notice, @Nullable String error) {
    private_(ctx);
    DigestPreferences p = s.preferences();
    Categories taxonomy = Categories.arxiv();
    List<DigestViews.CategoryBox> boxes = new ArrayList<>();
    Set<String> other = new LinkedHashSet<>(p.categories());
    for (String code : digests.categories()) {
      boolean checked = p.categories().contains(code);
      other.remove(code);
      boxes.add(new DigestViews.CategoryBox(code, taxonomy.name(code), checked));
    }
    boolean hasAccount = s.user() != null || community.users().findByEmail(s.email()).isPresent();
    ctx.html(
        templates.render(
            "digest-preferences.jte",
            new DigestViews.PreferencesPage(
                meta(ctx, "Your digest", "What your Paperboy digest holds and how often it comes."),
                token,
                s.email().value(),
                s.status().code(),
                notice,
                error,
                p.cadence().code(),
                digests.weeklyDay().getDisplayName(TextStyle.FULL, Locale.ENGLISH),
                p.wants(Section.TRENDING),
                p.wants(Section.PICKS),
                p.wants(Section.ALERTS),
                boxes,
                String.join(" ", other),
                p.quietDays().code(),
                p.paused(),
                digests.subscriptions().alerts(s.id()).stream().map(Alert::query).toList(),
                Alert.MAX_PER_SUBSCRIPTION,
                hasAccount,
                digests.links().unsubscribe(s.id(), now()).toString())));
  }

  private void savePreferences(Context ctx) {
    String token = ctx.formParam("token");
    Optional<Subscription> found = byToken(ctx, token);
    if (found.isEmpty()) {
      return;
    }
    Subscription s = found.get();
    DigestPreferences p;
    try {
      Set<Section> content = EnumSet.noneOf(Section.class);
      for (String c : ctx.formParams("content")) {
        content.add(Section.parse(c));
      }
      List<String> cats = new ArrayList<>(ctx.formParams("category"));
      for (String c : Optional.ofNullable(ctx.formParam("other")).orElse("").split("[\\s,]+")) {
        if (!c.isBlank()) {
          cats.add(c);
        }
      }
      p =
          new DigestPreferences(
              Cadence.parse(Optional.ofNullable(ctx.formParam("cadence")).orElse("")),
              content,
              DigestPreferences.checkCategories(cats),
              QuietDays.parse(Optional.ofNullable(ctx.formParam("quiet")).orElse("")),
              // Pausing has its own button (POST /digest/pause); saving the other settings keeps
              // whatever it set.
              s.preferences().paused());
    } catch (IllegalArgumentException e) {
      ctx.status(HttpStatus.BAD_REQUEST);
      renderPreferences(ctx, s, token, null, "Not saved: " + e.getMessage() + ".");
      return;
    }
    digests.subscriptions().setPreferences(s.id(), p, now());
    redirectWithToken(ctx, token, "saved");
  }

  private void pause(Context ctx) {
    String token = ctx.formParam("token");
    byToken(ctx, token)
        .ifPresent(
            s -> {
              // The page's button sends true or false; anything else was read as "resume" and
              // reported as done.
              String value = ctx.formParam("paused");
              boolean paused =
                  switch (value == null ? "" : value) {
                    case "true" -> true;
                    case "false" -> false;
                    default ->
                        throw new BadRequest(
                            "paused",
                            "must be true or false, not '" + value + "'; nothing changed");
                  };
              digests
                  .subscriptions()
                  .setPreferences(s.id(), s.preferences().withPaused(paused), now());
              redirectWithToken(ctx, token, paused ? "paused" : "resumed");
            });
  }

  private void addAlert(Context ctx) {
    String token = ctx.formParam("token");
    Optional<Subscription> found = byToken(ctx, token);
    if (found.isEmpty()) {
      return;
    }
    try {
      digests
          .subscriptions()
          .addAlert(
              new Alert(
                  found.get().id(),
                  Alert.check(Optional.ofNullable(ctx.formParam("query")).orElse("")),
                  now()));
    } catch (IllegalArgumentException e) {
      ctx.status(HttpStatus.BAD_REQUEST);
      renderPreferences(ctx, found.get(), token, null, "No alert added: " + e.getMessage() + ".");
      return;
    }
    redirectWithToken(ctx, token, "alert-added");
  }

  private void removeAlert(Context ctx) {
    String token = ctx.formParam("token");
    byToken(ctx, token)
        .ifPresent(
            s -> {
              String query = Optional.ofNullable(ctx.formParam("query")).orElse("");
              // An alert that is not this subscription's (another's, or already removed) was
              // reported as removed.
              if (!digests.subscriptions().removeAlert(s.id(), query)) {
                throw new NotFound("This subscription has no alert '" + query + "'.");
              }
              redirectWithToken(ctx, token, "alert-removed");
            });
  }

  private static void redirectWithToken(Context ctx, @Nullable String token, String done) {
    private_(ctx);
    ctx.redirect(
        "/digest/preferences?token="
            + URLEncoder.encode(token == null ? "" : token, StandardCharsets.UTF_8)
            + "&done="
            + done,
        HttpStatus.SEE_OTHER);
  }

  // ---- unsubscribe ----------------------------------------------------------------------------

  private void unsubscribeForm(Context ctx) {
    String token = Optional.ofNullable(ctx.queryParam("token")).orElse("");
    try {
      SubscriptionId id = digests.links().verify(DigestLinks.UNSUBSCRIBE, token);
      Subscription s =
          digests
              .subscriptions()
              .find(id)
              .orElseThrow(() -> new DigestLinks.Refused("This subscription no longer exists."));
      page(
          ctx,
          s.status() == SubscriptionStatus.UNSUBSCRIBED ? "unsubscribed" : "unsubscribe",
          s.email().value(),
          null,
          token);
    } catch (DigestLinks.Refused e) {
      ctx.status(HttpStatus.BAD_REQUEST);
      page(ctx, "invalid", "", e.getMessage(), "");
    }
  }

  /**
   * POST /digest/unsubscribe?token=...: RFC 8058 one-click (body {@code
   * List-Unsubscribe=One-Click}, no cookies) and the page's own button alike; unsubscribes at once.
   */
  private void unsubscribe(Context ctx) {
    String token =
        Optional.ofNullable(ctx.queryParam("token"))
            .orElse(Optional.ofNullable(ctx.formParam("token")).orElse(""));
    SubscriptionId id;
    try {
      id = digests.links().verify(DigestLinks.UNSUBSCRIBE, token);
    } catch (DigestLinks.Refused e) {
      ctx.status(HttpStatus.BAD_REQUEST);
      page(ctx, "invalid", "", e.getMessage(), "");
      return;
    }
    Optional<Subscription> s = digests.subscriptions().find(id);
    if (s.isEmpty()) {
      ctx.status(HttpStatus.BAD_REQUEST);
      page(ctx, "invalid", "", "This subscription no longer exists.", "");
      return;
    }
    digests.subscriptions().unsubscribe(id, now());
    LOG.info("digest subscription {} ended by its unsubscribe link", id);
    page(ctx, "unsubscribed", s.get().email().value(), null, token);
  }

  // ---- the account's way in -------------------------------------------------------------------

  /** GET /account/digest: the signed-in user's subscription preferences, or a subscribe button. */
  private void account(Context ctx) {
    Optional<WebSecurity.Principal> p = security.principal(ctx);
    if (p.isEmpty()) {
      ctx.redirect("/signin?next=/account/digest", HttpStatus.SEE_OTHER);
      return;
    }
    User user = p.get().user();
    Optional<Subscription> s = digests.subscriptions().findByEmail(user.email());
    if (s.isPresent() && s.get().active()) {
      if (s.get().user() == null) {
        digests.subscriptions().linkUser(s.get().id(), user.id());
      }
      redirectToPreferences(ctx, s.get().id(), "account");
      return;
    }
    page(ctx, "account", user.email().value(), null, "");
  }

  /**
   * POST /account/digest: subscribes the signed-in user's own address at once: signing in with a
   * link to it already proved the address, which is what the confirmation mail is for.
   */
  private void accountSubscribe(Context ctx) {
    User user = security.requireUser(ctx).user();
    Subscription s = digests.subscriptions().findOrCreate(user.email(), user.id(), now());
    boolean again = s.status() == SubscriptionStatus.UNSUBSCRIBED;
    digests.subscriptions().confirm(s.id(), now());
    digests.suppressions().unsuppress(user.email());
    redirectToPreferences(ctx, s.id(), again ? "resubscribed" : "confirmed");
  }
}
