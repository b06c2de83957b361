package dev.paperboy.store;

import dev.paperboy.core.account.UserId;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.DailyEntry;
import dev.paperboy.core.paper.EntrySource;
import dev.paperboy.core.paper.Paper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * Maps {@link Paper} and {@link DailyEntry} to table rows and back. A row read back equals the
 * record written (lists, nulls and empty strings included), which is what makes a second import
 * report UNCHANGED.
 */
final class PaperRows {
  private PaperRows() {}

  /** Paper columns after {@code id}, in binding order. */
  private static final List<String> PAPER_FIELDS =
      List.of(
          "version",
          "title",
          "abstract",
          "authors",
          "primary_category",
          "categories",
          "comments",
          "journal_ref",
          "doi",
          "license",
          "submitted",
          "updated",
          "listing_date",
          "code_url",
          "project_page",
          "versions",
          "ai_summary",
          "ai_keywords",
          "github_stars",
          "withdrawn",
          "has_code",
          "code_url_from_text");

  static final String PAPER_COLUMNS = "id, " + String.join(", ", PAPER_FIELDS);

  static final String INSERT_PAPER =
      "INSERT INTO paper ("
          + PAPER_COLUMNS
          + ") VALUES ("
          + placeholders(1 + PAPER_FIELDS.size())
          + ")";

  static final String UPDATE_PAPER =
      "UPDATE paper SET " + String.join(" = ?, ", PAPER_FIELDS) + " = ? WHERE id = ?";

  static final String INSERT_CATEGORY =
      "INSERT INTO paper_category (paper_id, category, is_primary) VALUES (?, ?, ?)";

  static final String DELETE_CATEGORIES = "DELETE FROM paper_category WHERE paper_id = ?";

  static final String ENTRY_COLUMNS = "day, paper_id, source, submitter, upvotes, submitted_at";

