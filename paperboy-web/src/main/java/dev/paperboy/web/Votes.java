package dev.paperboy.web;

import dev.paperboy.core.account.User;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.PaperStore;
import io.javalin.http.Context;
import java.util.NoSuchElementException;

/**
 * Casting and taking back upvotes, shared by the form on every list and the JSON API: rate limits
 * (per user and per IP), then the store's idempotent write, then the new total.
 */
final class Votes {
  /** The outcome: the paper's total (imported baseline + local votes) and the viewer's vote. */
  record Result(ArxivId paper, int upvotes, boolean upvoted, boolean changed) {}

  private final Community community;
  private final WebSecurity security;
  private final PaperStore store;

  Votes(Community community, WebSecurity security, PaperStore store) {
    this.community = community;
    this.security = security;
    this.store = store;
  }

  /** Upvotes ({@code up}) or takes the upvote back; a repeat changes nothing. */
  Result vote(Context ctx, ArxivId paper, boolean up) {
    User user = security.requireUser(ctx).user();
    RateLimits limits = community.config().limits();
    security.limit(limits.votesPerUser(), user.id().value());
    security.limitIp(ctx, limits.votesPerIp());
    if (store.findPaper(paper).isEmpty()) {
      throw new NotFound("No paper " + paper + " in this Paperboy.");
    }
    boolean changed;
    if (up) {
      try {
        changed = community.votes().upvote(user.id(), paper, community.clock().instant());
      } catch (NoSuchElementException e) {
        throw Refused.conflict(
            "Paper " + paper + " is on no list yet, so it cannot be upvoted: submit it first.");
      }
    } else {
      changed = community.votes().removeUpvote(user.id(), paper);
    }
    int total = store.upvotesOf(java.util.List.of(paper)).getOrDefault(paper, 0);
    return new Result(paper, total, up, changed);
  }
}
