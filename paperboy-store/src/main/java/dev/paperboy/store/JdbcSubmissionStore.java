package dev.paperboy.store;

import dev.paperboy.core.account.UserId;
import dev.paperboy.core.community.Submission;
import dev.paperboy.core.community.SubmissionStore;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.DailyEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link SubmissionStore}: a {@code daily_entry} row and a {@code submission} row in one
 * transaction, after the checks, all under the same write lock as imports of day-list entries
 * ({@link Dialect#lockForWrite}: SQLite's single writer, a PostgreSQL advisory lock), so two
 * submissions of one paper, or one user's submissions racing past the cap, cannot both pass.
 */
public final class JdbcSubmissionStore implements SubmissionStore {
  private final Database db;
  private final Dialect dialect;

  public JdbcSubmissionStore(Database db) {
    this.db = db;
    this.dialect = db.dialect();
  }

  @Override
  public Outcome submit(UserId user, DailyEntry entry, Instant dayStart, int dailyCap) {
    return db.inTransaction(
        conn -> {
          dialect.lockForWrite(conn, "daily_entry");
          if (listed(conn, entry.paperId())) {
            return Outcome.ALREADY_LISTED;
          }
          if (countSince(conn, user, dayStart) >= dailyCap) {
            return Outcome.CAP_REACHED;
          }
          try (PreparedStatement ps = conn.prepareStatement(PaperRows.INSERT_ENTRY)) {
            PaperRows.bindEntryInsert(ps, dialect, entry);
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "INSERT INTO submission (user_id, paper_id, day, created_at)"
                      + " VALUES (?, ?, ?, ?)")) {
            ps.setString(1, user.value());
            ps.setString(2, entry.paperId().value());
            dialect.setDate(ps, 3, entry.day());
            dialect.setInstant(ps, 4, entry.submittedAt());
            ps.executeUpdate();
          }
          return Outcome.SUBMITTED;
        });
  }

  @Override
  public int countSince(UserId user, Instant since) {
    return db.read(conn -> countSince(conn, user, since));
  }

  private int countSince(Connection conn, UserId user, Instant since) throws SQLException {
    try (PreparedStatement ps =
        conn.prepareStatement(
            "SELECT COUNT(*) FROM submission WHERE user_id = ? AND created_at >= ?")) {
      ps.setString(1, user.value());
      dialect.setInstant(ps, 2, since);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  @Override
  public List<Submission> submissionsOf(UserId user, int limit) {
    return db.read(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "SELECT paper_id, day, created_at FROM submission WHERE user_id = ?"
                      + " ORDER BY created_at DESC, paper_id LIMIT ?")) {
            ps.setString(1, user.value());
            ps.setInt(2, limit);
            List<Submission> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new Submission(
                        user,
                        new ArxivId(rs.getString(1)),
                        dialect.getDate(rs, 2),
                        dialect.getInstant(rs, 3)));
              }
            }
            return out;
          }
        });
  }

  @Override
  public boolean isListed(ArxivId paper) {
    return db.read(conn -> listed(conn, paper));
  }

  private static boolean listed(Connection conn, ArxivId paper) throws SQLException {
    try (PreparedStatement ps =
        conn.prepareStatement("SELECT 1 FROM daily_entry WHERE paper_id = ? LIMIT 1")) {
      ps.setString(1, paper.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }
}
