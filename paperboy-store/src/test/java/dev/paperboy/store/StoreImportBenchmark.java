package dev.paperboy.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.paperboy.core.paper.Outcome;
import dev.paperboy.core.paper.PaperStore;
import dev.paperboy.core.testing.SharedData;
import dev.paperboy.store.ArxivListingReader.Listing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Store upsert throughput on the whole arXiv folder (74,728 records): every record is read into
 * memory first, so the times are store time only (papers and their day-list entries, batches of
 * 500, one transaction per call). A benchmark, not a test: it asserts nothing about time and runs
 * only when asked:
 *
 * <pre>
 * mvn -o -q -pl paperboy-core,paperboy-store install -DskipTests   # or: -am verify
 * mvn -o -pl paperboy-core,paperboy-store verify -Dtest=StoreImportBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dpaperboy.bench=true
 * </pre>
 *
 * Set {@code -Dpaperboy.bench.files=arxiv-cs-listings-2025-03.jsonl.gz} for one month, {@code
 * -Dpaperboy.bench.batch=1000} for another batch size.
 */
@EnabledIfSystemProperty(named = "paperboy.bench", matches = "true")
class StoreImportBenchmark {
  private static List<Listing> listings;

  @BeforeAll
  static void read() throws IOException {
    Path dir = SharedData.require("arxiv");
    String only = System.getProperty("paperboy.bench.files", "");
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files =
          s.filter(p -> p.getFileName().toString().endsWith(".jsonl.gz"))
              .filter(p -> only.isBlank() || only.contains(p.getFileName().toString()))
              .sorted()
              .toList();
    }
    assumeTrue(!files.isEmpty(), "no arXiv files in " + dir);
    listings = new ArrayList<>();
    long start = System.nanoTime();
    for (Path f : files) {
      listings.addAll(ArxivListingReader.read(f));
    }
    System.out.printf(
        "read %d records from %d files in %.1f s (not counted below)%n",
        listings.size(), files.size(), (System.nanoTime() - start) / 1e9);
  }

  @Test
  void sqlite(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("paperboy.db");
    try (PaperStore store = JdbcPaperStore.owning(Database.sqlite(file))) {
      measure(store, "SQLite");
    }
    long bytes = 0;
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.toList()) {
        bytes += Files.size(p);
      }
    }
    System.out.printf("SQLite files: %.1f MB%n", bytes / 1e6);
  }

  /** The thread CPU time here excludes the server's work, so only the wall-clock time counts. */
  @Test
  @ExtendWith(PostgresExtension.class)
  void postgres(PostgresCluster pg) {
    try (PaperStore store = JdbcPaperStore.owning(pg.newDatabase())) {
      measure(store, "PostgreSQL (fsync off)");
    }
  }

  private static void measure(PaperStore store, String name) {
    int batch = Integer.getInteger("paperboy.bench.batch", 500);
    int n = listings.size();
    ArxivImport.Result first = ArxivImport.run(store, listings, batch);
    ArxivImport.Result second = ArxivImport.run(store, listings, batch);
    System.out.printf(
        "%s, batch %d, %d records: first pass (all added: %d) %.2f s = %.0f records/s, thread CPU"
            + " %.2f s = %.0f records/CPU-s; second pass (all unchanged: %d) %.2f s = %.0f"
            + " records/s, thread CPU %.2f s = %.0f records/CPU-s%n",
        name,
        batch,
        n,
        first.papers(Outcome.ADDED),
        first.nanos() / 1e9,
        first.recordsPerSecond(n),
        first.cpuNanos() / 1e9,
        first.recordsPerCpuSecond(n),
        second.papers(Outcome.UNCHANGED),
        second.nanos() / 1e9,
        second.recordsPerSecond(n),
        second.cpuNanos() / 1e9,
        second.recordsPerCpuSecond(n));
  }
}