  static final String INSERT_ENTRY =
      "INSERT INTO daily_entry (" + ENTRY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)";

  static final String UPDATE_ENTRY =
      "UPDATE daily_entry SET source = ?, submitter = ?, upvotes = ?, submitted_at = ?"
          + " WHERE day = ? AND paper_id = ?";

  /** {@code ?, ?, ?} with {@code n} markers. */
  static String placeholders(int n) {
    StringJoiner j = new StringJoiner(", ");
    for (int i = 0; i < n; i++) {
      j.add("?");
    }
    return j.toString();
  }

  /**
   * Which of {@code papers} have a row in {@code table} (a table of ours with {@code paper_id}:
   * saved papers, votes, hidden papers), of {@code user} when given (the table then has {@code
   * user_id}), asked in chunks of {@link JdbcPaperStore#IN_CHUNK}.
   */
  static Set<ArxivId> idsAmong(
      Database db, String table, @Nullable UserId user, Collection<ArxivId> papers) {
    if (papers.isEmpty()) {
      return Set.of();
    }
    List<ArxivId> all = new ArrayList<>(new LinkedHashSet<>(papers));
    String sql =
        "SELECT paper_id FROM "
            + table
            + (user == null ? " WHERE paper_id IN (" : " WHERE user_id = ? AND paper_id IN (");
    int first = user == null ? 1 : 2;
    return db.read(
        conn -> {
          Set<ArxivId> out = new HashSet<>();
          for (int i = 0; i < all.size(); i += JdbcPaperStore.IN_CHUNK) {
            List<ArxivId> chunk = all.subList(i, Math.min(all.size(), i + JdbcPaperStore.IN_CHUNK));
            try (PreparedStatement ps =
                conn.prepareStatement(sql + placeholders(chunk.size()) + ")")) {
              if (user != null) {
                ps.setString(1, user.value());
              }
              for (int j = 0; j < chunk.size(); j++) {
                ps.setString(j + first, chunk.get(j).value());
              }
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  out.add(new ArxivId(rs.getString(1)));
                }
              }
            }
          }
          return out;
        });
  }

  /** Reads one row of {@code user}'s own columns (from column 2 on; column 1 is its id). */
  @FunctionalInterface
  interface RowReader<T> {
    T read(UserId user, ResultSet rs) throws SQLException;
  }

  /**
   * Each user's newest {@code limitEach} rows of {@code table} (a table of ours with {@code
   * user_id} and {@code paper_id}), newest by {@code timeColumn} and then by paper id, the order
   * the per-user reads give ({@code ORDER BY timeColumn DESC, paper_id LIMIT ?}). One query per
   * {@link JdbcPaperStore#IN_CHUNK} users, all in one read transaction, with a window function
   * ({@code ROW_NUMBER() OVER (PARTITION BY user_id ...)}, SQLite 3.25+ and PostgreSQL) so the
   * limit applies per user. Users without rows are left out; a user named twice is read once.
   *
   * @param columns the columns {@code reader} reads, from column 2 on (names of ours, never input)
   */
  static <T> Map<UserId, List<T>> newestPerUser(
      Database db,
      String table,
      String timeColumn,
      String columns,
      Collection<UserId> users,
      int limitEach,
      RowReader<T> reader) {
    if (limitEach < 1) {
      throw new IllegalArgumentException("limitEach must be >= 1, limitEach: " + limitEach);
    }
    if (users.isEmpty()) {
      return Map.of();
    }
    List<UserId> all = new ArrayList<>(new LinkedHashSet<>(users));
    // The rows name users by id text: map it back to the caller's ids (no parsing per row).
    Map<String, UserId> byId = new HashMap<>();
    for (UserId u : all) {
      byId.put(u.value(), u);
    }
    String head =
        "SELECT user_id, "
            + columns
            + " FROM (SELECT user_id, "
            + columns
            + ", ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY "
            + timeColumn
            + " DESC, paper_id) AS n FROM "
            + table
            + " WHERE user_id IN (";
    return db.read(
        conn -> {
          Map<UserId, List<T>> out = new HashMap<>();
          for (int i = 0; i < all.size(); i += JdbcPaperStore.IN_CHUNK) {
            List<UserId> chunk = all.subList(i, Math.min(all.size(), i + JdbcPaperStore.IN_CHUNK));
            try (PreparedStatement ps =
                conn.prepareStatement(
                    head
                        + placeholders(chunk.size())
                        + ")) newest WHERE n <= ? ORDER BY user_id, n")) {
              int p = 1;
              for (UserId u : chunk) {
                ps.setString(p++, u.value());
              }
              ps.setInt(p, limitEach);
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  UserId user = byId.get(rs.getString(1));
                  if (user == null) {
                    throw new SQLException("a row of an unasked user: " + rs.getString(1));
                  }
                  out.computeIfAbsent(user, k -> new ArrayList<>()).add(reader.read(user, rs));
                }
              }
            }
          }
          return out;
        });
  }

  static void bindInsert(PreparedStatement ps, Dialect d, Paper p) throws SQLException {
    ps.setString(1, p.id().value());
    bindFields(ps, 2, d, p);
  }

  static void bindUpdate(PreparedStatement ps, Dialect d, Paper p) throws SQLException {
    int next = bindFields(ps, 1, d, p);
    ps.setString(next, p.id().value());
  }

  private static int bindFields(PreparedStatement ps, int start, Dialect d, Paper p)
      throws SQLException {
    int i = start;
    ps.setInt(i++, p.version());
    ps.setString(i++, p.title());
    ps.setString(i++, p.abstractText());
    ps.setString(i++, JsonColumns.strings(p.authors()));
    ps.setString(i++, p.primaryCategory());
    ps.setString(i++, JsonColumns.strings(p.categories()));
    ps.setString(i++, p.comments());
    ps.setString(i++, p.journalRef());
    ps.setString(i++, p.doi());
    ps.setString(i++, p.license());
    d.setDate(ps, i++, p.submitted());
    d.setDate(ps, i++, p.updated());
    d.setDate(ps, i++, p.listingDate());
    ps.setString(i++, p.codeUrl());
    ps.setString(i++, p.projectPage());
    ps.setString(i++, JsonColumns.versions(p.versions()));
    ps.setString(i++, p.aiSummary());
    ps.setString(i++, JsonColumns.strings(p.aiKeywords()));
    if (p.githubStars() == null) {
      ps.setNull(i++, Types.INTEGER);
    } else {
      ps.setInt(i++, p.githubStars());
    }
    ps.setBoolean(i++, p.withdrawn());
    ps.setBoolean(i++, p.hasCode());
    ps.setBoolean(i++, p.codeUrlFromText());
    return i;
  }

  /** Reads a paper from a row selected with {@link #PAPER_COLUMNS}. */
  static Paper readPaper(ResultSet rs, Dialect d) throws SQLException {
    String id = rs.getString(1);
    int stars = rs.getInt(20);
    Integer githubStars = rs.wasNull() ? null : stars;
    return Paper.builder(new ArxivId(id), rs.getString(3))
        .version(rs.getInt(2))
        .abstractText(rs.getString(4))
        .authors(JsonColumns.strings(rs.getString(5), "paper.authors of " + id))
        .primaryCategory(rs.getString(6))
        .categories(JsonColumns.strings(rs.getString(7), "paper.categories of " + id))
        .comments(rs.getString(8))
        .journalRef(rs.getString(9))
        .doi(rs.getString(10))
        .license(rs.getString(11))
        .submitted(d.getDate(rs, 12))
        .updated(d.getDate(rs, 13))
        .listingDate(d.getDate(rs, 14))
        .codeUrl(rs.getString(15), rs.getBoolean(23))
        .projectPage(rs.getString(16))
        .versions(JsonColumns.versions(rs.getString(17), "paper.versions of " + id))
        .aiSummary(rs.getString(18))
        .aiKeywords(JsonColumns.strings(rs.getString(19), "paper.ai_keywords of " + id))
        .githubStars(githubStars)
        .withdrawn(rs.getBoolean(21))
        .build();
  }

  static void bindEntryInsert(PreparedStatement ps, Dialect d, DailyEntry e) throws SQLException {
    d.setDate(ps, 1, e.day());
    ps.setString(2, e.paperId().value());
    ps.setString(3, e.source().name());
    ps.setString(4, e.submitter());
    ps.setInt(5, e.upvotes());
    d.setInstant(ps, 6, e.submittedAt());
  }

  static void bindEntryUpdate(PreparedStatement ps, Dialect d, DailyEntry e) throws SQLException {
    ps.setString(1, e.source().name());
    ps.setString(2, e.submitter());
    ps.setInt(3, e.upvotes());
    d.setInstant(ps, 4, e.submittedAt());
    d.setDate(ps, 5, e.day());
    ps.setString(6, e.paperId().value());
  }

  /** Reads an entry from a row selected with {@link #ENTRY_COLUMNS}. */
  static DailyEntry readEntry(ResultSet rs, Dialect d) throws SQLException {
    String source = rs.getString(3);
    EntrySource entrySource;
    try {
      entrySource = EntrySource.valueOf(source);
    } catch (IllegalArgumentException e) {
      throw new StoreException(
          "unknown daily_entry.source '" + source + "' for paper " + rs.getString(2), e);
    }
    return new DailyEntry(
        d.getDate(rs, 1),
        new ArxivId(rs.getString(2)),
        entrySource,
        rs.getString(4),
        rs.getInt(5),
        d.getInstant(rs, 6));
  }
}
