package dev.paperboy.store;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Job leases on one SQLite file opened twice (two processes on one data directory). */
class SqliteLeasesTest extends JdbcLeasesContract {
  @TempDir Path dir;
  Database db;
  Database other;

  @BeforeEach
  void open() {
    db = Database.sqlite(dir.resolve("paperboy.db"));
    other = Database.sqlite(dir.resolve("paperboy.db"));
  }

  @AfterEach
  void close() {
    other.close();
    db.close();
  }

  @Override
  protected Database database() {
    return db;
  }

  @Override
  protected Database otherNode() {
    return other;
  }
}
