package dev.paperboy.web;

import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.VersionedId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * The community's HTML forms that are not about the account: the upvote button on every list (works
 * without JavaScript: a form that posts and comes back to the page).
 */
final class CommunityPages {
  private final Community community;
  private final WebSecurity security;
  private final Votes votes;

  CommunityPages(Community community, WebSecurity security, Votes votes) {
    this.community = community;
    this.security = security;
    this.votes = votes;
  }

  void register(RoutesConfig r) {
    r.post("/papers/<id>/upvote", this::upvote);
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
