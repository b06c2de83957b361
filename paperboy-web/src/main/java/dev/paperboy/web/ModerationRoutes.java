package dev.paperboy.web;

import dev.paperboy.core.account.User;
import dev.paperboy.core.community.AuditEntry;
import dev.paperboy.core.community.Comment;
import dev.paperboy.core.community.ModerationStore;
import dev.paperboy.core.mail.EmailAddress;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.paper.PaperStore;
import dev.paperboy.core.security.Role;
import dev.paperboy.web.view.Views;
import dev.paperboy.web.view.Views.PageMeta;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Moderation: moderators hide and unhide papers (from every list) and comments, and suspend and
 * reinstate accounts; every action goes to the audit log, which admins read on the same page. Each
 * route checks the role first ({@link WebSecurity#requireRole}); a moderator cannot suspend a
 * moderator or an admin, nor themself.
 */
final class ModerationRoutes {
  static final int AUDIT_ON_PAGE = 200;

  private final Community community;
  private final WebSecurity security;
  private final Templates templates;
  private final PaperStore store;

  ModerationRoutes(
      Community community, WebSecurity security, Templates templates, PaperStore store) {
    this.community = community;
    this.security = security;
    this.templates = templates;
    this.store = store;
  }

  void register(RoutesConfig r) {
    r.get("/moderation", this::page);
    r.post("/moderation/papers/hide", this::hidePaper);
    r.post("/moderation/papers/unhide", this::unhidePaper);
    r.post("/moderation/comments/{cid}/hide", ctx -> hideComment(ctx, true));
    r.post("/moderation/comments/{cid}/unhide", ctx -> hideComment(ctx, false));
    r.post("/moderation/users/suspend", ctx -> suspend(ctx, true));
    r.post("/moderation/users/reinstate", ctx -> suspend(ctx, false));
  }

  private void page(Context ctx) {
    if (security.principal(ctx).isEmpty()) {
      ctx.redirect(
          "/signin?next=" + URLEncoder.encode("/moderation", StandardCharsets.UTF_8),
          HttpStatus.SEE_OTHER);
      return;
    }
    User mod = security.requireRole(ctx, Role.MODERATOR).user();
    render(ctx, mod, ctx.queryParam("done"), null);
  }

  private void render(Context ctx, User mod, @Nullable String done, @Nullable String error) {
    List<ModerationStore.HiddenPaper> hidden = community.moderation().hiddenPapers();
    Map<ArxivId, String> titles = new HashMap<>();
    for (Paper p :
        store.findPapers(hidden.stream().map(ModerationStore.HiddenPaper::paperId).toList())) {
      titles.put(p.id(), p.title());
    }
    List<Views.HiddenRow> rows = new ArrayList<>();
    for (var h : hidden) {
      rows.add(
          new Views.HiddenRow(
              h.paperId().value(),
              titles.getOrDefault(h.paperId(), h.paperId().value()),
              AccountRoutes.WHEN.format(h.at()),
              h.by(),
              h.reason()));
    }
    boolean admin = mod.role().atLeast(Role.ADMIN);
    List<Views.AuditRow> audit = new ArrayList<>();
    if (admin) {
      for (AuditEntry e : community.moderation().audit(0, AUDIT_ON_PAGE)) {
        audit.add(
            new Views.AuditRow(
                AccountRoutes.WHEN.format(e.at()),
                e.actorName(),
                e.action(),
                e.target(),
                e.detail()));
      }
    }
    ctx.header("Cache-Control", "no-store");
    ctx.html(
        templates.render(
            "moderation.jte",
            new Views.ModerationView(
                PageMeta.of("Moderation", "Moderation.", "none").withViewer(security.viewer(ctx)),
                done == null ? null : "Done: " + done.replace('-', ' ') + ".",
                error,
                rows,
                admin,
                audit)));
  }

  private void audit(User actor, String action, String target, @Nullable String detail) {
    community
        .moderation()
        .record(
            new AuditEntry(
                community.clock().instant(),
                actor.id().value(),
                actor.displayName(),
                action,
                target,
                detail == null || detail.isBlank() ? null : detail.strip()));
  }

  private ArxivId paperParam(Context ctx) {
    try {
      return ArxivId.fromUserInput(Optional.ofNullable(ctx.formParam("id")).orElse("")).id();
    } catch (IllegalArgumentException e) {
      throw new BadRequest("id", e.getMessage());
    }
  }

  private void hidePaper(Context ctx) {
    User mod = security.requireRole(ctx, Role.MODERATOR).user();
    ArxivId id = paperParam(ctx);
    if (store.findPaper(id).isEmpty()) {
      throw new NotFound("No paper " + id + " in this Paperboy.");
    }
    String reason = ctx.formParam("reason");
    if (community
        .moderation()
        .hidePaper(id, mod.displayName(), reason, community.clock().instant())) {
      audit(mod, "paper.hide", id.value(), reason);
    }
    ctx.redirect("/moderation?done=hidden-" + id, HttpStatus.SEE_OTHER);
  }

  private void unhidePaper(Context ctx) {
    User mod = security.requireRole(ctx, Role.MODERATOR).user();
    ArxivId id = paperParam(ctx);
    if (community.moderation().unhidePaper(id)) {
      audit(mod, "paper.unhide", id.value(), null);
    }
    ctx.redirect("/moderation?done=shown-" + id, HttpStatus.SEE_OTHER);
  }

  private void hideComment(Context ctx, boolean hide) {
    User mod = security.requireRole(ctx, Role.MODERATOR).user();
    String cid = ctx.pathParam("cid");
    Comment c =
        community
            .comments()
            .find(cid)
            .orElseThrow(() -> new NotFound("There is no comment " + cid + "."));
    community.comments().setHidden(c.id(), hide ? community.clock().instant() : null);
    audit(mod, hide ? "comment.hide" : "comment.unhide", c.id(), "on " + c.paperId());
    ctx.redirect("/papers/" + c.paperId() + "#c-" + c.id(), HttpStatus.SEE_OTHER);
  }

  /** Suspends (sessions end, tokens stop working, no sign-in) or reinstates an account. */
  private void suspend(Context ctx, boolean suspend) {
    User mod = security.requireRole(ctx, Role.MODERATOR).user();
    String text = Optional.ofNullable(ctx.formParam("email")).orElse("");
    EmailAddress email;
    try {
      email = EmailAddress.parse("email", text);
    } catch (IllegalArgumentException e) {
      ctx.status(HttpStatus.BAD_REQUEST);
      render(ctx, mod, null, e.getMessage());
      return;
    }
    Optional<User> target = community.users().findByEmail(email);
    if (target.isEmpty()) {
      ctx.status(HttpStatus.NOT_FOUND);
      render(ctx, mod, null, "No account has the address " + email + ".");
      return;
    }
    User u = target.get();
    if (u.id().equals(mod.id())) {
      throw Refused.forbidden("You cannot suspend yourself.");
    }
    if (u.role().atLeast(mod.role()) && !mod.role().atLeast(Role.ADMIN)) {
      throw Refused.forbidden("Only an admin can suspend a " + u.role().code() + ".");
    }
    if (u.role() == Role.ADMIN) {
      throw Refused.forbidden(
          "An admin cannot be suspended; take the role away first (paperboy user grant ADDRESS user).");
    }
    if (suspend) {
      community.users().setSuspended(u.id(), community.clock().instant());
      community.sessionStore().deleteAllOf(u.id());
      audit(mod, "user.suspend", u.id().value(), describe(u) + optionalReason(ctx));
    } else {
      community.users().setSuspended(u.id(), null);
      audit(mod, "user.reinstate", u.id().value(), describe(u));
    }
    ctx.redirect(
        "/moderation?done=" + (suspend ? "suspended" : "reinstated"), HttpStatus.SEE_OTHER);
  }

  private static String describe(User u) {
    return u.displayName();
  }

  private static String optionalReason(Context ctx) {
    String r = ctx.formParam("reason");
    return r == null || r.isBlank() ? "" : ": " + r.strip();
  }
}
