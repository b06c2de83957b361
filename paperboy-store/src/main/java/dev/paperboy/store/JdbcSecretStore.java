package dev.paperboy.store;

import dev.paperboy.core.security.SecretStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Base64;

/**
 * The {@link SecretStore} in table {@code secret_key}: insert if absent, then read, so when two
 * nodes start at once both end with the key that was inserted first.
 */
public final class JdbcSecretStore implements SecretStore {
  private final Database db;
  private final Clock clock;

  public JdbcSecretStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public byte[] getOrCreate(String name, byte[] fresh) {
    String stored =
        db.inTransaction(
            conn -> {
              try (PreparedStatement ps =
                  conn.prepareStatement(
                      "INSERT INTO secret_key (name, value, created_at) VALUES (?, ?, ?)"
                          + " ON CONFLICT (name) DO NOTHING")) {
                ps.setString(1, name);
                ps.setString(2, Base64.getEncoder().encodeToString(fresh));
                db.dialect().setInstant(ps, 3, clock.instant());
                ps.executeUpdate();
              }
              try (PreparedStatement ps =
                  conn.prepareStatement("SELECT value FROM secret_key WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                  rs.next();
                  return rs.getString(1);
                }
              }
            });
    return Base64.getDecoder().decode(stored);
  }
}
