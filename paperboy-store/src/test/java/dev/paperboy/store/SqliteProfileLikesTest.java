package dev.paperboy.store;

import dev.paperboy.core.account.UserStore;
import dev.paperboy.core.community.VoteStore;
import dev.paperboy.core.library.LibraryStore;
import dev.paperboy.core.paper.PaperStore;
import dev.paperboy.core.testing.ProfileLikesContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The bulk reads of likes on SQLite, a fresh database file per test. */
class SqliteProfileLikesTest extends ProfileLikesContract {
  @TempDir static Path root;
  private Database db;

  private Database db() {
    if (db == null) {
      db = Database.sqlite(root.resolve(java.util.UUID.randomUUID() + ".db"));
    }
    return db;
  }

  @AfterEach
  void close() {
    if (db != null) {
      db.close();
      db = null;
    }
  }

  @Override
  protected PaperStore papers() {
    return new JdbcPaperStore(db());
  }

  @Override
  protected UserStore users() {
    return new JdbcUserStore(db());
  }

  @Override
  protected LibraryStore library() {
    return new JdbcLibraryStore(db());
  }

  @Override
  protected VoteStore votes() {
    return new JdbcVoteStore(db());
  }
}
