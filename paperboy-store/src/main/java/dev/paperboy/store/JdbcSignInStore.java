package dev.paperboy.store;

import dev.paperboy.core.account.SignInStore;
import java.sql.PreparedStatement;
import java.time.Instant;

/** The {@link SignInStore} in table {@code signin_nonce}. */
public final class JdbcSignInStore implements SignInStore {
  private final Database db;

  public JdbcSignInStore(Database db) {
    this.db = db;
  }

  @Override
  public void record(String nonceHash, Instant expiresAt) {
    db.inTransaction(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "INSERT INTO signin_nonce (nonce_hash, expires_at) VALUES (?, ?)")) {
            ps.setString(1, nonceHash);
            db.dialect().setInstant(ps, 2, expiresAt);
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public boolean consume(String nonceHash, Instant now) {
    // One conditional UPDATE: on PostgreSQL a concurrent second UPDATE waits for the first to
    // commit, re-checks "used_at IS NULL" on the new row version and changes nothing.
    return db.inTransaction(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "UPDATE signin_nonce SET used_at = ?"
                      + " WHERE nonce_hash = ? AND used_at IS NULL AND expires_at > ?")) {
            db.dialect().setInstant(ps, 1, now);
            ps.setString(2, nonceHash);
            db.dialect().setInstant(ps, 3, now);
            return ps.executeUpdate() == 1;
          }
        });
  }

  @Override
  public int purgeExpired(Instant now) {
    return db.inTransaction(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement("DELETE FROM signin_nonce WHERE expires_at < ?")) {
            db.dialect().setInstant(ps, 1, now);
            return ps.executeUpdate();
          }
        });
  }
}
