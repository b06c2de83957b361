package dev.paperboy.store;

import dev.paperboy.core.account.ApiTokenStore;
import dev.paperboy.core.account.SessionStore;
import dev.paperboy.core.account.SignInStore;
import dev.paperboy.core.account.UserStore;
import dev.paperboy.core.security.RateCounterStore;
import dev.paperboy.core.security.SecretStore;
import dev.paperboy.core.testing.SecurityStoreContract;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The security stores' contract on PostgreSQL, emptied before each test. */
@ExtendWith(PostgresExtension.class)
class PostgresSecurityStoreTest extends SecurityStoreContract {
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
