package dev.paperboy.store;

import dev.paperboy.core.account.UserStore;
import dev.paperboy.core.community.VoteStore;
import dev.paperboy.core.library.LibraryStore;
import dev.paperboy.core.paper.PaperStore;
import dev.paperboy.core.testing.ProfileLikesContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The bulk reads of likes on PostgreSQL, emptied after each test. */
@ExtendWith(PostgresExtension.class)
class PostgresProfileLikesTest extends ProfileLikesContract {
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

  @AfterEach
  void empty() {
    PostgresCluster.truncateAll(db);
  }

  @Override
  protected PaperStore papers() {
    return new JdbcPaperStore(db);
  }

  @Override
  protected UserStore users() {
    return new JdbcUserStore(db);
  }

  @Override
  protected LibraryStore library() {
    return new JdbcLibraryStore(db);
  }

  @Override
  protected VoteStore votes() {
    return new JdbcVoteStore(db);
  }
}
