package dev.paperboy.store;

import dev.paperboy.core.account.UserId;
import dev.paperboy.core.digest.EditionStore;
import dev.paperboy.core.digest.Outbox;
import dev.paperboy.core.digest.SubscriptionStore;
import dev.paperboy.core.digest.SuppressionList;
import dev.paperboy.core.mail.EmailAddress;
import dev.paperboy.core.testing.DigestStoreContract;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The digest stores' contract on SQLite, a fresh database file per test. */
class SqliteDigestStoreTest extends DigestStoreContract {
  @TempDir Path dir;
  Database db;

  @BeforeEach
  void open() {
    db = Database.sqlite(dir.resolve("paperboy.db"));
  }

  @AfterEach
  void close() {
    db.close();
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
