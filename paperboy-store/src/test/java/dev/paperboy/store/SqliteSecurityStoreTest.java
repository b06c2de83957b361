package dev.paperboy.store;

import dev.paperboy.core.account.ApiTokenStore;
import dev.paperboy.core.account.SessionStore;
import dev.paperboy.core.account.SignInStore;
import dev.paperboy.core.account.UserStore;
import dev.paperboy.core.security.RateCounterStore;
import dev.paperboy.core.security.SecretStore;
import dev.paperboy.core.testing.SecurityStoreContract;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The security stores' contract on SQLite, a fresh database file per test. */
class SqliteSecurityStoreTest extends SecurityStoreContract {
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
  protected UserStore users() {
    return new JdbcUserStore(db);
  }

  @Override
  protected SessionStore sessions() {
    return new JdbcSessionStore(db);
  }

  @Override
  protected SecretStore secrets() {
    return new JdbcSecretStore(db, Clock.systemUTC());
  }

  @Override
  protected RateCounterStore counters() {
    return new JdbcRateCounterStore(db);
  }

  @Override
  protected SignInStore signIns() {
    return new JdbcSignInStore(db);
  }

  @Override
  protected ApiTokenStore apiTokens() {
    return new JdbcApiTokenStore(db);
  }
}
