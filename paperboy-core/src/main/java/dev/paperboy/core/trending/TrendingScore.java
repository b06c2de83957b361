package dev.paperboy.core.trending;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The trending score: upvotes with exponential time decay.
 *
 * <pre>
 *   score = upvotes * 2^(-age / halfLife)
 *   age   = now - (start of the day the paper was featured, UTC), at least 0
 * </pre>
 *
 * <p>This is "Newton's law of cooling" ranking (Evan Miller, "Rank Hotness With Newton's Law of
 * Cooling", 2009): each paper's score cools exponentially, so a vote is worth half as much one
 * half-life later. Unlike the Hacker News gravity formula, {@code (P-1) / (T+2)^1.8}, exponential
 * decay keeps the order of two papers fixed as time passes (both scores shrink by the same factor),
 * so a list does not reshuffle between two page loads without new votes; only a newer paper or new
 * votes change it. Age counts from the start of the featured day because a day's list is published
 * as a whole: papers of the same day age together and are ranked by votes among themselves.
 *
 * <p>The half-life comes from the window the reader picks ({@link TrendingWindow#halfLife()}).
 */
public final class TrendingScore {
  private TrendingScore() {}

  /**
   * The score of a paper with {@code upvotes} featured on {@code featuredDay}, seen at {@code now}.
   *
   * @throws IllegalArgumentException when upvotes is negative or the half-life is not positive
   */
  public static double score(int upvotes, LocalDate featuredDay, Instant now, Duration halfLife) {
    if (upvotes < 0) {
      throw new IllegalArgumentException("upvotes must be >= 0, upvotes: " + upvotes);
    }
    if (halfLife == null || halfLife.isZero() || halfLife.isNegative()) {
      throw new IllegalArgumentException("halfLife must be positive, halfLife: " + halfLife);
    }
    Instant featured = featuredDay.atStartOfDay(ZoneOffset.UTC).toInstant();
    // A paper featured "in the future" (a clock behind the data) is treated as brand new.
    double ageSeconds = Math.max(0, Duration.between(featured, now).toSeconds());
    double halfLives = ageSeconds / halfLife.toSeconds();
    return upvotes * Math.pow(2, -halfLives);
  }
}
