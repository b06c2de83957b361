package dev.paperboy.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paperboy.core.account.User;
import dev.paperboy.core.community.Comment;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.PaperStore;
import dev.paperboy.core.search.SearchIndex;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The JSON API of the community features. Calls are authenticated with {@code Authorization: Bearer
 * TOKEN} (an API token from the account page; no CSRF token needed) or with the session cookie of a
 * signed-in browser (then the {@code X-CSRF-Token} header must carry the page's CSRF token on POST
 * and DELETE, see {@link WebSecurity}).
 */
final class CommunityApiRoutes {
  private final Community community;
  private final WebSecurity security;
  private final ObjectMapper mapper;
  private final List<ApiRoutes.Route> routes = new ArrayList<>();
  private final PaperStore store;
  private final Votes votes;
  private final Submissions submissions;
  private final Comments comments;

  CommunityApiRoutes(
      Community community,
      WebSecurity security,
      ObjectMapper mapper,
      PaperStore store,
      SearchIndex index) {
    this.community = community;
    this.security = security;
    this.mapper = mapper;
    this.store = store;
    this.votes = new Votes(community, security, store);
    this.submissions = new Submissions(community, security, store, index);
    routes.add(new ApiRoutes.Route("post", "/api/papers/{arxivId}/submit", Set.of(), this::submit));
    routes.add(new ApiRoutes.Route("get", "/api/me", Set.of(), this::me));
    routes.add(
        new ApiRoutes.Route(
            "post", "/api/papers/{arxivId}/upvote", Set.of(), ctx -> vote(ctx, true)));
    routes.add(
        new ApiRoutes.Route(
            "delete", "/api/papers/{arxivId}/upvote", Set.of(), ctx -> vote(ctx, false)));
    this.comments = new Comments(community, security, store);
    routes.add(
        new ApiRoutes.Route("get", "/api/papers/{arxivId}/comments", Set.of(), this::listComments));
    routes.add(
        new ApiRoutes.Route("post", "/api/papers/{arxivId}/comments", Set.of(), this::addComment));
    routes.add(
        new ApiRoutes.Route("patch", "/api/comments/{commentId}", Set.of(), this::editComment));
    routes.add(
        new ApiRoutes.Route("delete", "/api/comments/{commentId}", Set.of(), this::deleteComment));
  }

  /** The routes, as registered (for the OpenAPI test). */
  List<ApiRoutes.Route> routes() {
    return routes;
  }

  void register(RoutesConfig config) {
    for (ApiRoutes.Route r : routes) {
      config.addHttpHandler(
          HandlerType.findOrCreate(r.method().toUpperCase(Locale.ROOT)),
          r.javalinPath(),
          ctx -> r.handler().handle(ctx));
    }
  }

  Community community() {
    return community;
  }

  /** GET /api/me: who the token or session belongs to. */
  private void me(Context ctx) {
    User u = security.requireUser(ctx).user();
    ObjectNode o = mapper.createObjectNode();
    o.put("id", u.id().value());
    o.put("displayName", u.displayName());
    o.put("role", u.role().code());
    send(ctx, o);
  }

  /** POST / DELETE /api/papers/{arxivId}/upvote: idempotent, answers the new total. */
  private void vote(Context ctx, boolean up) {
    ArxivId id = CommunityPages.pathId(ctx, "arxivId");
    Votes.Result r = votes.vote(ctx, id, up);
    ObjectNode o = mapper.createObjectNode();
    o.put("paper", r.paper().value());
    o.put("upvotes", r.upvotes());
    o.put("upvoted", r.upvoted());
    o.put("changed", r.changed());
    send(ctx, o);
  }

  /** POST /api/papers/{arxivId}/submit: onto today's list; 201 with the day. */
  private void submit(Context ctx) {
    Submissions.Done done = submissions.submit(ctx, ctx.pathParam("arxivId"));
    ObjectNode o = mapper.createObjectNode();
    o.put("paper", done.id().value());
    o.put("day", done.day().toString());
    o.put("fetched", done.fetched());
    ctx.status(201);
    ctx.header("Location", "/papers/" + done.id());
    send(ctx, o);
  }

  /** GET /api/papers/{arxivId}/comments: visible comments, oldest first, with rendered HTML. */
  private void listComments(Context ctx) {
    ArxivId id = CommunityPages.pathId(ctx, "arxivId");
    if (store.findPaper(id).isEmpty()) {
      throw new NotFound("Paper " + id + " not found");
    }
    var out = mapper.createArrayNode();
    java.util.Set<String> visibleTop = new java.util.HashSet<>();
    var all = community.comments().ofPaper(id);
    for (Comment c : all) {
      if (c.parentId() == null && !c.hidden()) {
        visibleTop.add(c.id());
      }
    }
    for (Comment c : all) {
      boolean shown = !c.hidden() && (c.parentId() == null || visibleTop.contains(c.parentId()));
      if (shown) {
        out.add(commentJson(c));
      }
    }
    sendPublic(ctx, out);
  }

  private void addComment(Context ctx) {
    ArxivId id = CommunityPages.pathId(ctx, "arxivId");
    JsonNode body = jsonBody(ctx);
    Comment c =
        comments.add(
            ctx, id, JsonFields.optionalText(body, "parentId"), JsonFields.text(body, "body", ""));
    ctx.status(201);
    ctx.header("Location", "/papers/" + id + "#c-" + c.id());
    send(ctx, commentJson(c));
  }

  private void editComment(Context ctx) {
    Comment c =
        comments.edit(ctx, ctx.pathParam("commentId"), JsonFields.text(jsonBody(ctx), "body", ""));
    send(ctx, commentJson(c));
  }

  private void deleteComment(Context ctx) {
    comments.delete(ctx, ctx.pathParam("commentId"));
    ctx.status(204);
  }

  private JsonNode jsonBody(Context ctx) {
    try {
      JsonNode n = mapper.readTree(ctx.body());
      if (n == null || !n.isObject()) {
        throw new BadRequest("body", "send a JSON object such as {\"body\": \"text\"}");
      }
      return n;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new BadRequest("body", "is not JSON: " + e.getOriginalMessage());
    }
  }

  private ObjectNode commentJson(Comment c) {
    ObjectNode o = mapper.createObjectNode();
    o.put("id", c.id());
    o.put("paper", c.paperId().value());
    if (c.parentId() != null) {
      o.put("parentId", c.parentId());
    }
    o.put("author", c.deleted() || c.authorName() == null ? null : c.authorName());
    o.put("createdAt", HfJson.instant(c.createdAt()));
    if (c.editedAt() != null) {
      o.put("editedAt", HfJson.instant(c.editedAt()));
    }
    o.put("deleted", c.deleted());
    o.put("markdown", c.deleted() ? "" : c.body());
    o.put("html", c.deleted() ? "" : CommentMarkdown.render(c.body()));
    return o;
  }

  /** JSON anyone may read and caches may keep briefly. */
  private void sendPublic(Context ctx, Object body) {
    try {
      ctx.contentType("application/json; charset=utf-8");
      ctx.result(mapper.writeValueAsString(body));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  void send(Context ctx, Object body) {
    try {
      ctx.header("Cache-Control", "no-store");
      ctx.contentType("application/json; charset=utf-8");
      ctx.result(mapper.writeValueAsString(body));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
