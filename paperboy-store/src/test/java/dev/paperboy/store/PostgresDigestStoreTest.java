package dev.paperboy.store;

import dev.paperboy.core.account.UserId;
import dev.paperboy.core.digest.EditionStore;
import dev.paperboy.core.digest.Outbox;
import dev.paperboy.core.digest.SubscriptionStore;
import dev.paperboy.core.digest.SuppressionList;
import dev.paperboy.core.mail.EmailAddress;
import dev.paperboy.core.testing.DigestStoreContract;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The digest stores' contract on PostgreSQL, emptied before each test; its concurrent claims run
 * through {@code FOR UPDATE SKIP LOCKED}.
 */
@ExtendWith(PostgresExtension.class)
class PostgresDigestStoreTest extends DigestStoreContract {
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

  @BeforeEach
  void empty() {
    PostgresCluster.truncateAll(db);
  }

  @Override
  protected int claimers() {
    return 8;
  }

  @Override
  protected SubscriptionStore subscriptions() {
    return new JdbcSubscriptionStore(db);
  }

  @Override
  protected EditionStore editions() {
    return new JdbcEditionStore(db);
  }

  @Override
  protected Outbox outbox() {
    return new JdbcOutbox(db);
  }

  @Override
  protected SuppressionList suppressions() {
    return new JdbcSuppressionList(db);
  }

  @Override
  protected UserId account(EmailAddress email) {
    return new JdbcUserStore(db).findOrCreate(email, Instant.parse("2026-01-01T00:00:00Z")).id();
  }
}
