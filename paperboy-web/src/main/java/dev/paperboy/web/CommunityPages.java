package dev.paperboy.web;

import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.VersionedId;
import dev.paperboy.web.view.Views;
import dev.paperboy.web.view.Views.PageMeta;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The community's HTML forms that are not about the account: the upvote button on every list (works
 * without JavaScript: a form that posts and comes back to the page).
 */
final class CommunityPages {
  private final Community community;
  private final WebSecurity security;
  private final Votes votes;
  private final Submissions submissions;
  private final Templates templates;
  private final Comments comments;

  CommunityPages(
      Community community,
      WebSecurity security,
      Votes votes,
      Submissions submissions,
      Templates templates,
      Comments comments) {
    this.community = community;
    this.security = security;
    this.votes = votes;
    this.submissions = submissions;
    this.templates = templates;
    this.comments = comments;
  }

  void register(RoutesConfig r) {
    r.post("/papers/<id>/upvote", this::upvote);
    r.get("/submit", this::submitForm);
    r.post("/submit", this::submit);
    r.post("/papers/<id>/comments", this::comment);
    r.get("/comments/{cid}/edit", this::editForm);
    r.post("/comments/{cid}/edit", this::edit);
    r.post("/comments/{cid}/delete", this::delete);
  }

  /** POST /papers/{id}/comments ({@code body}, optional {@code parentId}): to the new comment. */
  private void comment(Context ctx) {
    ArxivId id = pathId(ctx, "id");
    var c = comments.add(ctx, id, ctx.formParam("parentId"), ctx.formParam("body"));
    ctx.redirect("/papers/" + id + "#c-" + c.id(), HttpStatus.SEE_OTHER);
  }

  private void editForm(Context ctx) {
    if (security.principal(ctx).isEmpty()) {
      ctx.redirect(
          "/signin?next="
              + java.net.URLEncoder.encode(ctx.path(), java.nio.charset.StandardCharsets.UTF_8),
          HttpStatus.SEE_OTHER);
      return;
    }
    var c = comments.own(ctx, ctx.pathParam("cid"));
    renderEdit(ctx, c.id(), c.paperId().value(), c.body(), null);
  }

  private void renderEdit(
      Context ctx, String id, String paperId, String body, @Nullable String error) {
    ctx.header("Cache-Control", "no-store");
    ctx.html(
        templates.render(
            "comment_edit.jte",
            new Views.EditCommentView(
                PageMeta.of("Edit your comment", "Edit your comment.", "none")
                    .withViewer(security.viewer(ctx)),
                id,
                paperId,
                body,
                error)));
  }

  private void edit(Context ctx) {
    String cid = ctx.pathParam("cid");
    String body = Optional.ofNullable(ctx.formParam("body")).orElse("");
    try {
      var c = comments.edit(ctx, cid, body);
      ctx.redirect("/papers/" + c.paperId() + "#c-" + c.id(), HttpStatus.SEE_OTHER);
    } catch (BadRequest e) {
      var c = comments.own(ctx, cid);
      ctx.status(HttpStatus.BAD_REQUEST);
      renderEdit(
          ctx,
          cid,
          c.paperId().value(),
          body,
          e.getMessage().substring(e.parameter().length() + 2));
    }
  }

  private void delete(Context ctx) {
    var c = comments.delete(ctx, ctx.pathParam("cid"));
    ctx.redirect("/papers/" + c.paperId() + "#comments", HttpStatus.SEE_OTHER);
  }

  private void submitForm(Context ctx) {
    if (security.principal(ctx).isEmpty()) {
      ctx.redirect("/signin?next=%2Fsubmit", HttpStatus.SEE_OTHER);
      return;
    }
    renderSubmit(ctx, Optional.ofNullable(ctx.queryParam("id")).orElse(""), null);
  }

  private void renderSubmit(Context ctx, String input, @Nullable String error) {
    var user = security.requireUser(ctx).user();
    var now = community.clock().instant();
    var dayStart =
        java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC)
            .atStartOfDay(java.time.ZoneOffset.UTC)
            .toInstant();
    int perDay = community.config().submissionsPerDay();
    int left = Math.max(0, perDay - community.submissions().countSince(user.id(), dayStart));
    ctx.header("Cache-Control", "no-store");
    ctx.html(
        templates.render(
            "submit.jte",
            new Views.SubmitView(
                PageMeta.of("Submit a paper", "Put a new arXiv paper on today's list.", "none")
                    .withViewer(security.viewer(ctx)),
                input,
                error,
                community.config().submissionMaxAge().toDays(),
                perDay,
                left)));
  }

  /** POST /submit: on success to today's list at the paper; else the form with the reason. */
  private void submit(Context ctx) {
    String input = Optional.ofNullable(ctx.formParam("id")).orElse("");
    try {
      Submissions.Done done = submissions.submit(ctx, input);
      ctx.redirect("/day/" + done.day() + "#p-" + done.id(), HttpStatus.SEE_OTHER);
    } catch (Refused e) {
      if (e.status() == 401) {
        throw e;
      }
      ctx.status(e.status());
      if (e.retryAfterSeconds() > 0) {
        ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
      }
      renderSubmit(ctx, input, e.getMessage());
    } catch (BadRequest e) {
      ctx.status(HttpStatus.BAD_REQUEST);
      renderSubmit(
          ctx,
          input,
          "That is not an arXiv id or URL: "
              + e.getMessage().substring(e.parameter().length() + 2));
    } catch (NotFound e) {
      ctx.status(HttpStatus.NOT_FOUND);
      renderSubmit(ctx, input, e.getMessage());
    }
  }

  Community community() {
    return community;
  }

  /** POST /papers/{id}/upvote with {@code action=add|remove}; back to {@code back} (303). */
  private void upvote(Context ctx) {
    ArxivId id = pathId(ctx, "id");
    String action = ctx.formParam("action");
    if (!"add".equals(action) && !"remove".equals(action)) {
      throw new BadRequest("action", "must be add or remove");
    }
    votes.vote(ctx, id, "add".equals(action));
    String back = AccountRoutes.safeNext(ctx.formParam("back"));
    ctx.redirect(back.equals("/") ? "/papers/" + id : back, HttpStatus.SEE_OTHER);
  }

  static ArxivId pathId(Context ctx, String name) {
    try {
      return VersionedId.parse(ctx.pathParam(name)).id();
    } catch (IllegalArgumentException e) {
      throw new BadRequest(name, e.getMessage());
    }
  }

  WebSecurity security() {
    return security;
  }
}
