package dev.paperboy.core.paper;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The store of record: papers and the daily lists they appear on. Everything else (the search
 * index, feeds) is derived from it and can be rebuilt from it.
 *
 * <p>Every write is idempotent: writing the same papers or entries again reports {@link
 * Outcome#UNCHANGED} and changes nothing.
 */
public interface PaperStore extends AutoCloseable {

  /**
   * Merges each paper into what is stored ({@link PaperMerge}) in one transaction.
   *
   * @return one outcome per paper, in input order
   */
  List<Outcome> upsertPapers(List<Paper> papers);

  /**
   * Adds or updates day-list entries in one transaction; each entry's paper must already be stored.
   * An entry for a {@code (day, paper)} already present keeps the larger upvote count and the
   * submitter of the curated source.
   *
   * @return one outcome per entry, in input order
   */
  List<Outcome> upsertEntries(List<DailyEntry> entries);

  Optional<Paper> findPaper(ArxivId id);

  /** The papers found for {@code ids}, in the order of {@code ids}; unknown ids are skipped. */
  List<Paper> findPapers(Collection<ArxivId> ids);

  /**
   * Up to {@code limit} papers with ids greater than {@code after} (all when null), in id order:
   * keyset pagination for reindexing and exports that never skips or repeats a paper.
   */
  List<Paper> papersAfter(@Nullable ArxivId after, int limit);

  /**
   * The highest number of the store's change sequence: 0 for a store where nothing changed yet.
   *
   * <p>Every write that changes what a search index holds for a paper (the paper added or updated,
   * one of its day-list entries added or changed, a new vector for it) stamps the paper with the
   * next number, in the same transaction. The sequence only grows, and a reader that saw number
   * {@code n} never later sees a newly committed change numbered {@code n} or less, even with
   * concurrent writers (on PostgreSQL stamping is serialised to commit). A write that changes
   * nothing stamps nothing. An index that remembers the horizon it has indexed up to can thus catch
   * up with the store by itself ({@link dev.paperboy.core.search.IndexFollower}).
   */
  long changeHorizon();

  /**
   * Up to {@code limit} papers whose last change is numbered above {@code seq}, in change order
   * (each paper once, at its latest number; numbers are unique per paper).
   *
   * @param seq >= 0
   * @param limit >= 1
   * @throws IllegalArgumentException naming a bad seq or limit
   */
  List<PaperChange> changesAfter(long seq, int limit);

  /** Checks the arguments of {@link #changesAfter}. */
  static void checkChanges(long seq, int limit) {
    if (seq < 0) {
      throw new IllegalArgumentException("seq must be >= 0, seq: " + seq);
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, limit: " + limit);
    }
  }

  /** The entries of one day, most upvoted first, then by paper id. */
  List<DailyEntry> entriesOn(LocalDate day);

  /** The days on which {@code id} was featured, oldest first. */
  List<DailyEntry> entriesOf(ArxivId id);

  /** The latest day that has at least one entry. */
  Optional<LocalDate> latestDay();

  /** The nearest day before {@code day} that has entries. */
  Optional<LocalDate> dayBefore(LocalDate day);

  /** The nearest day after {@code day} that has entries. */
  Optional<LocalDate> dayAfter(LocalDate day);

  /**
   * The latest day with an entry for a paper of {@code category} (its primary category or a
   * cross-list): where a category page's window ends, so that a quiet category shows its own last
   * weeks of papers instead of an empty window that ends on the store's latest list (whose papers,
   * on a Hugging Face day, may be of any category but this one).
   *
   * <p>The default walks back day by day from {@link #latestDay}; stores override it with one
   * indexed query.
   */
  default Optional<LocalDate> latestDayIn(String category) {
    Optional<LocalDate> latest = latestDay();
    if (latest.isEmpty()) {
      return latest;
    }
    return hasCategoryOn(this, category, latest.get())
        ? latest
        : dayBeforeIn(category, latest.get());
  }

  /** The nearest day before {@code day} with an entry for a paper of {@code category}. */
  default Optional<LocalDate> dayBeforeIn(String category, LocalDate day) {
    Optional<LocalDate> d = dayBefore(day);
    while (d.isPresent() && !hasCategoryOn(this, category, d.get())) {
      d = dayBefore(d.get());
    }
    return d;
  }

  /** The nearest day after {@code day} with an entry for a paper of {@code category}. */
  default Optional<LocalDate> dayAfterIn(String category, LocalDate day) {
    Optional<LocalDate> d = dayAfter(day);
    while (d.isPresent() && !hasCategoryOn(this, category, d.get())) {
      d = dayAfter(d.get());
    }
    return d;
  }

  private static boolean hasCategoryOn(PaperStore store, String category, LocalDate day) {
    List<ArxivId> ids = store.entriesOn(day).stream().map(DailyEntry::paperId).toList();
    return store.findPapers(ids).stream().anyMatch(p -> p.categories().contains(category));
  }

  /** The most entries one call of {@link #entries} returns. */
  int MAX_PAGE = 1000;

  /**
   * The entries that match {@code query}, one per paper, sorted by {@code order}, then paged.
   *
   * <p>A paper featured on several days of the range appears once: its entry with the most upvotes
   * stands for it (the later day on a tie), so a week or month list has no duplicates. Ordering
   * ends with the paper id, so pages are stable: paging through with {@code offset} never skips or
   * repeats an entry while the store does not change.
   *
   * <p>The default reads the range day by day through {@link #entriesOn}; stores override it with
   * one indexed query.
   *
   * @param offset entries to skip, >= 0
   * @param limit entries to return, 1..{@link #MAX_PAGE}
   * @throws IllegalArgumentException naming a bad offset or limit
   */
  default List<DailyEntry> entries(EntryQuery query, EntryOrder order, int offset, int limit) {
    checkPage(offset, limit);
    List<DailyEntry> all = matching(this, query);
    all.sort(order.comparator());
    if (offset >= all.size()) {
      return List.of();
    }
    return List.copyOf(all.subList(offset, Math.min(all.size(), offset + limit)));
  }

  /** How many papers {@link #entries} lists for {@code query} in all. */
  default long countEntries(EntryQuery query) {
    return matching(this, query).size();
  }

  /**
   * The days from {@code from} to {@code to} (both included) that have entries, with how many,
   * oldest first. Days without entries are left out.
   *
   * <p>The default walks the days with {@link #dayAfter}; stores override it with one query.
   */
  default List<DayCount> dayCounts(LocalDate from, LocalDate to) {
    EntryQuery range = EntryQuery.between(from, to); // validates the range
    List<DayCount> out = new ArrayList<>();
    Optional<LocalDate> day = dayAfter(range.from().minusDays(1));
    while (day.isPresent() && !day.get().isAfter(range.to())) {
      out.add(new DayCount(day.get(), entriesOn(day.get()).size()));
      day = dayAfter(day.get());
    }
    return out;
  }

  /**
   * The upvotes of each paper in {@code ids}: the most any of its entries has (every list a paper
   * is on shows the same community's votes). Papers without entries are left out.
   *
   * <p>The default asks {@link #entriesOf} per paper; stores override it with one query.
   */
  default Map<ArxivId, Integer> upvotesOf(Collection<ArxivId> ids) {
    Map<ArxivId, Integer> out = new HashMap<>();
    for (ArxivId id : new HashSet<>(ids)) {
      entriesOf(id).stream().mapToInt(DailyEntry::upvotes).max().ifPresent(max -> out.put(id, max));
    }
    return out;
  }

  /** Checks the paging arguments of {@link #entries}. */
  static void checkPage(int offset, int limit) {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be >= 0, offset: " + offset);
    }
    if (limit < 1 || limit > MAX_PAGE) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_PAGE + ", limit: " + limit);
    }
  }

  /**
   * The one entry per paper that {@link #entries} ranks: of a paper's entries, the one with the
   * most upvotes, the later day on a tie.
   */
  static boolean betterRepresentative(DailyEntry candidate, DailyEntry current) {
    if (candidate.upvotes() != current.upvotes()) {
      return candidate.upvotes() > current.upvotes();
    }
    return candidate.day().isAfter(current.day());
  }

  private static List<DailyEntry> matching(PaperStore store, EntryQuery query) {
    Map<ArxivId, DailyEntry> best = new HashMap<>();
    for (DayCount d : store.dayCounts(query.from(), query.to())) {
      for (DailyEntry e : store.entriesOn(d.day())) {
        if (query.matchesEntry(e)) {
          best.merge(e.paperId(), e, (a, b) -> betterRepresentative(b, a) ? b : a);
        }
      }
    }
    List<DailyEntry> out = new ArrayList<>(best.values());
    if (query.category() != null) {
      Set<ArxivId> inCategory = new HashSet<>();
      for (Paper p : store.findPapers(best.keySet())) {
        if (p.categories().contains(query.category())) {
          inCategory.add(p.id());
        }
      }
      out.removeIf(e -> !inCategory.contains(e.paperId()));
    }
    return out;
  }

  StoreStats stats();

  /** Closes connections; does not throw checked exceptions. */
  @Override
  void close();
}
