package dev.paperboy.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.EntryOrder;
import dev.paperboy.core.paper.EntryQuery;
import dev.paperboy.core.paper.PaperStore;
import dev.paperboy.core.testing.SharedData;
import dev.paperboy.store.ArxivListingReader.Listing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Latency of the list queries the web pages make, on the whole arXiv folder (74,728 papers, one
 * entry each): the median of 50 runs after 10 warm-up runs. A benchmark, not a test; it runs only
 * when asked:
 *
 * <pre>
 * mvn -o -pl paperboy-core,paperboy-store verify -Dtest=ListQueryBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dpaperboy.bench=true
 * </pre>
 */
@EnabledIfSystemProperty(named = "paperboy.bench", matches = "true")
class ListQueryBenchmark {

  @Test
  void sqlite(@TempDir Path dir) throws IOException {
    try (PaperStore store = JdbcPaperStore.owning(Database.sqlite(dir.resolve("paperboy.db")))) {
      run(store, "SQLite");
    }
  }

  @Test
  @ExtendWith(PostgresExtension.class)
  void postgres(PostgresCluster pg) throws IOException {
    try (PaperStore store = JdbcPaperStore.owning(pg.newDatabase())) {
      run(store, "PostgreSQL");
    }
  }

  private static void run(PaperStore store, String name) throws IOException {
    Path arxiv = SharedData.require("arxiv");
    List<Listing> listings = new ArrayList<>();
    try (Stream<Path> s = Files.list(arxiv)) {
      for (Path f : s.filter(p -> p.toString().endsWith(".jsonl.gz")).sorted().toList()) {
        listings.addAll(ArxivListingReader.read(f));
      }
    }
    assumeTrue(!listings.isEmpty(), "no arXiv listings");
    ArxivImport.run(store, listings, 500);
    LocalDate day = LocalDate.of(2026, 6, 16); // 568 entries
    EntryQuery dayQ = EntryQuery.day(day);
    EntryQuery week = EntryQuery.between(LocalDate.of(2026, 6, 15), LocalDate.of(2026, 6, 21));
    EntryQuery month = EntryQuery.between(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30));
    List<ArxivId> ids =
        store.entries(month, EntryOrder.UPVOTES, 0, 50).stream().map(e -> e.paperId()).toList();
    System.out.printf("%s, %s%n", name, store.stats());
    time(name, "entries(day, first 50)", () -> store.entries(dayQ, EntryOrder.UPVOTES, 0, 50));
    time(name, "entries(week, first 50)", () -> store.entries(week, EntryOrder.UPVOTES, 0, 50));
    time(name, "entries(month, first 50)", () -> store.entries(month, EntryOrder.UPVOTES, 0, 50));
    time(name, "entries(month, page 40)", () -> store.entries(month, EntryOrder.UPVOTES, 2000, 50));
    time(
        name,
        "entries(month, cs.CL)",
        () -> store.entries(month.withCategory("cs.CL"), EntryOrder.NEWEST, 0, 50));
    time(
        name,
        "entries(month, upvotes>=1)",
        () -> store.entries(month.withMinUpvotes(1), EntryOrder.UPVOTES, 0, 1000));
    time(name, "countEntries(month)", () -> store.countEntries(month));
    time(name, "dayCounts(month)", () -> store.dayCounts(month.from(), month.to()));
    time(name, "upvotesOf(50 ids)", () -> store.upvotesOf(ids));
    time(name, "findPapers(50 ids)", () -> store.findPapers(ids));
    time(
        name,
        "latestDay+dayBefore+dayAfter",
        () -> List.of(store.latestDay(), store.dayBefore(day), store.dayAfter(day)));
  }

  private static void time(String store, String what, Supplier<?> query) {
    for (int i = 0; i < 10; i++) {
      query.get();
    }
    long[] nanos = new long[50];
    for (int i = 0; i < nanos.length; i++) {
      long t = System.nanoTime();
      query.get();
      nanos[i] = System.nanoTime() - t;
    }
    Arrays.sort(nanos);
    System.out.printf(
        "%s %-30s median %7.2f ms, max %7.2f ms%n", store, what, nanos[25] / 1e6, nanos[49] / 1e6);
  }
}
