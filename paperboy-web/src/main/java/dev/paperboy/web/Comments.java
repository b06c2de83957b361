package dev.paperboy.web;

import dev.paperboy.core.account.User;
import dev.paperboy.core.community.Comment;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.PaperStore;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Writing comments, shared by the forms and the API: rate limits, then the rules of who may do
 * what. Anyone signed in may comment and reply; only the author may edit or delete a comment
 * (moderators hide them instead). The same text sent again on the same thread within a minute is
 * the comment already made, not a second one (a double click or a retried POST).
 */
final class Comments {
  /** How long the same text on the same thread by the same author counts as one comment. */
  static final Duration RESUBMIT = Duration.ofMinutes(1);

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
    String parent = blankToNull(parentId);
    String text;
    try {
      text = Comment.checkBody(body == null ? "" : body);
    } catch (IllegalArgumentException e) {
      throw new BadRequest("body", e.getMessage());
    }
    // One author's requests are checked and written one at a time, so that of two copies of a
    // request (a double click, a retried POST) the second finds the first.
    synchronized (UserLocks.of(user.id())) {
      Optional<Comment> again = sameCommentJustMade(user, paper, parent, text);
      if (again.isPresent()) {
        return again.get();
      }
      limit(ctx, user);
      if (store.findPaper(paper).isEmpty()) {
        throw new NotFound("No paper " + paper + " in this Paperboy.");
      }
      try {
        return community
            .comments()
            .add(user.id(), paper, parent, text, community.clock().instant());
      } catch (NoSuchElementException e) {
        throw new BadRequest("parentId", "is not a comment on this paper");
      } catch (IllegalArgumentException e) {
        throw new BadRequest("body", e.getMessage());
      }
    }
  }

  /**
   * The comment this author made on the same thread with the same text within {@link #RESUBMIT}:
   * the same request sent again (a double click, a browser or client retrying the POST), which must
   * not post the comment twice.
   */
  private Optional<Comment> sameCommentJustMade(
      User user, ArxivId paper, @Nullable String parentId, String text) {
    Instant since = community.clock().instant().minus(RESUBMIT);
    List<Comment> all = community.comments().ofPaper(paper);
    // The store attaches a reply to a reply to its top-level comment; compare threads the same way.
    String thread = parentId;
    for (Comment c : all) {
      if (c.id().equals(parentId) && c.parentId() != null) {
        thread = c.parentId();
      }
    }
    for (Comment c : all) {
      if (user.id().equals(c.authorId())
          && !c.deleted()
          && Objects.equals(c.parentId(), thread)
          && c.body().equals(text)
          && !c.createdAt().isBefore(since)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
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
