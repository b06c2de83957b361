package dev.paperboy.core.community;

import dev.paperboy.core.account.UserId;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.DailyEntry;
import java.time.Instant;
import java.util.List;

/** Community submissions: a day-list entry of source {@code COMMUNITY} and who made it. */
public interface SubmissionStore {

  /** What {@link #submit} did. */
  enum Outcome {
    /** The paper is on the day's list now. */
    SUBMITTED,
    /** The paper was already on a list (perhaps submitted a moment ago by someone else). */
    ALREADY_LISTED,
    /** The user reached the daily cap. */
    CAP_REACHED
  }

  /**
   * Puts {@code entry}'s paper (already stored) on its day's list for {@code user}, in one
   * transaction that first checks, under a lock, that the paper is on no list and that the user
   * made fewer than {@code dailyCap} submissions since {@code dayStart}: two concurrent submissions
   * of one paper give one entry, and a user cannot pass the cap by racing.
   */
  Outcome submit(UserId user, DailyEntry entry, Instant dayStart, int dailyCap);

  /** How many papers the user submitted since {@code since}. */
  int countSince(UserId user, Instant since);

  /** The user's submissions, newest first, at most {@code limit}. */
  List<Submission> submissionsOf(UserId user, int limit);

  /** True when the paper is on at least one day's list. */
  boolean isListed(ArxivId paper);
}
