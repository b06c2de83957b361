package dev.paperboy.store;

import dev.paperboy.core.testing.EmbeddingStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The EmbeddingStore contract on PostgreSQL: one migrated database in the run's throwaway cluster,
 * emptied before each test. Skipped when PostgreSQL is not installed.
 */
@ExtendWith(PostgresExtension.class)
class PostgresEmbeddingStoreTest extends EmbeddingStoreContract {
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
  protected Stores openStores() {
    PostgresCluster.truncateAll(db);
    return new Stores(new JdbcPaperStore(db), new JdbcEmbeddingStore(db), () -> {});
  }
}
