package dev.paperboy.store;

import dev.paperboy.core.account.UserId;
import dev.paperboy.core.community.Comment;
import dev.paperboy.core.community.CommentStore;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.security.Secrets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The {@link CommentStore} in table {@code comment}, authors' names joined from app_user. */
public final class JdbcCommentStore implements CommentStore {
  private static final String COLUMNS =
      "c.id, c.paper_id, c.user_id, u.display_name, c.parent_id, c.body, c.created_at,"
          + " c.edited_at, c.deleted_at, c.hidden_at";
  private static final String FROM = " FROM comment c LEFT JOIN app_user u ON u.id = c.user_id";

  private final Database db;
  private final Dialect dialect;

  public JdbcCommentStore(Database db) {
    this.db = db;
    this.dialect = db.dialect();
  }

  @Override
  public Comment add(
      UserId author, ArxivId paper, @Nullable String parentId, String body, Instant now) {
    String text = Comment.checkBody(body);
    String id = Secrets.newId();
    return db.inTransaction(
        conn -> {
          String parent = null;
          if (parentId != null) {
            Comment p =
                one(conn, parentId)
                    .filter(c -> c.paperId().equals(paper))
                    .orElseThrow(
                        () ->
                            new NoSuchElementException(
                                "no comment " + parentId + " on paper " + paper));
            parent = p.parentId() != null ? p.parentId() : p.id();
          }
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "INSERT INTO comment (id, paper_id, user_id, parent_id, body, created_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, paper.value());
            ps.setString(3, author.value());
            ps.setString(4, parent);
            ps.setString(5, text);
            dialect.setInstant(ps, 6, now);
            ps.executeUpdate();
          }
          return one(conn, id).orElseThrow();
        });
  }

  @Override
  public Optional<Comment> find(String id) {
    if (!Secrets.isId(id)) {
      return Optional.empty();
    }
    return db.read(conn -> one(conn, id));
  }

  @Override
  public Comment edit(String id, String body, Instant now) {
    String text = Comment.checkBody(body);
    return db.inTransaction(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "UPDATE comment SET body = ?, edited_at = ? WHERE id = ? AND deleted_at IS NULL")) {
            ps.setString(1, text);
            dialect.setInstant(ps, 2, now);
            ps.setString(3, id);
            if (ps.executeUpdate() == 0) {
              throw new NoSuchElementException("no comment " + id);
            }
          }
          return one(conn, id).orElseThrow();
        });
  }

  @Override
  public void delete(String id, Instant now) {
    db.inTransaction(
        conn -> {
          boolean replies;
          try (PreparedStatement ps =
              conn.prepareStatement("SELECT 1 FROM comment WHERE parent_id = ? LIMIT 1")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              replies = rs.next();
            }
          }
          String sql =
              replies
                  ? "UPDATE comment SET body = '', deleted_at = ? WHERE id = ?"
                  : "DELETE FROM comment WHERE id = ?";
          try (PreparedStatement ps = conn.prepareStatement(sql)) {
            if (replies) {
              dialect.setInstant(ps, 1, now);
              ps.setString(2, id);
            } else {
              ps.setString(1, id);
            }
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public Comment setHidden(String id, @Nullable Instant at) {
    return db.inTransaction(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement("UPDATE comment SET hidden_at = ? WHERE id = ?")) {
            dialect.setInstant(ps, 1, at);
            ps.setString(2, id);
            if (ps.executeUpdate() == 0) {
              throw new NoSuchElementException("no comment " + id);
            }
          }
          return one(conn, id).orElseThrow();
        });
  }

  @Override
  public List<Comment> ofPaper(ArxivId paper) {
    return list(
        "SELECT " + COLUMNS + FROM + " WHERE c.paper_id = ? ORDER BY c.created_at, c.id",
        ps -> ps.setString(1, paper.value()));
  }

  @Override
  public List<Comment> ofUser(UserId user, int limit) {
    return list(
        "SELECT "
            + COLUMNS
            + FROM
            + " WHERE c.user_id = ? AND c.deleted_at IS NULL ORDER BY c.created_at DESC, c.id"
            + " LIMIT ?",
        ps -> {
          ps.setString(1, user.value());
          ps.setInt(2, limit);
        });
  }

  @Override
  public Map<ArxivId, Integer> countsOf(Collection<ArxivId> papers) {
    if (papers.isEmpty()) {
      return Map.of();
    }
    List<ArxivId> all = new ArrayList<>(new LinkedHashSet<>(papers));
    return db.read(
        conn -> {
          Map<ArxivId, Integer> out = new HashMap<>();
          for (int i = 0; i < all.size(); i += JdbcPaperStore.IN_CHUNK) {
            List<ArxivId> chunk = all.subList(i, Math.min(all.size(), i + JdbcPaperStore.IN_CHUNK));
            try (PreparedStatement ps =
                conn.prepareStatement(
                    "SELECT paper_id, COUNT(*) FROM comment WHERE paper_id IN ("
                        + PaperRows.placeholders(chunk.size())
                        + ") AND deleted_at IS NULL AND hidden_at IS NULL GROUP BY paper_id")) {
              for (int j = 0; j < chunk.size(); j++) {
                ps.setString(j + 1, chunk.get(j).value());
              }
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  out.put(new ArxivId(rs.getString(1)), rs.getInt(2));
                }
              }
            }
          }
          return out;
        });
  }

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private List<Comment> list(String sql, Binder binder) {
    return db.read(
        conn -> {
          try (PreparedStatement ps = conn.prepareStatement(sql)) {
            binder.bind(ps);
            List<Comment> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(read(rs));
              }
            }
            return out;
          }
        });
  }

  private Optional<Comment> one(Connection conn, String id) throws SQLException {
    try (PreparedStatement ps =
        conn.prepareStatement("SELECT " + COLUMNS + FROM + " WHERE c.id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  private Comment read(ResultSet rs) throws SQLException {
    String user = rs.getString(3);
    return new Comment(
        rs.getString(1),
        new ArxivId(rs.getString(2)),
        user == null ? null : new UserId(user),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        dialect.getInstant(rs, 7),
        dialect.getInstant(rs, 8),
        dialect.getInstant(rs, 9),
        dialect.getInstant(rs, 10));
  }
}
