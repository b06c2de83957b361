package dev.paperboy.web;

import dev.paperboy.core.account.User;
import dev.paperboy.core.community.Comment;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.PaperStore;
import io.javalin.http.Context;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * Writing comments, shared by the forms and the API: rate limits, then the rules of who may do
 * what. Anyone signed in may comment and reply; only the author may edit or delete a comment
 * (moderators hide them instead).
 */
final class Comments {
  private final Community community;
  private final WebSecurity security;
  private final PaperStore store;

  Comments(Community community, WebSecurity security, PaperStore store) {
    this.community = community;
    this.security = security;
    this.store = store;
  }

  Comment add(Context ctx, ArxivId paper, @Nullable String parentId, @Nullable String body) {
    User user = security.requireUser(ctx).user();
    limit(ctx, user);
    if (store.findPaper(paper).isEmpty()) {
      throw new NotFound("No paper " + paper + " in this Paperboy.");
    }
    try {
      String text = Comment.checkBody(body == null ? "" : body);
      return community
          .comments()
          .add(user.id(), paper, blankToNull(parentId), text, community.clock().instant());
    } catch (NoSuchElementException e) {
      throw new BadRequest("parentId", "is not a comment on this paper");
    } catch (IllegalArgumentException e) {
      throw new BadRequest("body", e.getMessage());
    }
  }

  /** The comment, if the signed-in user wrote it: 404 when gone, 403 when someone else's. */
  Comment own(Context ctx, String id) {
    User user = security.requireUser(ctx).user();
    Comment c =
        community
            .comments()
            .find(id)
            .filter(x -> !x.deleted())
            .orElseThrow(() -> new NotFound("There is no comment " + id + "."));
    if (!user.id().equals(c.authorId())) {
      throw Refused.forbidden("You can only change your own comments.");
    }
    return c;
  }

  Comment edit(Context ctx, String id, @Nullable String body) {
    Comment c = own(ctx, id);
    limit(ctx, security.requireUser(ctx).user());
    try {
      return community
          .comments()
          .edit(c.id(), body == null ? "" : body, community.clock().instant());
    } catch (IllegalArgumentException e) {
      throw new BadRequest("body", e.getMessage());
    }
  }

  Comment delete(Context ctx, String id) {
    Comment c = own(ctx, id);
    community.comments().delete(c.id(), community.clock().instant());
    return c;
  }

  private void limit(Context ctx, User user) {
    RateLimits limits = community.config().limits();
    security.limit(limits.commentsPerUser(), user.id().value());
    security.limitIp(ctx, limits.commentsPerIp());
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
