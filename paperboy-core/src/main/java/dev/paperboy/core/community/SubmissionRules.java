package dev.paperboy.core.community;

import dev.paperboy.core.paper.Paper;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which papers may be submitted to today's list, each rule with a message fit for the person who
 * submitted:
 *
 * <ol>
 *   <li>recent: first submitted to arXiv at most {@code maxAge} before today (default 14 days), so
 *       the daily list stays about new work;
 *   <li>not withdrawn by its authors;
 *   <li>not already on a list (it is then there to be upvoted instead);
 *   <li>at most {@code perDay} submissions per user per UTC day (checked again by the store,
 *       atomically, see {@link SubmissionStore#submit}).
 * </ol>
 *
 * @param maxAge how long after its first version a paper may be submitted
 * @param perDay submissions per user per UTC day
 */
public record SubmissionRules(Duration maxAge, int perDay) {
  public SubmissionRules {
    if (maxAge == null || maxAge.toDays() < 1) {
      throw new IllegalArgumentException("maxAge must be at least 1 day, maxAge: " + maxAge);
    }
    if (perDay < 1) {
      throw new IllegalArgumentException("perDay must be >= 1, perDay: " + perDay);
    }
  }

  /**
   * Why {@code paper} may not be submitted on {@code today}, or empty when it may.
   *
   * @param listedOn a day the paper is already on, or null
   * @param submittedToday the user's submissions so far today
   */
  public Optional<String> refusal(
      Paper paper, LocalDate today, @Nullable LocalDate listedOn, int submittedToday) {
    if (paper.withdrawn()) {
      return Optional.of(
          "arXiv:" + paper.id() + " is withdrawn by its authors, so it cannot be submitted.");
    }
    LocalDate first = firstVersion(paper);
    long days = maxAge.toDays();
    if (first == null) {
      return Optional.of(
          "arXiv:" + paper.id() + " has no submission date, so its age cannot be checked.");
    }
    if (first.isBefore(today.minusDays(days))) {
      return Optional.of(
          "arXiv:"
              + paper.id()
              + " was first submitted on "
              + first
              + ": only papers from the last "
              + days
              + " days can be submitted.");
    }
    if (listedOn != null) {
      return Optional.of(
          "arXiv:" + paper.id() + " is already on the list of " + listedOn + ": upvote it there.");
    }
    if (submittedToday >= perDay) {
      return Optional.of(capMessage());
    }
    return Optional.empty();
  }

  public String capMessage() {
    return "You have submitted "
        + perDay
        + (perDay == 1 ? " paper" : " papers")
        + " today, the most one person may (UTC day): try again tomorrow.";
  }

  /** The day of the first version: {@code submitted}, else the first known version's date. */
  static @Nullable LocalDate firstVersion(Paper p) {
    if (p.submitted() != null) {
      return p.submitted();
    }
    if (!p.versions().isEmpty()) {
      return p.versions().get(0).date();
    }
    return p.displayDate();
  }
}
