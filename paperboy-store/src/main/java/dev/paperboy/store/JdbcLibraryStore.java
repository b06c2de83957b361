package dev.paperboy.store;

import dev.paperboy.core.account.UserId;
import dev.paperboy.core.library.CollectionItem;
import dev.paperboy.core.library.Follow;
import dev.paperboy.core.library.FollowKind;
import dev.paperboy.core.library.LibraryStore;
import dev.paperboy.core.library.PaperCollection;
import dev.paperboy.core.library.ReadingState;
import dev.paperboy.core.library.SavedPaper;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.recommend.Like;
import dev.paperboy.core.recommend.LikeKind;
import dev.paperboy.core.security.Secrets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@link LibraryStore} in tables {@code saved_paper}, {@code paper_collection}, {@code
 * collection_item}, {@code follow}, {@code not_interested} and {@code taste_reset} (V30).
 *
 * <p>Idempotent writes are inserts with {@code ON CONFLICT DO NOTHING} on the natural key; a
 * collection's order is a dense {@code position} renumbered inside the transaction that moves or
 * removes a paper (collections are small: hundreds of papers, not millions).
 */
public final class JdbcLibraryStore implements LibraryStore {
  private final Database db;
  private final Dialect dialect;

  public JdbcLibraryStore(Database db) {
    this.db = db;
    this.dialect = db.dialect();
  }

  // ---- saved papers ----

