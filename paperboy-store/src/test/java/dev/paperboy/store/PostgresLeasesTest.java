package dev.paperboy.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** Job leases on one PostgreSQL database reached through two connection pools (two app nodes). */
@ExtendWith(PostgresExtension.class)
class PostgresLeasesTest extends JdbcLeasesContract {
  Database db;
  Database other;

  @BeforeEach
  void open(PostgresCluster pg) {
    String url = pg.createDatabase();
    db = Database.postgres(url, pg.user(), null);
    other = Database.postgres(url, pg.user(), null);
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
