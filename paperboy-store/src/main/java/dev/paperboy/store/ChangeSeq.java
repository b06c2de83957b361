package dev.paperboy.store;

import dev.paperboy.core.paper.ArxivId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;

/**
 * Stamps papers with the next numbers of the store's change sequence (column {@code
 * paper.change_seq}, migration V40; core {@code PaperStore#changeHorizon}).
 *
 * <p>The next number is {@code MAX(change_seq) + 1}, read and written while holding a lock that is
 * released only at commit: SQLite has one writer per file ({@code BEGIN IMMEDIATE}, even across
 * processes); on PostgreSQL an advisory transaction lock serialises the stampers. So a change is
 * never committed with a number below one a reader has already seen, which a database sequence
 * would not promise (a sequence hands out numbers at nextval, and transactions commit in any
 * order).
 */
final class ChangeSeq {
  static final String LOCK = "paper_change_seq";

  private static final String STAMP = "UPDATE paper SET change_seq = ? WHERE id = ?";

  private ChangeSeq() {}

  /**
   * Takes the stamping lock. A writer calls it before it writes any paper row: stampers then wait
   * for the lock while holding no row of {@code paper}, so two of them cannot deadlock. Taking it
   * again in the same transaction is harmless (PostgreSQL counts it; it is released at commit).
   */
  static void lock(Connection conn, Dialect dialect) throws SQLException {
    dialect.lockForWrite(conn, LOCK);
  }

  /** Gives each paper in {@code ids} a number of its own above every number stamped so far. */
  static void stamp(Connection conn, Dialect dialect, Collection<ArxivId> ids) throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    lock(conn, dialect);
    long next = horizon(conn) + 1;
    try (PreparedStatement ps = conn.prepareStatement(STAMP)) {
      for (ArxivId id : ids) {
        ps.setLong(1, next++);
        ps.setString(2, id.value());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** The highest number stamped (0 when none). */
  static long horizon(Connection conn) throws SQLException {
    try (PreparedStatement ps =
            conn.prepareStatement("SELECT COALESCE(MAX(change_seq), 0) FROM paper");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
