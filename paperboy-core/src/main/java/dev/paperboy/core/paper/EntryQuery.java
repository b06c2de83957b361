package dev.paperboy.core.paper;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * Which day-list entries to read: a range of days (both ends included), optionally only papers of
 * one category, optionally only entries with at least some upvotes.
 *
 * @param from the first day
 * @param to the last day, on or after {@code from}
 * @param category a canonical arXiv category code ({@code cs.CL}) the paper must be listed in
 *     (primary or cross-list), or null for all
 * @param minUpvotes keep entries with at least this many upvotes (0 keeps all)
 */
public record EntryQuery(LocalDate from, LocalDate to, @Nullable String category, int minUpvotes) {

  /** The longest range a query may span; longer lists are paged by range, not read at once. */
  public static final int MAX_DAYS = 400;

  public EntryQuery {
    if (from == null || to == null) {
      throw new IllegalArgumentException(
          "from and to must not be null, from: " + from + ", to: " + to);
    }
    if (from.isAfter(to)) {
      throw new IllegalArgumentException(
          "date range is empty: from " + from + " is after to " + to);
    }
    if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
      throw new IllegalArgumentException(
          "date range too long (at most " + MAX_DAYS + " days), from: " + from + ", to: " + to);
    }
    if (category != null && category.isBlank()) {
      category = null;
    }
    if (minUpvotes < 0) {
      throw new IllegalArgumentException("minUpvotes must be >= 0, minUpvotes: " + minUpvotes);
    }
  }

  /** Every entry of one day. */
  public static EntryQuery day(LocalDate day) {
    return new EntryQuery(day, day, null, 0);
  }

  /** Every entry from {@code from} to {@code to}. */
  public static EntryQuery between(LocalDate from, LocalDate to) {
    return new EntryQuery(from, to, null, 0);
  }

  public EntryQuery withCategory(@Nullable String code) {
    return new EntryQuery(from, to, code, minUpvotes);
  }

  public EntryQuery withMinUpvotes(int min) {
    return new EntryQuery(from, to, category, min);
  }

  /** True when {@code e} lies in the range and has enough upvotes (the category is not checked). */
  public boolean matchesEntry(DailyEntry e) {
    return !e.day().isBefore(from) && !e.day().isAfter(to) && e.upvotes() >= minUpvotes;
  }
}
