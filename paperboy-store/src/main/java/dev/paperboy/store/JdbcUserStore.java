package dev.paperboy.store;

import dev.paperboy.core.account.User;
import dev.paperboy.core.account.UserId;
import dev.paperboy.core.account.UserStore;
import dev.paperboy.core.mail.EmailAddress;
import dev.paperboy.core.security.Role;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The {@link UserStore} in table {@code app_user}. */
public final class JdbcUserStore implements UserStore {
  static final String USER_COLUMNS =
      "u.id, u.email, u.display_name, u.role, u.created_at, u.suspended_at";

  private final Database db;
  private final Dialect dialect;

  public JdbcUserStore(Database db) {
    this.db = db;
    this.dialect = db.dialect();
  }

  public Database database() {
    return db;
  }

  @Override
  public User findOrCreate(EmailAddress email, Instant now) {
    return db.inTransaction(
        conn -> {
          // Insert if absent, then read: on PostgreSQL a concurrent insert of the same address
          // makes this one wait and do nothing, and the read then sees the winner's row.
          UserId id = UserId.random();
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "INSERT INTO app_user (id, email, email_key, display_name, role, created_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (email_key) DO NOTHING")) {
            ps.setString(1, id.value());
            ps.setString(2, email.value());
            ps.setString(3, User.emailKey(email));
            ps.setString(4, User.defaultDisplayName(id));
            ps.setString(5, Role.USER.code());
            dialect.setInstant(ps, 6, now);
            ps.executeUpdate();
          }
          return byEmail(conn, email).orElseThrow();
        });
  }

  @Override
  public Optional<User> find(UserId id) {
    return db.read(conn -> byId(conn, id));
  }

  @Override
  public Optional<User> findByEmail(EmailAddress email) {
    return db.read(conn -> byEmail(conn, email));
  }

  @Override
  public User setRole(UserId id, Role role) {
    return update(id, "role = ?", ps -> ps.setString(1, role.code()));
  }

  @Override
  public User setDisplayName(UserId id, String displayName) {
    String name = User.checkDisplayName(displayName);
    return update(id, "display_name = ?", ps -> ps.setString(1, name));
  }

  @Override
  public User setSuspended(UserId id, @Nullable Instant at) {
    return update(id, "suspended_at = ?", ps -> dialect.setInstant(ps, 1, at));
  }

  /**
   * Deletes the account in one transaction. What goes with it follows the foreign keys of each
   * table (ON DELETE CASCADE for sessions and API tokens) and the steps below for rows whose
   * deletion needs more than a cascade.
   */
  @Override
  public boolean delete(UserId id) {
    return db.inTransaction(
        conn -> {
          // Votes: taken off the per-paper totals first; the rows then go with the account.
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "UPDATE paper_vote SET votes = votes - 1"
                      + " WHERE paper_id IN (SELECT paper_id FROM vote WHERE user_id = ?)")) {
            ps.setString(1, id.value());
            ps.executeUpdate();
          }
          // Comments: those others replied to stay as anonymous tombstones; the rest are deleted.
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "UPDATE comment SET body = '', user_id = NULL,"
                      + " deleted_at = COALESCE(deleted_at, created_at)"
                      + " WHERE user_id = ? AND EXISTS"
                      + " (SELECT 1 FROM comment r WHERE r.parent_id = comment.id)")) {
            ps.setString(1, id.value());
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              conn.prepareStatement("DELETE FROM comment WHERE user_id = ?")) {
            ps.setString(1, id.value());
            ps.executeUpdate();
          }
          // Submissions: the papers stay on their lists, without the person's name.
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "UPDATE daily_entry SET submitter = NULL WHERE source = 'COMMUNITY' AND EXISTS"
                      + " (SELECT 1 FROM submission s WHERE s.user_id = ?"
                      + " AND s.paper_id = daily_entry.paper_id AND s.day = daily_entry.day)")) {
            ps.setString(1, id.value());
            ps.executeUpdate();
          }
          try (PreparedStatement ps = conn.prepareStatement("DELETE FROM app_user WHERE id = ?")) {
            ps.setString(1, id.value());
            return ps.executeUpdate() == 1;
          }
        });
  }

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private User update(UserId id, String assignment, Binder binder) {
    return db.inTransaction(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement("UPDATE app_user SET " + assignment + " WHERE id = ?")) {
            binder.bind(ps);
            ps.setString(2, id.value());
            if (ps.executeUpdate() == 0) {
              throw new NoSuchElementException("no user with id " + id);
            }
          }
          return byId(conn, id).orElseThrow();
        });
  }

  Optional<User> byId(Connection conn, UserId id) throws SQLException {
    return one(conn, "SELECT " + USER_COLUMNS + " FROM app_user u WHERE u.id = ?", id.value());
  }

  private Optional<User> byEmail(Connection conn, EmailAddress email) throws SQLException {
    return one(
        conn,
        "SELECT " + USER_COLUMNS + " FROM app_user u WHERE u.email_key = ?",
        User.emailKey(email));
  }

  private Optional<User> one(Connection conn, String sql, String param) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      ps.setString(1, param);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(readUser(rs, 1, dialect)) : Optional.empty();
      }
    }
  }

  /** Reads a user from {@link #USER_COLUMNS} starting at column {@code first}. */
  static User readUser(ResultSet rs, int first, Dialect dialect) throws SQLException {
    return new User(
        new UserId(rs.getString(first)),
        new EmailAddress(rs.getString(first + 1)),
        rs.getString(first + 2),
        Role.parse(rs.getString(first + 3)),
        dialect.getInstant(rs, first + 4),
        dialect.getInstant(rs, first + 5));
  }
}
