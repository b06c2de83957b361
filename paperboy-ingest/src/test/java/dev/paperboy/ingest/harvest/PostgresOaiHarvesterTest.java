package dev.paperboy.ingest.harvest;

import dev.paperboy.store.Database;
import dev.paperboy.store.PostgresCluster;
import dev.paperboy.store.PostgresExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every harvester test again on PostgreSQL; skipped when PostgreSQL is not installed. */
@ExtendWith(PostgresExtension.class)
class PostgresOaiHarvesterTest extends OaiHarvesterTest {
  private static Database shared;

  @BeforeAll
  static void openShared(PostgresCluster pg) {
    shared = pg.newDatabase();
  }

  @AfterAll
  static void closeShared() {
    if (shared != null) {
      shared.close();
    }
  }

  @Override
  protected Database openDatabase() {
    PostgresCluster.truncateAll(shared);
    return shared;
  }

  @Override
  protected void closeDatabase() {
    // shared across the class; closed after all
  }
}
