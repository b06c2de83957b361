package dev.paperboy.store;

import dev.paperboy.core.paper.PaperStore;
import dev.paperboy.core.testing.PaperStoreContract;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The PaperStore contract on PostgreSQL: a fresh database per test in the run's throwaway cluster.
 * Skipped when PostgreSQL is not installed.
 */
@ExtendWith(PostgresExtension.class)
class PostgresPaperStoreTest extends PaperStoreContract {
  private final PostgresCluster pg;

  PostgresPaperStoreTest(PostgresCluster pg) {
    this.pg = pg;
  }

  @Override
  protected PaperStore openStore() {
    return JdbcPaperStore.owning(pg.newDatabase());
  }
}
