package dev.paperboy.core.community;

import dev.paperboy.core.account.UserId;
import dev.paperboy.core.paper.ArxivId;
import java.time.Instant;
import java.time.LocalDate;

/** A paper a user put on a day's list. */
public record Submission(UserId userId, ArxivId paperId, LocalDate day, Instant createdAt) {
  public Submission {
    if (userId == null || paperId == null || day == null || createdAt == null) {
      throw new IllegalArgumentException(
          "userId, paperId, day and createdAt must not be null, paper: " + paperId);
    }
  }
}
