package dev.paperboy.store;

import dev.paperboy.core.account.UserStore;
import dev.paperboy.core.community.CommentStore;
import dev.paperboy.core.community.ModerationStore;
import dev.paperboy.core.community.SubmissionStore;
import dev.paperboy.core.community.VoteStore;
import dev.paperboy.core.paper.PaperStore;
import dev.paperboy.core.testing.CommunityStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The community stores' contract on PostgreSQL, emptied before each test. */
@ExtendWith(PostgresExtension.class)
class PostgresCommunityStoreTest extends CommunityStoreContract {
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

  // After each test: the contract's own @BeforeEach (which runs first) fills the lists.
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
  protected SubmissionStore submissions() {
    return new JdbcSubmissionStore(db);
  }

  @Override
  protected CommentStore comments() {
    return new JdbcCommentStore(db);
  }

  @Override
  protected ModerationStore moderation() {
    return new JdbcModerationStore(db);
  }

  @Override
  protected VoteStore votes() {
    return new JdbcVoteStore(db);
  }
}
