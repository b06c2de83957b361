package dev.paperboy.store;

import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.DailyEntry;
import dev.paperboy.core.paper.DayCount;
import dev.paperboy.core.paper.EntryOrder;
import dev.paperboy.core.paper.EntryQuery;
import dev.paperboy.core.paper.Outcome;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.paper.PaperChange;
import dev.paperboy.core.paper.PaperMerge;
import dev.paperboy.core.paper.PaperStore;
import dev.paperboy.core.paper.StoreStats;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@link PaperStore} on a JDBC {@link Database} (SQLite or PostgreSQL, same SQL).
 *
 * <p>Upserts read the stored rows of a whole batch in one query, merge in memory with the core
 * rules ({@link PaperMerge}, {@link DailyEntry#merge}), and write only the rows that changed, all
 * in one transaction. A batch may name the same paper twice; its records merge in order.
 */
public final class JdbcPaperStore implements PaperStore {
  /**
   * What list queries read: the view {@code listed_entry}, day-list entries with the local votes
   * added to the imported baseline (migration V6). Imports read and write {@code daily_entry}, the
   * baseline, so merging a re-imported count never mixes in local votes.
   */
  static final String LISTED = "listed_entry";

  /** Ids per {@code IN (...)} list; well under SQLite's and PostgreSQL's parameter limits. */
  static final int IN_CHUNK = 500;

  private final Database db;
  private final Dialect dialect;
  private final boolean ownsDatabase;

  /**
   * A store on {@code db}. {@link #close()} leaves the database open: whoever opened it closes it
   * (other stores share it).
   */
  public JdbcPaperStore(Database db) {
    this(db, false);
  }

  private JdbcPaperStore(Database db, boolean ownsDatabase) {
    this.db = Objects.requireNonNull(db, "db");
    this.dialect = db.dialect();
    this.ownsDatabase = ownsDatabase;
  }

  /** A store that closes {@code db} when it is closed: for tools and tests with one store. */
  public static JdbcPaperStore owning(Database db) {
    return new JdbcPaperStore(db, true);
  }

  public Database database() {
    return db;
  }

  @Override
  public List<Outcome> upsertPapers(List<Paper> papers) {
    if (papers.isEmpty()) {
      return List.of();
    }
    return db.inTransaction(
        conn -> {
          dialect.lockForWrite(conn, "paper");
          Set<ArxivId> ids = new LinkedHashSet<>();
          for (Paper p : papers) {
            ids.add(p.id());
          }
          Map<ArxivId, Paper> stored = loadPapers(conn, ids);
          Map<ArxivId, Paper> current = new HashMap<>(stored);
          List<Outcome> outcomes = new ArrayList<>(papers.size());
          for (Paper p : papers) {
            Paper old = current.get(p.id());
            if (old == null) {
              current.put(p.id(), p);
              outcomes.add(Outcome.ADDED);
            } else {
              Paper merged = PaperMerge.merge(old, p);
              current.put(p.id(), merged);
              outcomes.add(merged.equals(old) ? Outcome.UNCHANGED : Outcome.UPDATED);
            }
          }
          List<Paper> inserts = new ArrayList<>();
          List<Paper> updates = new ArrayList<>();
          List<Paper> recategorised = new ArrayList<>();
          for (ArxivId id : ids) {
            Paper now = current.get(id);
            Paper before = stored.get(id);
            if (before == null) {
              inserts.add(now);
            } else if (!now.equals(before)) {
              updates.add(now);
              if (!now.categories().equals(before.categories())
                  || !Objects.equals(now.primaryCategory(), before.primaryCategory())) {
                recategorised.add(now);
              }
            }
          }
          if (!inserts.isEmpty() || !updates.isEmpty()) {
            ChangeSeq.lock(conn, dialect);
            writePapers(conn, inserts, updates, recategorised);
            List<ArxivId> changed = new ArrayList<>(inserts.size() + updates.size());
            inserts.forEach(p -> changed.add(p.id()));
            updates.forEach(p -> changed.add(p.id()));
            ChangeSeq.stamp(conn, dialect, changed);
          }
          return outcomes;
        });
  }

  private void writePapers(
      Connection conn, List<Paper> inserts, List<Paper> updates, List<Paper> recategorised)
      throws SQLException {
    if (!inserts.isEmpty()) {
      try (PreparedStatement ps = conn.prepareStatement(PaperRows.INSERT_PAPER)) {
        for (Paper p : inserts) {
          PaperRows.bindInsert(ps, dialect, p);
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    if (!updates.isEmpty()) {
      try (PreparedStatement ps = conn.prepareStatement(PaperRows.UPDATE_PAPER)) {
        for (Paper p : updates) {
          PaperRows.bindUpdate(ps, dialect, p);
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    if (!recategorised.isEmpty()) {
      try (PreparedStatement ps = conn.prepareStatement(PaperRows.DELETE_CATEGORIES)) {
        for (Paper p : recategorised) {
          ps.setString(1, p.id().value());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    List<Paper> withCategories = new ArrayList<>(inserts);
    withCategories.addAll(recategorised);
    insertCategories(conn, withCategories);
  }

  private static void insertCategories(Connection conn, List<Paper> papers) throws SQLException {
    boolean any = false;
    try (PreparedStatement ps = conn.prepareStatement(PaperRows.INSERT_CATEGORY)) {
      for (Paper p : papers) {
        // A source may repeat a category; the table keeps each once.
        for (String category : new LinkedHashSet<>(p.categories())) {
          ps.setString(1, p.id().value());
          ps.setString(2, category);
          ps.setBoolean(3, category.equals(p.primaryCategory()));
          ps.addBatch();
          any = true;
        }
      }
      if (any) {
        ps.executeBatch();
      }
    }
  }

  private record EntryKey(LocalDate day, ArxivId paperId) {
    static EntryKey of(DailyEntry e) {
      return new EntryKey(e.day(), e.paperId());
    }
  }

  @Override
  public List<Outcome> upsertEntries(List<DailyEntry> entries) {
    if (entries.isEmpty()) {
      return List.of();
    }
    return db.inTransaction(
        conn -> {
          dialect.lockForWrite(conn, "daily_entry");
          Set<ArxivId> ids = new LinkedHashSet<>();
          for (DailyEntry e : entries) {
            ids.add(e.paperId());
          }
          requirePapers(conn, ids, entries);
          Map<EntryKey, DailyEntry> stored = new HashMap<>();
          for (List<ArxivId> chunk : chunks(ids)) {
            String sql =
                "SELECT "
                    + PaperRows.ENTRY_COLUMNS
                    + " FROM daily_entry WHERE paper_id IN ("
                    + PaperRows.placeholders(chunk.size())
                    + ")";
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
              bindIds(ps, chunk);
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  DailyEntry e = PaperRows.readEntry(rs, dialect);
                  stored.put(EntryKey.of(e), e);
                }
              }
            }
          }
          Map<EntryKey, DailyEntry> current = new HashMap<>(stored);
          Set<EntryKey> touched = new LinkedHashSet<>();
          List<Outcome> outcomes = new ArrayList<>(entries.size());
          for (DailyEntry incoming : entries) {
            DailyEntry e = asStored(incoming);
            EntryKey key = EntryKey.of(e);
            touched.add(key);
            DailyEntry old = current.get(key);
            if (old == null) {
              current.put(key, e);
              outcomes.add(Outcome.ADDED);
            } else {
              DailyEntry merged = old.merge(e);
              current.put(key, merged);
              outcomes.add(merged.equals(old) ? Outcome.UNCHANGED : Outcome.UPDATED);
            }
          }
          try (PreparedStatement insert = conn.prepareStatement(PaperRows.INSERT_ENTRY);
              PreparedStatement update = conn.prepareStatement(PaperRows.UPDATE_ENTRY)) {
            int inserts = 0;
            int updates = 0;
            Set<ArxivId> changed = new LinkedHashSet<>();
            for (EntryKey key : touched) {
              DailyEntry now = current.get(key);
              DailyEntry before = stored.get(key);
              if (before == null || !now.equals(before)) {
                changed.add(key.paperId());
              }
              if (before == null) {
                PaperRows.bindEntryInsert(insert, dialect, now);
                insert.addBatch();
                inserts++;
              } else if (!now.equals(before)) {
                PaperRows.bindEntryUpdate(update, dialect, now);
                update.addBatch();
                updates++;
              }
            }
            if (inserts > 0) {
              insert.executeBatch();
            }
            if (updates > 0) {
              update.executeBatch();
            }
            // An entry change is a change of its paper for the index (Importer re-indexes it too).
            ChangeSeq.stamp(conn, dialect, changed);
          }
          return outcomes;
        });
  }

  /** The entry with its time at the store's resolution, so a re-import compares equal. */
  private static DailyEntry asStored(DailyEntry e) {
    if (e.submittedAt() == null || e.submittedAt().equals(Dialect.storedInstant(e.submittedAt()))) {
      return e;
    }
    return new DailyEntry(
        e.day(),
        e.paperId(),
        e.source(),
        e.submitter(),
        e.upvotes(),
        Dialect.storedInstant(e.submittedAt()));
  }

  private static void requirePapers(Connection conn, Set<ArxivId> ids, List<DailyEntry> entries)
      throws SQLException {
    Set<String> known = new HashSet<>();
    for (List<ArxivId> chunk : chunks(ids)) {
      String sql =
          "SELECT id FROM paper WHERE id IN (" + PaperRows.placeholders(chunk.size()) + ")";
      try (PreparedStatement ps = conn.prepareStatement(sql)) {
        bindIds(ps, chunk);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            known.add(rs.getString(1));
          }
        }
      }
    }
    if (known.size() < ids.size()) {
      for (DailyEntry e : entries) {
        if (!known.contains(e.paperId().value())) {
          throw new IllegalStateException(
              "entry for unknown paper "
                  + e.paperId()
                  + " on "
                  + e.day()
                  + ": store the paper before its day-list entries");
        }
      }
    }
  }

  @Override
  public Optional<Paper> findPaper(ArxivId id) {
    return db.read(conn -> Optional.ofNullable(loadPapers(conn, List.of(id)).get(id)));
  }

  @Override
  public List<Paper> findPapers(Collection<ArxivId> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<ArxivId, Paper> found = db.read(conn -> loadPapers(conn, new LinkedHashSet<>(ids)));
    List<Paper> out = new ArrayList<>(ids.size());
    for (ArxivId id : ids) {
      Paper p = found.get(id);
      if (p != null) {
        out.add(p);
      }
    }
    return out;
  }

  @Override
  public List<Paper> papersAfter(@Nullable ArxivId after, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0, limit: " + limit);
    }
    if (limit == 0) {
      return List.of();
    }
    String sql =
        "SELECT "
            + PaperRows.PAPER_COLUMNS
            + " FROM paper"
            + (after == null ? "" : " WHERE id > ?")
            + " ORDER BY id LIMIT ?";
    return db.read(
        conn -> {
          try (PreparedStatement ps = conn.prepareStatement(sql)) {
            int i = 1;
            if (after != null) {
              ps.setString(i++, after.value());
            }
            ps.setInt(i, limit);
            List<Paper> out = new ArrayList<>(Math.min(limit, 1024));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(PaperRows.readPaper(rs, dialect));
              }
            }
            return out;
          }
        });
  }

  @Override
  public long changeHorizon() {
    return db.read(ChangeSeq::horizon);
  }

  @Override
  public List<PaperChange> changesAfter(long seq, int limit) {
    PaperStore.checkChanges(seq, limit);
    return db.read(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "SELECT id, change_seq FROM paper WHERE change_seq > ?"
                      + " ORDER BY change_seq LIMIT ?")) {
            ps.setLong(1, seq);
            ps.setInt(2, limit);
            List<PaperChange> out = new ArrayList<>(Math.min(limit, 1024));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(new PaperChange(ArxivId.parse(rs.getString(1)), rs.getLong(2)));
              }
            }
            return out;
          }
        });
  }

  @Override
  public List<DailyEntry> entriesOn(LocalDate day) {
    return queryEntries(
        "SELECT "
            + PaperRows.ENTRY_COLUMNS
            + " FROM "
            + LISTED
            + " WHERE day = ? ORDER BY upvotes DESC, paper_id",
        ps -> dialect.setDate(ps, 1, day));
  }

  @Override
  public List<DailyEntry> entriesOf(ArxivId id) {
    return queryEntries(
        "SELECT "
            + PaperRows.ENTRY_COLUMNS
            + " FROM "
            + LISTED
            + " WHERE paper_id = ? ORDER BY day",
        ps -> ps.setString(1, id.value()));
  }

  @Override
  public Optional<LocalDate> latestDay() {
    return queryDay("SELECT MAX(day) FROM daily_entry", ps -> {});
  }

  @Override
  public Optional<LocalDate> dayBefore(LocalDate day) {
    return queryDay(
        "SELECT MAX(day) FROM daily_entry WHERE day < ?", ps -> dialect.setDate(ps, 1, day));
  }

  @Override
  public Optional<LocalDate> dayAfter(LocalDate day) {
    return queryDay(
        "SELECT MIN(day) FROM daily_entry WHERE day > ?", ps -> dialect.setDate(ps, 1, day));
  }

  /**
   * The entries the first, newest-first look for a category's latest day reads: enough for several
   * days of a busy install's lists, cheap (one primary key range, one primary key probe each).
   */
  static final int CATEGORY_PROBE = 2000;

  @Override
  public Optional<LocalDate> latestDayIn(String category) {
    return categoryDay(category, null, true);
  }

  @Override
  public Optional<LocalDate> dayBeforeIn(String category, LocalDate day) {
    return categoryDay(category, day, true);
  }

  @Override
  public Optional<LocalDate> dayAfterIn(String category, LocalDate day) {
    return categoryDay(category, day, false);
  }

  /**
   * The nearest day before (or after) {@code bound} (the latest day when null) with a visible entry
   * of a paper of {@code category}, in two index-served queries, neither a scan of every entry.
   *
   * <p>First the {@link #CATEGORY_PROBE} entries nearest the bound, walked on the primary key
   * {@code (day, paper_id)}, each checked on {@code paper_category}'s primary key: this finds a
   * busy category's day at once. Only a quiet category (none of those entries) runs the second
   * query, which starts from the category's papers ({@code paper_category_by_category}) and reads
   * their days from {@code daily_entry_by_paper (paper_id, day)}: its cost grows with the papers of
   * the category, and a category without papers costs one index probe. (One query would do on
   * PostgreSQL, whose planner picks either plan by the category's frequency; SQLite always starts
   * from the category and sorts, 15-30 ms for a category of 25,000-38,000 papers.) Hidden papers
   * are left out, as in {@link #LISTED}, so a category page's window ends on a day it shows.
   */
  private Optional<LocalDate> categoryDay(
      String category, @Nullable LocalDate bound, boolean before) {
    String dir = before ? "DESC" : "ASC";
    String cmp = before ? " < ?" : " > ?";
    String visible =
        " AND NOT EXISTS (SELECT 1 FROM paper_hidden h WHERE h.paper_id = e.paper_id)"
            + " ORDER BY e.day "
            + dir
            + " LIMIT 1";
    String near =
        "SELECT e.day FROM (SELECT day, paper_id FROM daily_entry"
            + (bound == null ? "" : " WHERE day" + cmp)
            + " ORDER BY day "
            + dir
            + " LIMIT "
            + CATEGORY_PROBE
            + ") e WHERE EXISTS (SELECT 1 FROM paper_category c"
            + " WHERE c.paper_id = e.paper_id AND c.category = ?)"
            + visible;
    Optional<LocalDate> found =
        queryDay(
            near,
            ps -> {
              int i = 1;
              if (bound != null) {
                dialect.setDate(ps, i++, bound);
              }
              ps.setString(i, category);
            });
    if (found.isPresent()) {
      return found;
    }
    String byCategory =
        "SELECT e.day FROM paper_category c JOIN daily_entry e ON e.paper_id = c.paper_id"
            + " WHERE c.category = ?"
            + (bound == null ? "" : " AND e.day" + cmp)
            + visible;
    return queryDay(
        byCategory,
        ps -> {
          ps.setString(1, category);
          if (bound != null) {
            dialect.setDate(ps, 2, bound);
          }
        });
  }

  /**
   * One query: the entries of the range (primary key range on {@code day}), the best entry of each
   * paper picked with a window function, the category checked through {@code paper_category}'s
   * primary key, sorted and paged in the database.
   */
  @Override
  public List<DailyEntry> entries(EntryQuery query, EntryOrder order, int offset, int limit) {
    PaperStore.checkPage(offset, limit);
    String orderBy =
        switch (order) {
          case UPVOTES -> "upvotes DESC, day DESC, paper_id";
          case NEWEST -> "day DESC, upvotes DESC, paper_id";
        };
    // One day has one entry per paper (the primary key), so it needs no de-duplication.
    if (query.from().equals(query.to())) {
      return queryEntries(
          "SELECT "
              + PaperRows.ENTRY_COLUMNS
              + " FROM "
              + LISTED
              + " e"
              + entryFilter(query)
              + " ORDER BY "
              + orderBy
              + " LIMIT ? OFFSET ?",
          ps -> {
            int i = bindEntryFilter(ps, query);
            ps.setInt(i++, limit);
            ps.setInt(i, offset);
          });
    }
    // The representative entry of a paper: most upvotes, then the later day (PaperStore#entries).
    String sql =
        "SELECT "
            + PaperRows.ENTRY_COLUMNS
            + " FROM (SELECT "
            + PaperRows.ENTRY_COLUMNS
            + ", ROW_NUMBER() OVER (PARTITION BY paper_id ORDER BY upvotes DESC, day DESC) AS rn"
            + " FROM "
            + LISTED
            + " e"
            + entryFilter(query)
            + ") best WHERE rn = 1 ORDER BY "
            + orderBy
            + " LIMIT ? OFFSET ?";
    return queryEntries(
        sql,
        ps -> {
          int i = bindEntryFilter(ps, query);
          ps.setInt(i++, limit);
          ps.setInt(i, offset);
        });
  }

  @Override
  public long countEntries(EntryQuery query) {
    String sql = "SELECT COUNT(DISTINCT paper_id) FROM " + LISTED + " e" + entryFilter(query);
    return db.read(
        conn -> {
          try (PreparedStatement ps = conn.prepareStatement(sql)) {
            bindEntryFilter(ps, query);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  @Override
  public List<DayCount> dayCounts(LocalDate from, LocalDate to) {
    EntryQuery range = EntryQuery.between(from, to);
    return db.read(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "SELECT day, COUNT(*) FROM daily_entry WHERE day >= ? AND day <= ?"
                      + " GROUP BY day ORDER BY day")) {
            dialect.setDate(ps, 1, range.from());
            dialect.setDate(ps, 2, range.to());
            List<DayCount> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(new DayCount(dialect.getDate(rs, 1), rs.getInt(2)));
              }
            }
            return out;
          }
        });
  }

  @Override
  public Map<ArxivId, Integer> upvotesOf(Collection<ArxivId> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return db.read(
        conn -> {
          Map<ArxivId, Integer> out = new HashMap<>();
          for (List<ArxivId> chunk : chunks(new LinkedHashSet<>(ids))) {
            String sql =
                "SELECT paper_id, MAX(upvotes) FROM "
                    + LISTED
                    + " WHERE paper_id IN ("
                    + PaperRows.placeholders(chunk.size())
                    + ") GROUP BY paper_id";
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
              bindIds(ps, chunk);
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

  /** The WHERE clause of an {@link EntryQuery} over {@code daily_entry e}. */
  private static String entryFilter(EntryQuery q) {
    return " WHERE e.day >= ? AND e.day <= ? AND e.upvotes >= ?"
        + (q.category() == null
            ? ""
            : " AND EXISTS (SELECT 1 FROM paper_category c"
                + " WHERE c.paper_id = e.paper_id AND c.category = ?)");
  }

  /** Binds {@link #entryFilter}'s parameters; returns the next parameter index. */
  private int bindEntryFilter(PreparedStatement ps, EntryQuery q) throws SQLException {
    int i = 1;
    dialect.setDate(ps, i++, q.from());
    dialect.setDate(ps, i++, q.to());
    ps.setInt(i++, q.minUpvotes());
    if (q.category() != null) {
      ps.setString(i++, q.category());
    }
    return i;
  }

  @Override
  public StoreStats stats() {
    return db.read(
        conn -> {
          try (PreparedStatement ps =
                  conn.prepareStatement(
                      "SELECT (SELECT COUNT(*) FROM paper),"
                          + " (SELECT COUNT(*) FROM daily_entry),"
                          + " (SELECT COUNT(DISTINCT day) FROM daily_entry),"
                          + " (SELECT COUNT(*) FROM paper WHERE has_code),"
                          + " (SELECT MIN(day) FROM daily_entry),"
                          + " (SELECT MAX(day) FROM daily_entry)");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new StoreStats(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getLong(4),
                dialect.getDate(rs, 5),
                dialect.getDate(rs, 6));
          }
        });
  }

  /** Closes the database only when this store owns it ({@link #owning}). */
  @Override
  public void close() {
    if (ownsDatabase) {
      db.close();
    }
  }

  // --- helpers

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private List<DailyEntry> queryEntries(String sql, Binder binder) {
    return db.read(
        conn -> {
          try (PreparedStatement ps = conn.prepareStatement(sql)) {
            binder.bind(ps);
            List<DailyEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(PaperRows.readEntry(rs, dialect));
              }
            }
            return out;
          }
        });
  }

  private Optional<LocalDate> queryDay(String sql, Binder binder) {
    return db.read(
        conn -> {
          try (PreparedStatement ps = conn.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.ofNullable(dialect.getDate(rs, 1)) : Optional.empty();
            }
          }
        });
  }

  private Map<ArxivId, Paper> loadPapers(Connection conn, Collection<ArxivId> ids)
      throws SQLException {
    Map<ArxivId, Paper> out = new HashMap<>(ids.size() * 2);
    for (List<ArxivId> chunk : chunks(ids)) {
      String sql =
          "SELECT "
              + PaperRows.PAPER_COLUMNS
              + " FROM paper WHERE id IN ("
              + PaperRows.placeholders(chunk.size())
              + ")";
      try (PreparedStatement ps = conn.prepareStatement(sql)) {
        bindIds(ps, chunk);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Paper p = PaperRows.readPaper(rs, dialect);
            out.put(p.id(), p);
          }
        }
      }
    }
    return out;
  }

  private static void bindIds(PreparedStatement ps, List<ArxivId> ids) throws SQLException {
    for (int i = 0; i < ids.size(); i++) {
      ps.setString(i + 1, ids.get(i).value());
    }
  }

  private static List<List<ArxivId>> chunks(Collection<ArxivId> ids) {
    List<ArxivId> all = new ArrayList<>(ids);
    List<List<ArxivId>> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += IN_CHUNK) {
      out.add(all.subList(i, Math.min(all.size(), i + IN_CHUNK)));
    }
    return out;
  }

  @Override
  public String toString() {
    return "JdbcPaperStore[" + db + "]";
  }
}
