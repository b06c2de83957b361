package dev.paperboy.store;

import dev.paperboy.core.account.Session;
import dev.paperboy.core.account.SessionStore;
import dev.paperboy.core.account.UserId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/** The {@link SessionStore} in table {@code user_session}, keyed by the id's hash. */
public final class JdbcSessionStore implements SessionStore {
  private final Database db;
  private final Dialect dialect;

  public JdbcSessionStore(Database db) {
    this.db = db;
    this.dialect = db.dialect();
  }

  @Override
  public void create(Session s) {
    db.inTransaction(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "INSERT INTO user_session (id_hash, user_id, created_at, expires_at)"
                      + " VALUES (?, ?, ?, ?)")) {
            ps.setString(1, s.idHash());
            ps.setString(2, s.userId().value());
            dialect.setInstant(ps, 3, s.createdAt());
            dialect.setInstant(ps, 4, s.expiresAt());
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public Optional<Session> find(String idHash) {
    return db.read(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "SELECT id_hash, user_id, created_at, expires_at FROM user_session"
                      + " WHERE id_hash = ?")) {
            ps.setString(1, idHash);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              return Optional.of(
                  new Session(
                      rs.getString(1),
                      new UserId(rs.getString(2)),
                      dialect.getInstant(rs, 3),
                      dialect.getInstant(rs, 4)));
            }
          }
        });
  }

  @Override
  public void extend(String idHash, Instant expiresAt) {
    update("UPDATE user_session SET expires_at = ? WHERE id_hash = ?", expiresAt, idHash);
  }

  @Override
  public void delete(String idHash) {
    db.inTransaction(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement("DELETE FROM user_session WHERE id_hash = ?")) {
            ps.setString(1, idHash);
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public int deleteAllOf(UserId user) {
    return db.inTransaction(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement("DELETE FROM user_session WHERE user_id = ?")) {
            ps.setString(1, user.value());
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public int purgeExpired(Instant now) {
    return db.inTransaction(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement("DELETE FROM user_session WHERE expires_at <= ?")) {
            dialect.setInstant(ps, 1, now);
            return ps.executeUpdate();
          }
        });
  }

  private void update(String sql, Instant t, String idHash) {
    db.inTransaction(
        conn -> {
          try (PreparedStatement ps = conn.prepareStatement(sql)) {
            dialect.setInstant(ps, 1, t);
            ps.setString(2, idHash);
            return ps.executeUpdate();
          }
        });
  }
}
