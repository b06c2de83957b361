package dev.paperboy.store;

import dev.paperboy.core.paper.PaperStore;
import dev.paperboy.core.testing.PaperStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The PaperStore contract on SQLite, a fresh database file per test. */
class SqlitePaperStoreTest extends PaperStoreContract {
  @TempDir Path dir;

  @Override
  protected PaperStore openStore() {
    return JdbcPaperStore.owning(Database.sqlite(dir.resolve("paperboy.db")));
  }
}
