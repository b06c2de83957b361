package dev.paperboy.core.community;

import dev.paperboy.core.account.UserId;
import dev.paperboy.core.paper.ArxivId;
import java.time.Instant;

/** A user's upvote of a paper: at most one per user and paper. */
public record Vote(UserId userId, ArxivId paperId, Instant createdAt) {
  public Vote {
    if (userId == null || paperId == null || createdAt == null) {
      throw new IllegalArgumentException(
          "userId, paperId and createdAt must not be null, paper: " + paperId);
    }
  }
}
