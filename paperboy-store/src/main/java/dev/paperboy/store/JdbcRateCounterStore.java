package dev.paperboy.store;

import dev.paperboy.core.security.RateCounterStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;

/**
 * The {@link RateCounterStore} in table {@code rate_counter}. One statement counts: an upsert that
 * adds one and returns the new value ({@code INSERT ... ON CONFLICT DO UPDATE ... RETURNING}, which
 * SQLite has since 3.35 and PostgreSQL since 9.5), so concurrent hits on any number of nodes each
 * get a distinct count.
 */
public final class JdbcRateCounterStore implements RateCounterStore {
  private final Database db;

  public JdbcRateCounterStore(Database db) {
    this.db = db;
  }

  @Override
  public long increment(String key, Instant windowStart, Instant expiresAt) {
    return db.inTransaction(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "INSERT INTO rate_counter (counter_key, window_start, hits, expires_at)"
                      + " VALUES (?, ?, 1, ?)"
                      + " ON CONFLICT (counter_key, window_start)"
                      + " DO UPDATE SET hits = rate_counter.hits + 1"
                      + " RETURNING hits")) {
            ps.setString(1, key);
            db.dialect().setInstant(ps, 2, windowStart);
            db.dialect().setInstant(ps, 3, expiresAt);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  @Override
  public int purgeExpired(Instant now) {
    return db.inTransaction(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement("DELETE FROM rate_counter WHERE expires_at < ?")) {
            db.dialect().setInstant(ps, 1, now);
            return ps.executeUpdate();
          }
        });
  }
}
