package dev.paperboy.store;

import dev.paperboy.core.account.User;
import dev.paperboy.core.digest.Suppression;
import dev.paperboy.core.digest.SuppressionList;
import dev.paperboy.core.mail.EmailAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The {@link SuppressionList} in table {@code digest_suppression}. */
public final class JdbcSuppressionList implements SuppressionList {
  /** Longest reason kept (an SMTP reply can be long). */
  static final int MAX_REASON = 500;

  private final Database db;
  private final Dialect dialect;

  public JdbcSuppressionList(Database db) {
    this.db = db;
    this.dialect = db.dialect();
  }

  @Override
  public boolean suppress(EmailAddress email, String reason, Instant at) {
    return db.inTransaction(conn -> insert(conn, dialect, email, reason, at));
  }

  /** Adds a suppression inside the caller's transaction (the outbox's permanent failures). */
  static boolean insert(
      Connection conn, Dialect dialect, EmailAddress email, String reason, Instant at)
      throws SQLException {
    try (PreparedStatement ps =
        conn.prepareStatement(
            "INSERT INTO digest_suppression (email_key, email, reason, created_at)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (email_key) DO NOTHING")) {
      ps.setString(1, User.emailKey(email));
      ps.setString(2, email.value());
      ps.setString(3, cut(reason));
      dialect.setInstant(ps, 4, at);
      return ps.executeUpdate() == 1;
    }
  }

  static String cut(String text) {
    return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON - 3) + "...";
  }

  @Override
  public boolean isSuppressed(EmailAddress email) {
    return db.read(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement("SELECT 1 FROM digest_suppression WHERE email_key = ?")) {
            ps.setString(1, User.emailKey(email));
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next();
            }
          }
        });
  }

  @Override
  public boolean unsuppress(EmailAddress email) {
    return db.inTransaction(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement("DELETE FROM digest_suppression WHERE email_key = ?")) {
            ps.setString(1, User.emailKey(email));
            return ps.executeUpdate() > 0;
          }
        });
  }

  @Override
  public long countSuppressed() {
    return db.read(
        conn -> {
          try (PreparedStatement ps =
                  conn.prepareStatement("SELECT COUNT(*) FROM digest_suppression");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  @Override
  public List<Suppression> suppressions(int limit) {
    return db.read(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "SELECT email, reason, created_at FROM digest_suppression"
                      + " ORDER BY created_at DESC, email_key LIMIT ?")) {
            ps.setInt(1, limit);
            List<Suppression> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new Suppression(
                        new EmailAddress(rs.getString(1)),
                        rs.getString(2),
                        dialect.getInstant(rs, 3)));
              }
            }
            return out;
          }
        });
  }
}
