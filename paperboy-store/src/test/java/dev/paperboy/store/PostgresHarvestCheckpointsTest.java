package dev.paperboy.store;

import dev.paperboy.core.ingest.HarvestCheckpointStore;
import dev.paperboy.core.testing.HarvestCheckpointStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The checkpoint contract on PostgreSQL; skipped when PostgreSQL is not installed. */
@ExtendWith(PostgresExtension.class)
class PostgresHarvestCheckpointsTest extends HarvestCheckpointStoreContract {
  private static Database db;

  @BeforeAll
  static void openDatabase(PostgresCluster pg) {
    db = pg.newDatabase();
  }

  @AfterAll
  static void closeDatabase() {
    if (db != null) {
      db.close();
    }
  }

  @Override
  protected HarvestCheckpointStore newStore() {
    PostgresCluster.truncateAll(db);
    return new JdbcHarvestCheckpoints(db);
  }
}
