package dev.paperboy.store;

import dev.paperboy.core.paper.DailyEntry;
import dev.paperboy.core.paper.Outcome;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.paper.PaperStore;
import dev.paperboy.store.ArxivListingReader.Listing;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Writes real listings into a store in batches, as an importer would, and counts outcomes. */
final class ArxivImport {
  /**
   * Outcome counts of papers and of entries, and the time spent in the store: wall-clock, and the
   * CPU time of the importing thread (SQLite works in that thread, so on a busy machine the CPU
   * time says what the store costs when it need not wait for a core).
   */
  record Result(
      Map<Outcome, Integer> papers, Map<Outcome, Integer> entries, long nanos, long cpuNanos) {
    int papers(Outcome o) {
      return papers.getOrDefault(o, 0);
    }

    int entries(Outcome o) {
      return entries.getOrDefault(o, 0);
    }

    double recordsPerSecond(int records) {
      return records / (nanos / 1e9);
    }

    double recordsPerCpuSecond(int records) {
      return records / (cpuNanos / 1e9);
    }
  }

  private ArxivImport() {}

  static Result run(PaperStore store, List<Listing> listings, int batchSize) {
    Map<Outcome, Integer> papers = new EnumMap<>(Outcome.class);
    Map<Outcome, Integer> entries = new EnumMap<>(Outcome.class);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    for (int i = 0; i < listings.size(); i += batchSize) {
      List<Listing> batch = listings.subList(i, Math.min(listings.size(), i + batchSize));
      List<Paper> ps = new ArrayList<>(batch.size());
      List<DailyEntry> es = new ArrayList<>(batch.size());
      for (Listing l : batch) {
        ps.add(l.paper());
        es.add(l.entry());
      }
      store.upsertPapers(ps).forEach(o -> papers.merge(o, 1, Integer::sum));
      store.upsertEntries(es).forEach(o -> entries.merge(o, 1, Integer::sum));
    }
    long nanos = System.nanoTime() - start;
    return new Result(papers, entries, nanos, threads.getCurrentThreadCpuTime() - cpuStart);
  }
}
