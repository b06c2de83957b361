package dev.paperboy.store;

import dev.paperboy.core.paper.PaperStore;
import dev.paperboy.core.testing.PaperStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The PaperStore contract on PostgreSQL: one migrated database in the run's throwaway cluster,
 * emptied before each test. Skipped when PostgreSQL is not installed.
 */
@ExtendWith(PostgresExtension.class)
class PostgresPaperStoreTest extends PaperStoreContract {
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
  protected PaperStore openStore() {
    PostgresCluster.truncateAll(db);
    return new JdbcPaperStore(db);
  }
}
