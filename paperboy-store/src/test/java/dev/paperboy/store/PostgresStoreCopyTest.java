package dev.paperboy.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.core.embed.StoredVector;
import dev.paperboy.core.ingest.HarvestCheckpoint;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.DailyEntry;
import dev.paperboy.core.paper.EntrySource;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.testing.Papers;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code paperboy migrate}: an SQLite store copied into PostgreSQL, table by table. */
@ExtendWith(PostgresExtension.class)
class PostgresStoreCopyTest {
  @TempDir Path dir;

  static final Instant NOW = Instant.parse("2026-03-02T20:00:00.123456Z");

  /** An SQLite store with rows in every table this version has. */
  private Database filledSqlite(int papers) {
    Database db = Database.sqlite(dir.resolve("paperboy.db"));
    JdbcPaperStore store = new JdbcPaperStore(db);
    List<Paper> list = new ArrayList<>();
    List<DailyEntry> entries = new ArrayList<>();
    List<StoredVector> vectors = new ArrayList<>();
    for (int i = 1; i <= papers; i++) {
      Paper p =
          Papers.paper(String.format("2501.%05d", i), "Paper number " + i, "Abstract " + i)
              .toBuilder()
              .codeUrl(i % 3 == 0 ? "https://github.com/o/r" + i : null)
              .submitted(LocalDate.of(2025, 1, 1 + i % 28))
              .build();
      list.add(p);
      entries.add(
          new DailyEntry(
              LocalDate.of(2025, 1, 2 + i % 20),
              p.id(),
              EntrySource.values()[i % EntrySource.values().length],
              i % 2 == 0 ? "someone" : null,
              i,
              i % 2 == 0 ? NOW : null));
      vectors.add(
          new StoredVector(p.id(), "m", String.format("%064x", i), new float[] {i, -i, 0.5f}));
    }
    store.upsertPapers(list);
    store.upsertEntries(entries);
    new JdbcEmbeddingStore(db).putVectors(vectors);
    new JdbcHarvestCheckpoints(db)
        .save(
            new HarvestCheckpoint(
                "https://oai", "cs", LocalDate.of(2025, 1, 5), "tok", null, null, 3, 300, NOW));
    new JdbcLeases(db, Clock.fixed(NOW, ZoneOffset.UTC))
        .acquire("daily-ingest", "node-a", Duration.ofMinutes(5));
    return db;
  }

  @Test
  void copiesEveryTableAndReadsBackTheSame(PostgresCluster pg) {
    try (Database sqlite = filledSqlite(2500);
        Database postgres = Database.postgres(pg.createDatabase(), pg.user(), null)) {
      List<String> seen = new ArrayList<>();
      StoreCopy.Result r =
          StoreCopy.copy(
              sqlite,
              postgres,
              1000,
              (t, done, total) -> {
                if (done == total) {
                  seen.add(t);
                }
              });
      assertThat(r.verified()).isTrue();
      Map<String, Long> counts = new TreeMap<>();
      r.tables().forEach(t -> counts.put(t.table(), t.targetRows()));
      assertThat(counts)
          .containsEntry("paper", 2500L)
          .containsEntry("daily_entry", 2500L)
          .containsEntry("paper_vector", 2500L)
          .containsEntry("harvest_checkpoint", 1L)
          .containsEntry("job_lease", 1L);
      assertThat(counts.get("paper_category")).isPositive();
      // Parents before children.
      List<String> order = r.tables().stream().map(StoreCopy.TableResult::table).toList();
      assertThat(order.indexOf("paper")).isLessThan(order.indexOf("daily_entry"));
      assertThat(order.indexOf("paper")).isLessThan(order.indexOf("paper_vector"));
      assertThat(seen).containsAll(order);

      JdbcPaperStore from = new JdbcPaperStore(sqlite);
      JdbcPaperStore to = new JdbcPaperStore(postgres);
      assertThat(to.papersAfter(null, 3000)).isEqualTo(from.papersAfter(null, 3000));
      ArxivId some = ArxivId.parse("2501.00042");
      assertThat(to.entriesOf(some)).isEqualTo(from.entriesOf(some));
      assertThat(new JdbcEmbeddingStore(postgres).findVectors(List.of(some), "m"))
          .isEqualTo(new JdbcEmbeddingStore(sqlite).findVectors(List.of(some), "m"));
      assertThat(new JdbcHarvestCheckpoints(postgres).all())
          .isEqualTo(new JdbcHarvestCheckpoints(sqlite).all());
      assertThat(new JdbcLeases(postgres, Clock.systemUTC()).current("daily-ingest"))
          .isEqualTo(new JdbcLeases(sqlite, Clock.systemUTC()).current("daily-ingest"));
    }
  }

  @Test
  void runningItAgainUpdatesChangedRowsAndDuplicatesNothing(PostgresCluster pg) {
    try (Database sqlite = filledSqlite(30);
        Database postgres = Database.postgres(pg.createDatabase(), pg.user(), null)) {
      assertThat(StoreCopy.copy(sqlite, postgres, 7, StoreCopy.Progress.NONE).verified()).isTrue();
      JdbcPaperStore from = new JdbcPaperStore(sqlite);
      Paper changed =
          from.findPaper(ArxivId.parse("2501.00007")).orElseThrow().toBuilder()
              .version(2)
              .title("A new title")
              .build();
      from.upsertPapers(List.of(changed));
      StoreCopy.Result again = StoreCopy.copy(sqlite, postgres, 7, StoreCopy.Progress.NONE);
      assertThat(again.verified()).isTrue();
      assertThat(again.rows())
          .isEqualTo(StoreCopy.copy(sqlite, postgres, 7, StoreCopy.Progress.NONE).rows());
      assertThat(new JdbcPaperStore(postgres).findPaper(changed.id()).orElseThrow().title())
          .isEqualTo("A new title");
    }
  }

  @Test
  void rowsOnlyInTheTargetFailTheCheck(PostgresCluster pg) {
    try (Database sqlite = filledSqlite(5);
        Database postgres = Database.postgres(pg.createDatabase(), pg.user(), null)) {
      StoreCopy.copy(sqlite, postgres, 100, StoreCopy.Progress.NONE);
      sqlite.inTransaction(
          c -> {
            try (Statement s = c.createStatement()) {
              s.execute("DELETE FROM job_lease");
            }
            return null;
          });
      StoreCopy.Result r = StoreCopy.copy(sqlite, postgres, 100, StoreCopy.Progress.NONE);
      assertThat(r.verified()).isFalse();
      assertThat(r.tables())
          .filteredOn(t -> !t.matches())
          .extracting(StoreCopy.TableResult::table)
          .containsExactly("job_lease");
    }
  }

  @Test
  void refusesAnythingButSqliteToPostgres(PostgresCluster pg) {
    try (Database sqlite = Database.sqlite(dir.resolve("a.db"));
        Database postgres = Database.postgres(pg.createDatabase(), pg.user(), null)) {
      assertThatThrownBy(() -> StoreCopy.copy(postgres, sqlite, 10, StoreCopy.Progress.NONE))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("source must be an SQLite store");
    }
  }
}
