package dev.paperboy.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.core.paper.Outcome;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.testing.Papers;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The PostgreSQL side of {@link Database}: native types and several nodes writing at once. */
@ExtendWith(PostgresExtension.class)
class PostgresDatabaseTest {
  private final PostgresCluster pg;

  PostgresDatabaseTest(PostgresCluster pg) {
    this.pg = pg;
  }

  @Test
  void migrationsUseNativeDateTypesAndBinaryCollationForIds() {
    try (Database db = pg.newDatabase()) {
      assertThat(db.dialect()).isEqualTo(Dialect.POSTGRES);
      Map<String, String> types =
          db.read(
              conn -> {
                try (PreparedStatement ps =
                        conn.prepareStatement(
                            "SELECT table_name || '.' || column_name,"
                                + " data_type || coalesce(' ' || collation_name, '')"
                                + " FROM information_schema.columns"
                                + " WHERE table_schema = current_schema()");
                    ResultSet rs = ps.executeQuery()) {
                  Map<String, String> out = new TreeMap<>();
                  while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                  }
                  return out;
                }
              });
      assertThat(types)
          .containsEntry("daily_entry.day", "date")
          .containsEntry("daily_entry.submitted_at", "timestamp with time zone")
          .containsEntry("paper.listing_date", "date")
          .containsEntry("paper.withdrawn", "boolean")
          .containsEntry("paper.id", "text C")
          .containsEntry("daily_entry.paper_id", "text C");
    }
  }

  @Test
  void aFailingTransactionRollsBack() {
    try (Database db = pg.newDatabase();
        JdbcPaperStore store = new JdbcPaperStore(db)) {
      assertThatThrownBy(
              () ->
                  db.inTransaction(
                      conn -> {
                        store.upsertPapers(List.of(Papers.paper("2503.00001", "A")));
                        throw new IllegalStateException("boom");
                      }))
          .hasMessage("boom");
      assertThat(store.stats().papers()).isZero();
    }
  }

  @Test
  void twoNodesImportingTheSamePapersAtOnceAddEachOnce() throws Exception {
    String url = pg.createDatabase();
    List<Paper> batch = new ArrayList<>();
    for (int i = 1; i <= 300; i++) {
      batch.add(Papers.paper(String.format("2503.%05d", i), "Paper " + i));
    }
    try (Database a = Database.postgres(url, pg.user(), null);
        Database b = Database.postgres(url, pg.user(), null)) {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<List<Outcome>>> runs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          JdbcPaperStore store = new JdbcPaperStore(i % 2 == 0 ? a : b);
          runs.add(pool.submit(() -> store.upsertPapers(batch)));
        }
        long added = 0;
        for (Future<List<Outcome>> f : runs) {
          added += f.get(120, TimeUnit.SECONDS).stream().filter(o -> o == Outcome.ADDED).count();
        }
        assertThat(added).isEqualTo(batch.size());
      } finally {
        pool.shutdownNow();
      }
      assertThat(new JdbcPaperStore(a).stats().papers()).isEqualTo(batch.size());
    }
  }
}
