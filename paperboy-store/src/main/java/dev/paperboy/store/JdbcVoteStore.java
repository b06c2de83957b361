package dev.paperboy.store;

import dev.paperboy.core.account.UserId;
import dev.paperboy.core.community.Vote;
import dev.paperboy.core.community.VoteStore;
import dev.paperboy.core.paper.ArxivId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The {@link VoteStore} in tables {@code vote} (one row per user and paper) and {@code paper_vote}
 * (the count per paper).
 *
 * <p>Why counts cannot drift: a vote row is inserted with {@code ON CONFLICT DO NOTHING} and
 * deleted by key, and the count changes by one only when that statement changed a row, in the same
 * transaction. On PostgreSQL a second insert of the same key waits for the first transaction and
 * then does nothing (or inserts, if the first one's row was deleted meanwhile), and the count
 * update is a single atomic {@code votes = votes + 1} on one row; on SQLite writers take turns.
 * Every interleaving therefore leaves {@code paper_vote.votes} equal to the number of vote rows.
 */
public final class JdbcVoteStore implements VoteStore {
  private final Database db;
  private final Dialect dialect;

  public JdbcVoteStore(Database db) {
    this.db = db;
    this.dialect = db.dialect();
  }

  @Override
  public boolean upvote(UserId user, ArxivId paper, Instant now) {
    return db.inTransaction(
        conn -> {
          requireListed(conn, paper);
          int inserted;
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "INSERT INTO vote (user_id, paper_id, created_at) VALUES (?, ?, ?)"
                      + " ON CONFLICT (user_id, paper_id) DO NOTHING")) {
            ps.setString(1, user.value());
            ps.setString(2, paper.value());
            dialect.setInstant(ps, 3, now);
            inserted = ps.executeUpdate();
          }
          if (inserted == 1) {
            try (PreparedStatement ps =
                conn.prepareStatement(
                    "INSERT INTO paper_vote (paper_id, votes) VALUES (?, 1)"
                        + " ON CONFLICT (paper_id) DO UPDATE SET votes = paper_vote.votes + 1")) {
              ps.setString(1, paper.value());
              ps.executeUpdate();
            }
          }
          return inserted == 1;
        });
  }

  @Override
  public boolean removeUpvote(UserId user, ArxivId paper) {
    return db.inTransaction(
        conn -> {
          int deleted;
          try (PreparedStatement ps =
              conn.prepareStatement("DELETE FROM vote WHERE user_id = ? AND paper_id = ?")) {
            ps.setString(1, user.value());
            ps.setString(2, paper.value());
            deleted = ps.executeUpdate();
          }
          if (deleted == 1) {
            try (PreparedStatement ps =
                conn.prepareStatement(
                    "UPDATE paper_vote SET votes = votes - 1 WHERE paper_id = ?")) {
              ps.setString(1, paper.value());
              ps.executeUpdate();
            }
          }
          return deleted == 1;
        });
  }

  private static void requireListed(Connection conn, ArxivId paper) throws SQLException {
    try (PreparedStatement ps =
        conn.prepareStatement("SELECT 1 FROM daily_entry WHERE paper_id = ? LIMIT 1")) {
      ps.setString(1, paper.value());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new NoSuchElementException("paper " + paper + " is not on any list");
        }
      }
    }
  }

  @Override
  public Set<ArxivId> upvotedAmong(UserId user, Collection<ArxivId> papers) {
    return PaperRows.idsAmong(db, "vote", user, papers);
  }

  @Override
  public List<Vote> votesOf(UserId user, int limit) {
    return db.read(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "SELECT paper_id, created_at FROM vote WHERE user_id = ?"
                      + " ORDER BY created_at DESC, paper_id LIMIT ?")) {
            ps.setString(1, user.value());
            ps.setInt(2, limit);
            List<Vote> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(new Vote(user, new ArxivId(rs.getString(1)), dialect.getInstant(rs, 2)));
              }
            }
            return out;
          }
        });
  }

  /**
   * One query per {@link JdbcPaperStore#IN_CHUNK} users ({@link PaperRows#newestPerUser}), in the
   * order {@link #votesOf(UserId, int)} gives.
   */
  @Override
  public Map<UserId, List<Vote>> votesOf(Collection<UserId> users, int limitEach) {
    return PaperRows.newestPerUser(
        db,
        "vote",
        "created_at",
        "paper_id, created_at",
        users,
        limitEach,
        (user, rs) -> new Vote(user, new ArxivId(rs.getString(2)), dialect.getInstant(rs, 3)));
  }

  @Override
  public int localVotes(ArxivId paper) {
    return db.read(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement("SELECT votes FROM paper_vote WHERE paper_id = ?")) {
            ps.setString(1, paper.value());
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? rs.getInt(1) : 0;
            }
          }
        });
  }
}
