package dev.paperboy.store;

import dev.paperboy.core.testing.EmbeddingStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The EmbeddingStore contract on SQLite, a fresh database file per test. */
class SqliteEmbeddingStoreTest extends EmbeddingStoreContract {
  @TempDir Path dir;

  @Override
  protected Stores openStores() {
    Database db = Database.sqlite(dir.resolve("paperboy.db"));
    return new Stores(new JdbcPaperStore(db), new JdbcEmbeddingStore(db), db);
  }
}
