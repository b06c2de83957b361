package dev.paperboy.core.paper;

import java.util.Comparator;

/**
 * How a list of day-list entries is ordered. Every order ends with the paper id, so it is total.
 */
public enum EntryOrder {
  /** Most upvoted first, then the later day, then paper id: the order of a day's list. */
  UPVOTES,
  /** The later day first, then most upvoted, then paper id. */
  NEWEST;

  /** The order as a comparator, for stores that sort in memory. */
  public Comparator<DailyEntry> comparator() {
    Comparator<DailyEntry> byVotes = Comparator.comparingInt(DailyEntry::upvotes).reversed();
    Comparator<DailyEntry> byDay = Comparator.comparing(DailyEntry::day).reversed();
    Comparator<DailyEntry> first =
        this == UPVOTES ? byVotes.thenComparing(byDay) : byDay.thenComparing(byVotes);
    return first.thenComparing(DailyEntry::paperId);
  }
}
