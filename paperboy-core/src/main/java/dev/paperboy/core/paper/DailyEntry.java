package dev.paperboy.core.paper;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A paper featured on a day's list.
 *
 * <p>A paper can be on several days (announced by arXiv one day, curated on Hugging Face the next)
 * but on one day only once: {@code (day, paperId)} is the key. When two sources put the same paper
 * on the same day, the store keeps one row: the curated source wins its submitter, and the larger
 * upvote count is kept.
 *
 * @param upvotes the upvote count the source reported (the baseline; local votes are added by the
 *     store, see {@code PaperStore})
 * @param submitter who put it on the list (a Hugging Face user name, a local user's name), or null
 */
public record DailyEntry(
    LocalDate day,
    ArxivId paperId,
    EntrySource source,
    @Nullable String submitter,
    int upvotes,
    @Nullable Instant submittedAt) {

  public DailyEntry {
    if (day == null) {
      throw new IllegalArgumentException("day must not be null, paper: " + paperId);
    }
    if (paperId == null) {
      throw new IllegalArgumentException("paperId must not be null, day: " + day);
    }
    if (source == null) {
      throw new IllegalArgumentException("source must not be null, paper: " + paperId);
    }
    if (upvotes < 0) {
      throw new IllegalArgumentException(
          "upvotes must be >= 0, paper: " + paperId + ", upvotes: " + upvotes);
    }
  }

  /**
   * Combines two entries for the same day and paper: the more curated source ({@link
   * EntrySource#curation()}) gives source, submitter and time (filled from the other when it has
   * none), and the larger upvote count is kept. Idempotent and order-independent for the count.
   */
  public DailyEntry merge(DailyEntry other) {
    if (!day.equals(other.day) || !paperId.equals(other.paperId)) {
      throw new IllegalArgumentException(
          "cannot merge entries of different days or papers: "
              + day
              + "/"
              + paperId
              + " and "
              + other.day
              + "/"
              + other.paperId);
    }
    boolean otherWins = other.source.curation() > source.curation();
    DailyEntry base = otherWins ? other : this;
    DailyEntry rest = otherWins ? this : other;
    return new DailyEntry(
        day,
        paperId,
        base.source,
        base.submitter != null ? base.submitter : rest.submitter,
        Math.max(upvotes, other.upvotes),
        base.submittedAt != null ? base.submittedAt : rest.submittedAt);
  }
}
