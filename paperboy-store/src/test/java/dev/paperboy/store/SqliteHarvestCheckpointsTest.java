package dev.paperboy.store;

import dev.paperboy.core.ingest.HarvestCheckpointStore;
import dev.paperboy.core.testing.HarvestCheckpointStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The checkpoint contract on SQLite, a fresh database file per test. */
class SqliteHarvestCheckpointsTest extends HarvestCheckpointStoreContract {
  @TempDir Path dir;
  private Database db;

  @Override
  protected HarvestCheckpointStore newStore() {
    db = Database.sqlite(dir.resolve("paperboy.db"));
    return new JdbcHarvestCheckpoints(db);
  }

  @AfterEach
  void close() {
    if (db != null) {
      db.close();
    }
  }
}