  @Override
  public boolean save(UserId user, ArxivId paper, Instant now) {
    return db.inTransaction(
        conn -> {
          requirePaper(conn, paper);
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "INSERT INTO saved_paper (user_id, paper_id, state, note, saved_at)"
                      + " VALUES (?, ?, ?, '', ?) ON CONFLICT (user_id, paper_id) DO NOTHING")) {
            ps.setString(1, user.value());
            ps.setString(2, paper.value());
            ps.setString(3, ReadingState.TO_READ.code());
            dialect.setInstant(ps, 4, now);
            return ps.executeUpdate() == 1;
          }
        });
  }

  @Override
  public boolean unsave(UserId user, ArxivId paper) {
    return db.inTransaction(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement("DELETE FROM saved_paper WHERE user_id = ? AND paper_id = ?")) {
            ps.setString(1, user.value());
            ps.setString(2, paper.value());
            return ps.executeUpdate() == 1;
          }
        });
  }

  @Override
  public SavedPaper updateSaved(
      UserId user, ArxivId paper, @Nullable ReadingState state, @Nullable String note) {
    return db.inTransaction(
        conn -> {
          SavedPaper current =
              readSaved(conn, user, paper)
                  .orElseThrow(
                      () -> new NoSuchElementException("paper " + paper + " is not saved"));
          SavedPaper next =
              new SavedPaper(
                  user,
                  paper,
                  state == null ? current.state() : state,
                  note == null ? current.note() : note,
                  current.savedAt());
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "UPDATE saved_paper SET state = ?, note = ? WHERE user_id = ? AND paper_id = ?")) {
            ps.setString(1, next.state().code());
            ps.setString(2, next.note());
            ps.setString(3, user.value());
            ps.setString(4, paper.value());
            ps.executeUpdate();
          }
          return next;
        });
  }

  @Override
  public Optional<SavedPaper> saved(UserId user, ArxivId paper) {
    return db.read(conn -> readSaved(conn, user, paper));
  }

  private Optional<SavedPaper> readSaved(Connection conn, UserId user, ArxivId paper)
      throws SQLException {
    try (PreparedStatement ps =
        conn.prepareStatement(
            "SELECT paper_id, state, note, saved_at FROM saved_paper"
                + " WHERE user_id = ? AND paper_id = ?")) {
      ps.setString(1, user.value());
      ps.setString(2, paper.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(savedRow(user, rs)) : Optional.empty();
      }
    }
  }

  private SavedPaper savedRow(UserId user, ResultSet rs) throws SQLException {
    return new SavedPaper(
        user,
        new ArxivId(rs.getString(1)),
        ReadingState.parse(rs.getString(2)),
        rs.getString(3),
        dialect.getInstant(rs, 4));
  }

  @Override
  public List<SavedPaper> savedPapers(
      UserId user, @Nullable ReadingState state, int offset, int limit) {
    checkPage(offset, limit);
    return db.read(
        conn -> {
          String sql =
              "SELECT paper_id, state, note, saved_at FROM saved_paper WHERE user_id = ?"
                  + (state == null ? "" : " AND state = ?")
                  + " ORDER BY saved_at DESC, paper_id LIMIT ? OFFSET ?";
          try (PreparedStatement ps = conn.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, user.value());
            if (state != null) {
              ps.setString(i++, state.code());
            }
            ps.setInt(i++, limit);
            ps.setInt(i, offset);
            List<SavedPaper> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(savedRow(user, rs));
              }
            }
            return out;
          }
        });
  }

  /**
   * One query per {@link JdbcPaperStore#IN_CHUNK} users ({@link PaperRows#newestPerUser}), in the
   * order {@link #savedLikes(UserId, int)} gives (that of {@link #savedPapers}).
   */
  @Override
  public Map<UserId, List<Like>> savedLikes(Collection<UserId> users, int limitEach) {
    checkPage(0, limitEach);
    return PaperRows.newestPerUser(
        db,
        "saved_paper",
        "saved_at",
        "paper_id, saved_at",
        users,
        limitEach,
        (user, rs) ->
            new Like(new ArxivId(rs.getString(2)), LikeKind.SAVE, dialect.getInstant(rs, 3)));
  }

  @Override
  public int countSaved(UserId user, @Nullable ReadingState state) {
    return db.read(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "SELECT COUNT(*) FROM saved_paper WHERE user_id = ?"
                      + (state == null ? "" : " AND state = ?"))) {
            ps.setString(1, user.value());
            if (state != null) {
              ps.setString(2, state.code());
            }
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getInt(1);
            }
          }
        });
  }

  @Override
  public Set<ArxivId> savedAmong(UserId user, Collection<ArxivId> papers) {
    return PaperRows.idsAmong(db, "saved_paper", user, papers);
  }

  // ---- collections ----

  @Override
  public PaperCollection createCollection(
      UserId owner, String name, String description, boolean isPublic, Instant now) {
    PaperCollection c =
        new PaperCollection(Secrets.newId(), owner, name, description, isPublic, now, now, 0);
    return db.inTransaction(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "INSERT INTO paper_collection"
                      + " (id, user_id, name, description, is_public, created_at, updated_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, c.id());
            ps.setString(2, owner.value());
            ps.setString(3, c.name());
            ps.setString(4, c.description());
            ps.setInt(5, isPublic ? 1 : 0);
            dialect.setInstant(ps, 6, now);
            dialect.setInstant(ps, 7, now);
            ps.executeUpdate();
          }
          return readCollection(conn, c.id()).orElseThrow();
        });
  }

  private static final String COLLECTION_SELECT =
      "SELECT c.id, c.user_id, c.name, c.description, c.is_public, c.created_at, c.updated_at,"
          + " (SELECT COUNT(*) FROM collection_item i WHERE i.collection_id = c.id)"
          + " FROM paper_collection c";

  @Override
  public Optional<PaperCollection> collection(String id) {
    return db.read(conn -> readCollection(conn, id));
  }

  private Optional<PaperCollection> readCollection(Connection conn, String id) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(COLLECTION_SELECT + " WHERE c.id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(collectionRow(rs)) : Optional.empty();
      }
    }
  }

  private PaperCollection collectionRow(ResultSet rs) throws SQLException {
    return new PaperCollection(
        rs.getString(1),
        new UserId(rs.getString(2)),
        rs.getString(3),
        rs.getString(4),
        rs.getInt(5) == 1,
        dialect.getInstant(rs, 6),
        dialect.getInstant(rs, 7),
        rs.getInt(8));
  }

  @Override
  public List<PaperCollection> collectionsOf(UserId owner) {
    return db.read(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  COLLECTION_SELECT + " WHERE c.user_id = ? ORDER BY c.updated_at DESC, c.id")) {
            ps.setString(1, owner.value());
            List<PaperCollection> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(collectionRow(rs));
              }
            }
            return out;
          }
        });
  }

  @Override
  public PaperCollection updateCollection(
      String id, String name, String description, boolean isPublic, Instant now) {
    String n = PaperCollection.checkName(name);
    return db.inTransaction(
        conn -> {
          PaperCollection current = requireCollection(conn, id);
          PaperCollection next =
              new PaperCollection(
                  id,
                  current.owner(),
                  n,
                  description,
                  isPublic,
                  current.createdAt(),
                  now,
                  current.size());
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "UPDATE paper_collection SET name = ?, description = ?, is_public = ?,"
                      + " updated_at = ? WHERE id = ?")) {
            ps.setString(1, next.name());
            ps.setString(2, next.description());
            ps.setInt(3, isPublic ? 1 : 0);
            dialect.setInstant(ps, 4, now);
            ps.setString(5, id);
            ps.executeUpdate();
          }
          return readCollection(conn, id).orElseThrow();
        });
  }

  private PaperCollection requireCollection(Connection conn, String id) throws SQLException {
    return readCollection(conn, id)
        .orElseThrow(() -> new NoSuchElementException("no collection " + id));
  }

  @Override
  public boolean deleteCollection(String id) {
    return db.inTransaction(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement("DELETE FROM paper_collection WHERE id = ?")) {
            ps.setString(1, id);
            return ps.executeUpdate() == 1;
          }
        });
  }

  @Override
  public boolean addToCollection(String id, ArxivId paper, String note, Instant now) {
    String n = CollectionItem.checkNote(note);
    return db.inTransaction(
        conn -> {
          requireCollection(conn, id);
          requirePaper(conn, paper);
          // The collection row is locked first (PostgreSQL) so two appends to one collection take
          // turns and never get the same position.
          touch(conn, id, now);
          int next;
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "SELECT COALESCE(MAX(position) + 1, 0) FROM collection_item"
                      + " WHERE collection_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              next = rs.getInt(1);
            }
          }
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "INSERT INTO collection_item (collection_id, paper_id, position, note, added_at)"
                      + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (collection_id, paper_id) DO NOTHING")) {
            ps.setString(1, id);
            ps.setString(2, paper.value());
            ps.setInt(3, next);
            ps.setString(4, n);
            dialect.setInstant(ps, 5, now);
            return ps.executeUpdate() == 1;
          }
        });
  }

  private void touch(Connection conn, String id, Instant now) throws SQLException {
    try (PreparedStatement ps =
        conn.prepareStatement("UPDATE paper_collection SET updated_at = ? WHERE id = ?")) {
      dialect.setInstant(ps, 1, now);
      ps.setString(2, id);
      ps.executeUpdate();
    }
  }

  @Override
  public boolean removeFromCollection(String id, ArxivId paper) {
    return db.inTransaction(
        conn -> {
          int deleted;
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "DELETE FROM collection_item WHERE collection_id = ? AND paper_id = ?")) {
            ps.setString(1, id);
            ps.setString(2, paper.value());
            deleted = ps.executeUpdate();
          }
          if (deleted == 1) {
            renumber(conn, id, readItems(conn, id));
          }
          return deleted == 1;
        });
  }

  @Override
  public void setItemNote(String id, ArxivId paper, String note, Instant now) {
    String n = CollectionItem.checkNote(note);
    db.inTransaction(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "UPDATE collection_item SET note = ? WHERE collection_id = ? AND paper_id = ?")) {
            ps.setString(1, n);
            ps.setString(2, id);
            ps.setString(3, paper.value());
            if (ps.executeUpdate() != 1) {
              throw new NoSuchElementException("paper " + paper + " is not in collection " + id);
            }
          }
          touch(conn, id, now);
          return null;
        });
  }

  @Override
  public void moveItem(String id, ArxivId paper, int position, Instant now) {
    db.inTransaction(
        conn -> {
          touch(conn, id, now);
          List<CollectionItem> items = new ArrayList<>(readItems(conn, id));
          CollectionItem moving = null;
          for (CollectionItem item : items) {
            if (item.paper().equals(paper)) {
              moving = item;
            }
          }
          if (moving == null) {
            throw new NoSuchElementException("paper " + paper + " is not in collection " + id);
          }
          items.remove(moving);
          items.add(Math.max(0, Math.min(position, items.size())), moving);
          renumber(conn, id, items);
          return null;
        });
  }

  private static void renumber(Connection conn, String id, List<CollectionItem> inOrder)
      throws SQLException {
    try (PreparedStatement ps =
        conn.prepareStatement(
            "UPDATE collection_item SET position = ? WHERE collection_id = ? AND paper_id = ?")) {
      for (int i = 0; i < inOrder.size(); i++) {
        if (inOrder.get(i).position() != i) {
          ps.setInt(1, i);
          ps.setString(2, id);
          ps.setString(3, inOrder.get(i).paper().value());
          ps.addBatch();
        }
      }
      ps.executeBatch();
    }
  }

  @Override
  public List<CollectionItem> items(String id) {
    return db.read(conn -> readItems(conn, id));
  }

  private List<CollectionItem> readItems(Connection conn, String id) throws SQLException {
    try (PreparedStatement ps =
        conn.prepareStatement(
            "SELECT paper_id, position, note, added_at FROM collection_item"
                + " WHERE collection_id = ? ORDER BY position, added_at, paper_id")) {
      ps.setString(1, id);
      List<CollectionItem> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new CollectionItem(
                  new ArxivId(rs.getString(1)),
                  rs.getInt(2),
                  rs.getString(3),
                  dialect.getInstant(rs, 4)));
        }
      }
      return out;
    }
  }

  @Override
  public Set<String> collectionsHolding(UserId owner, ArxivId paper) {
    return db.read(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "SELECT c.id FROM paper_collection c JOIN collection_item i"
                      + " ON i.collection_id = c.id WHERE c.user_id = ? AND i.paper_id = ?")) {
            ps.setString(1, owner.value());
            ps.setString(2, paper.value());
            Set<String> out = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(rs.getString(1));
              }
            }
            return out;
          }
        });
  }

  // ---- follows ----

  @Override
  public boolean follow(UserId user, FollowKind kind, String key, String label, Instant now) {
    Follow f = new Follow(kind, key, label, now);
    return db.inTransaction(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "INSERT INTO follow (user_id, kind, follow_key, label, created_at)"
                      + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (user_id, kind, follow_key) DO NOTHING")) {
            ps.setString(1, user.value());
            ps.setString(2, kind.code());
            ps.setString(3, f.key());
            ps.setString(4, f.label());
            dialect.setInstant(ps, 5, now);
            return ps.executeUpdate() == 1;
          }
        });
  }

  @Override
  public boolean unfollow(UserId user, FollowKind kind, String key) {
    return db.inTransaction(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "DELETE FROM follow WHERE user_id = ? AND kind = ? AND follow_key = ?")) {
            ps.setString(1, user.value());
            ps.setString(2, kind.code());
            ps.setString(3, key);
            return ps.executeUpdate() == 1;
          }
        });
  }

  @Override
  public List<Follow> follows(UserId user) {
    return db.read(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "SELECT kind, follow_key, label, created_at FROM follow WHERE user_id = ?"
                      + " ORDER BY kind, label, follow_key")) {
            ps.setString(1, user.value());
            List<Follow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new Follow(
                        FollowKind.parse(rs.getString(1)),
                        rs.getString(2),
                        rs.getString(3),
                        dialect.getInstant(rs, 4)));
              }
            }
            return out;
          }
        });
  }

  // ---- recommendation feedback ----

  @Override
  public boolean notInterested(UserId user, ArxivId paper, Instant now) {
    return db.inTransaction(
        conn -> {
          requirePaper(conn, paper);
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "INSERT INTO not_interested (user_id, paper_id, created_at) VALUES (?, ?, ?)"
                      + " ON CONFLICT (user_id, paper_id) DO NOTHING")) {
            ps.setString(1, user.value());
            ps.setString(2, paper.value());
            dialect.setInstant(ps, 3, now);
            return ps.executeUpdate() == 1;
          }
        });
  }

  @Override
  public List<ArxivId> notInterestedIn(UserId user, int limit) {
    return db.read(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "SELECT paper_id FROM not_interested WHERE user_id = ?"
                      + " ORDER BY created_at DESC, paper_id LIMIT ?")) {
            ps.setString(1, user.value());
            ps.setInt(2, limit);
            List<ArxivId> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(new ArxivId(rs.getString(1)));
              }
            }
            return out;
          }
        });
  }

  /**
   * One query per {@link JdbcPaperStore#IN_CHUNK} users ({@link PaperRows#newestPerUser}), in the
   * order {@link #notInterestedIn(UserId, int)} gives.
   */
  @Override
  public Map<UserId, List<ArxivId>> notInterestedIn(Collection<UserId> users, int limitEach) {
    return PaperRows.newestPerUser(
        db,
        "not_interested",
        "created_at",
        "paper_id",
        users,
        limitEach,
        (user, rs) -> new ArxivId(rs.getString(2)));
  }

  @Override
  public void resetProfile(UserId user, Instant now) {
    db.inTransaction(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement("DELETE FROM not_interested WHERE user_id = ?")) {
            ps.setString(1, user.value());
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "INSERT INTO taste_reset (user_id, reset_at) VALUES (?, ?)"
                      + " ON CONFLICT (user_id) DO UPDATE SET reset_at = excluded.reset_at")) {
            ps.setString(1, user.value());
            dialect.setInstant(ps, 2, now);
            ps.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public Optional<Instant> profileResetAt(UserId user) {
    return db.read(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement("SELECT reset_at FROM taste_reset WHERE user_id = ?")) {
            ps.setString(1, user.value());
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.ofNullable(dialect.getInstant(rs, 1)) : Optional.empty();
            }
          }
        });
  }

  /** One query per {@link JdbcPaperStore#IN_CHUNK} users. */
  @Override
  public Map<UserId, Instant> profileResetAt(Collection<UserId> users) {
    if (users.isEmpty()) {
      return Map.of();
    }
    List<UserId> all = new ArrayList<>(new LinkedHashSet<>(users));
    Map<String, UserId> byId = new HashMap<>();
    for (UserId u : all) {
      byId.put(u.value(), u);
    }
    return db.read(
        conn -> {
          Map<UserId, Instant> out = new HashMap<>();
          for (int i = 0; i < all.size(); i += JdbcPaperStore.IN_CHUNK) {
            List<UserId> chunk = all.subList(i, Math.min(all.size(), i + JdbcPaperStore.IN_CHUNK));
            try (PreparedStatement ps =
                conn.prepareStatement(
                    "SELECT user_id, reset_at FROM taste_reset WHERE user_id IN ("
                        + PaperRows.placeholders(chunk.size())
                        + ")")) {
              for (int j = 0; j < chunk.size(); j++) {
                ps.setString(j + 1, chunk.get(j).value());
              }
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  UserId user = byId.get(rs.getString(1));
                  Instant at = dialect.getInstant(rs, 2);
                  if (user != null && at != null) {
                    out.put(user, at);
                  }
                }
              }
            }
          }
          return out;
        });
  }

  private static void requirePaper(Connection conn, ArxivId paper) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("SELECT 1 FROM paper WHERE id = ?")) {
      ps.setString(1, paper.value());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new NoSuchElementException("no paper " + paper + " in the store");
        }
      }
    }
  }

  private static void checkPage(int offset, int limit) {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be >= 0, offset: " + offset);
    }
    if (limit < 1 || limit > 10_000) {
      throw new IllegalArgumentException("limit must be 1..10000, limit: " + limit);
    }
  }
}
