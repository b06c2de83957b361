package dev.paperboy.core.testing;

import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.DailyEntry;
import dev.paperboy.core.paper.DayCount;
import dev.paperboy.core.paper.EntryOrder;
import dev.paperboy.core.paper.EntryQuery;
import dev.paperboy.core.paper.Outcome;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.paper.PaperChange;
import dev.paperboy.core.paper.PaperMerge;
import dev.paperboy.core.paper.PaperStore;
import dev.paperboy.core.paper.StoreStats;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** A {@link PaperStore} in memory, for tests of code that only needs the port. */
public final class InMemoryPaperStore implements PaperStore {
  private final Map<ArxivId, Paper> papers = new TreeMap<>();
  private final Map<String, DailyEntry> entries = new TreeMap<>();
  private final Map<ArxivId, Long> changeSeq = new HashMap<>();
  private long horizon;

  private void stamp(ArxivId id) {
    changeSeq.put(id, ++horizon);
  }

  @Override
  public synchronized long changeHorizon() {
    return horizon;
  }

  @Override
  public synchronized List<PaperChange> changesAfter(long seq, int limit) {
    PaperStore.checkChanges(seq, limit);
    return changeSeq.entrySet().stream()
        .filter(e -> e.getValue() > seq)
        .map(e -> new PaperChange(e.getKey(), e.getValue()))
        .sorted(Comparator.comparingLong(PaperChange::seq))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized List<Outcome> upsertPapers(List<Paper> batch) {
    List<Outcome> out = new ArrayList<>(batch.size());
    for (Paper p : batch) {
      Paper old = papers.get(p.id());
      if (old == null) {
        papers.put(p.id(), p);
        stamp(p.id());
        out.add(Outcome.ADDED);
        continue;
      }
      Paper merged = PaperMerge.merge(old, p);
      papers.put(p.id(), merged);
      if (!merged.equals(old)) {
        stamp(p.id());
      }
      out.add(merged.equals(old) ? Outcome.UNCHANGED : Outcome.UPDATED);
    }
    return out;
  }

  @Override
  public synchronized List<Outcome> upsertEntries(List<DailyEntry> batch) {
    // Check the whole batch first: like a database transaction, a rejected batch writes nothing.
    for (DailyEntry e : batch) {
      if (!papers.containsKey(e.paperId())) {
        throw new IllegalStateException("entry for unknown paper " + e.paperId());
      }
    }
    List<Outcome> out = new ArrayList<>(batch.size());
    for (DailyEntry e : batch) {
      String key = e.day() + "/" + e.paperId();
      DailyEntry old = entries.get(key);
      if (old == null) {
        entries.put(key, e);
        stamp(e.paperId());
        out.add(Outcome.ADDED);
        continue;
      }
      DailyEntry merged = old.merge(e);
      entries.put(key, merged);
      if (!merged.equals(old)) {
        stamp(e.paperId());
      }
      out.add(merged.equals(old) ? Outcome.UNCHANGED : Outcome.UPDATED);
    }
    return out;
  }

  @Override
  public synchronized Optional<Paper> findPaper(ArxivId id) {
    return Optional.ofNullable(papers.get(id));
  }

  @Override
  public synchronized List<Paper> findPapers(Collection<ArxivId> ids) {
    return ids.stream().map(papers::get).filter(Objects::nonNull).toList();
  }

  @Override
  public synchronized List<Paper> papersAfter(@Nullable ArxivId after, int limit) {
    return papers.values().stream()
        .filter(p -> after == null || p.id().compareTo(after) > 0)
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized List<DailyEntry> entriesOn(LocalDate day) {
    return entries.values().stream()
        .filter(e -> e.day().equals(day))
        .sorted(
            Comparator.comparingInt(DailyEntry::upvotes)
                .reversed()
                .thenComparing(DailyEntry::paperId))
        .toList();
  }

  @Override
  public synchronized List<DailyEntry> entriesOf(ArxivId id) {
    return entries.values().stream()
        .filter(e -> e.paperId().equals(id))
        .sorted(Comparator.comparing(DailyEntry::day))
        .toList();
  }

  @Override
  public synchronized Optional<LocalDate> latestDay() {
    return entries.values().stream().map(DailyEntry::day).max(Comparator.naturalOrder());
  }

  @Override
  public synchronized Optional<LocalDate> dayBefore(LocalDate day) {
    return entries.values().stream()
        .map(DailyEntry::day)
        .filter(d -> d.isBefore(day))
        .max(Comparator.naturalOrder());
  }

  @Override
  public synchronized Optional<LocalDate> dayAfter(LocalDate day) {
    return entries.values().stream()
        .map(DailyEntry::day)
        .filter(d -> d.isAfter(day))
        .min(Comparator.naturalOrder());
  }

  @Override
  public synchronized Optional<LocalDate> latestDayIn(String category) {
    return daysIn(category).max(Comparator.naturalOrder());
  }

  @Override
  public synchronized Optional<LocalDate> dayBeforeIn(String category, LocalDate day) {
    return daysIn(category).filter(d -> d.isBefore(day)).max(Comparator.naturalOrder());
  }

  @Override
  public synchronized Optional<LocalDate> dayAfterIn(String category, LocalDate day) {
    return daysIn(category).filter(d -> d.isAfter(day)).min(Comparator.naturalOrder());
  }

  private java.util.stream.Stream<LocalDate> daysIn(String category) {
    return entries.values().stream()
        .filter(e -> papers.get(e.paperId()).categories().contains(category))
        .map(DailyEntry::day);
  }

  @Override
  public synchronized List<DailyEntry> entries(
      EntryQuery query, EntryOrder order, int offset, int limit) {
    PaperStore.checkPage(offset, limit);
    return matching(query).stream().sorted(order.comparator()).skip(offset).limit(limit).toList();
  }

  @Override
  public synchronized long countEntries(EntryQuery query) {
    return matching(query).size();
  }

  @Override
  public synchronized List<DayCount> dayCounts(LocalDate from, LocalDate to) {
    EntryQuery range = EntryQuery.between(from, to);
    Map<LocalDate, Integer> counts = new TreeMap<>();
    for (DailyEntry e : entries.values()) {
      if (range.matchesEntry(e)) {
        counts.merge(e.day(), 1, Integer::sum);
      }
    }
    return counts.entrySet().stream().map(c -> new DayCount(c.getKey(), c.getValue())).toList();
  }

  @Override
  public synchronized Map<ArxivId, Integer> upvotesOf(Collection<ArxivId> ids) {
    Map<ArxivId, Integer> out = new HashMap<>();
    for (DailyEntry e : entries.values()) {
      if (ids.contains(e.paperId())) {
        out.merge(e.paperId(), e.upvotes(), Math::max);
      }
    }
    return out;
  }

  private List<DailyEntry> matching(EntryQuery query) {
    Map<ArxivId, DailyEntry> best = new HashMap<>();
    for (DailyEntry e : entries.values()) {
      if (!query.matchesEntry(e)) {
        continue;
      }
      if (query.category() != null
          && !papers.get(e.paperId()).categories().contains(query.category())) {
        continue;
      }
      best.merge(e.paperId(), e, (a, b) -> PaperStore.betterRepresentative(b, a) ? b : a);
    }
    return new ArrayList<>(best.values());
  }

  @Override
  public synchronized StoreStats stats() {
    List<LocalDate> days =
        entries.values().stream().map(DailyEntry::day).distinct().sorted().toList();
    return new StoreStats(
        papers.size(),
        entries.size(),
        days.size(),
        papers.values().stream().filter(Paper::hasCode).count(),
        days.isEmpty() ? null : days.get(0),
        days.isEmpty() ? null : days.get(days.size() - 1));
  }

  @Override
  public void close() {}
}
