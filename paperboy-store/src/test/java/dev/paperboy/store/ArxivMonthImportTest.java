package dev.paperboy.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.paperboy.core.paper.DailyEntry;
import dev.paperboy.core.paper.Outcome;
import dev.paperboy.core.paper.PaperStore;
import dev.paperboy.core.testing.SharedData;
import dev.paperboy.store.ArxivListingReader.Listing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real data: the 2025-03 arXiv listing month (2,327 records) imported twice; the second pass must
 * change nothing. Skipped when the shared data is absent.
 */
class ArxivMonthImportTest {
  private static final String MONTH = "arxiv-cs-listings-2025-03.jsonl.gz";

  private static @Nullable List<Listing> listings;

  /** The month's records, read once; skips the calling test when the shared data is absent. */
  private static synchronized List<Listing> listings() throws IOException {
    if (listings == null) {
      Path file = SharedData.require("arxiv").resolve(MONTH);
      assumeTrue(Files.exists(file), "skipped: " + file + " not found");
      listings = ArxivListingReader.read(file);
    }
    return listings;
  }

  @Test
  void secondImportIntoSqliteIsAllUnchanged(@TempDir Path dir) throws IOException {
    List<Listing> listings = listings();
    try (PaperStore store = JdbcPaperStore.owning(Database.sqlite(dir.resolve("paperboy.db")))) {
      importTwice(store, listings, "SQLite");
    }
  }

  @Test
  @ExtendWith(PostgresExtension.class)
  void secondImportIntoPostgresIsAllUnchanged(PostgresCluster pg) throws IOException {
    List<Listing> listings = listings();
    try (PaperStore store = JdbcPaperStore.owning(pg.newDatabase())) {
      importTwice(store, listings, "PostgreSQL");
    }
  }

  private static void importTwice(PaperStore store, List<Listing> listings, String name) {
    int n = listings.size();
    assertThat(n).isEqualTo(2327); // PROVENANCE.md: records per month, 2025-03 (partial)

    ArxivImport.Result first = ArxivImport.run(store, listings, 500);
    assertThat(first.papers(Outcome.ADDED)).isEqualTo(n);
    assertThat(first.entries(Outcome.ADDED)).isEqualTo(n);

    ArxivImport.Result second = ArxivImport.run(store, listings, 500);
    assertThat(second.papers(Outcome.UNCHANGED)).isEqualTo(n);
    assertThat(second.entries(Outcome.UNCHANGED)).isEqualTo(n);

    long days = listings.stream().map(l -> l.entry().day()).distinct().count();
    assertThat(store.stats().papers()).isEqualTo(n);
    assertThat(store.stats().entries()).isEqualTo(n);
    assertThat(store.stats().days()).isEqualTo(days);
    Listing sample = listings.get(n / 2);
    assertThat(store.findPaper(sample.paper().id())).contains(sample.paper());
    assertThat(store.entriesOf(sample.paper().id()))
        .containsExactly(sample.entry())
        .extracting(DailyEntry::day)
        .containsExactly(sample.paper().listingDate());
    // Timing is printed for information only; BENCHMARKS.md has the measured numbers.
    System.out.printf(
        "%s: %d records, first pass %.0f records/s, second pass %.0f records/s%n",
        name, n, first.recordsPerSecond(n), second.recordsPerSecond(n));
  }
}
