package dev.paperboy.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything that differs between SQLite and PostgreSQL, in one place. Stores write the same SQL
 * for both (standard SQL plus {@code INSERT ... ON CONFLICT}, which both speak) and go through
 * these methods for the rest: column types in migrations, binding and reading dates and instants,
 * and how writers exclude each other.
 */
public enum Dialect {
  /**
   * SQLite: dates are ISO-8601 text (SQLite has no date type; ISO text sorts like the date), one
   * writer at a time (the database file has a single write lock).
   */
  SQLITE(
      Map.of(
          "date_type", "TEXT",
          "timestamp_type", "TEXT",
          "binary_collation", "COLLATE BINARY",
          "binary_type", "BLOB")),
  /** PostgreSQL: native DATE and TIMESTAMPTZ; writers of one table serialise on advisory locks. */
  POSTGRES(
      Map.of(
          "date_type", "DATE",
          "timestamp_type", "TIMESTAMPTZ",
          // Ids must sort as Java sorts them (code point order) whatever the database's locale,
          // or keyset pagination (WHERE id > ? ORDER BY id) would disagree with ArxivId order.
          "binary_collation", "COLLATE \"C\"",
          "binary_type", "BYTEA"));

  // Fixed width with six fraction digits, so stored instants sort as text and round-trip exactly.
  private static final DateTimeFormatter INSTANT_TEXT =
      new DateTimeFormatterBuilder()
          .appendPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
          .toFormatter(Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private final Map<String, String> placeholders;

  Dialect(Map<String, String> placeholders) {
    this.placeholders = placeholders;
  }

  /** The dialect of a JDBC URL ({@code jdbc:sqlite:...}, {@code jdbc:postgresql:...}). */
  public static Dialect ofUrl(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:sqlite:")) {
      return SQLITE;
    }
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return POSTGRES;
    }
    throw new IllegalArgumentException(
        "unsupported database URL '"
            + jdbcUrl
            + "': expected jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB");
  }

  /**
   * Flyway placeholders for the few type names that differ. Migrations are written once, in {@code
   * db/migration/common}, using {@code ${date_type}}, {@code ${timestamp_type}}, {@code
   * ${binary_collation}} and {@code ${binary_type}} (BLOB or BYTEA).
   */
  public Map<String, String> placeholders() {
    return placeholders;
  }

  /**
   * Flyway locations: the shared migrations, plus {@code db/migration/sqlite} or {@code
   * db/migration/postgres} when a later migration really needs dialect-specific SQL (none does
   * yet). Version numbers are shared across the folders, so give such a migration a number of its
   * own in both folders.
   */
  public List<String> migrationLocations() {
    List<String> locations = new ArrayList<>();
    locations.add("classpath:db/migration/common");
    String own = "db/migration/" + name().toLowerCase(Locale.ROOT);
    if (Dialect.class.getClassLoader().getResource(own) != null) {
      locations.add("classpath:" + own);
    }
    return locations;
  }

  /** Binds a date: ISO text on SQLite (no {@code DATE '...'} literals there), DATE on Postgres. */
  public void setDate(PreparedStatement ps, int index, @Nullable LocalDate date)
      throws SQLException {
    if (date == null) {
      ps.setNull(index, this == SQLITE ? Types.VARCHAR : Types.DATE);
    } else if (this == SQLITE) {
      ps.setString(index, date.toString());
    } else {
      ps.setObject(index, date);
    }
  }

  public @Nullable LocalDate getDate(ResultSet rs, int column) throws SQLException {
    if (this == SQLITE) {
      String s = rs.getString(column);
      return s == null ? null : LocalDate.parse(s);
    }
    return rs.getObject(column, LocalDate.class);
  }

  /**
   * Binds an instant. Both dialects keep microseconds (PostgreSQL's TIMESTAMPTZ resolution); use
   * {@link #storedInstant} on values before comparing them with what was read back.
   */
  public void setInstant(PreparedStatement ps, int index, @Nullable Instant instant)
      throws SQLException {
    if (instant == null) {
      ps.setNull(index, this == SQLITE ? Types.VARCHAR : Types.TIMESTAMP_WITH_TIMEZONE);
    } else if (this == SQLITE) {
      ps.setString(index, INSTANT_TEXT.format(storedInstant(instant)));
    } else {
      ps.setObject(index, OffsetDateTime.ofInstant(storedInstant(instant), ZoneOffset.UTC));
    }
  }

  public @Nullable Instant getInstant(ResultSet rs, int column) throws SQLException {
    if (this == SQLITE) {
      String s = rs.getString(column);
      return s == null ? null : Instant.parse(s);
    }
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  /** The instant as the store keeps it: truncated to microseconds. */
  public static @Nullable Instant storedInstant(@Nullable Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * Makes writers of {@code resource} (a table, say) wait for each other until this transaction
   * ends, so a read-merge-write batch sees no concurrent insert of the same keys. On SQLite the
   * database already allows one writer ({@code BEGIN IMMEDIATE}), so this does nothing; on
   * PostgreSQL it takes a transaction-scoped advisory lock.
   */
  public void lockForWrite(Connection conn, String resource) throws SQLException {
    if (this == POSTGRES) {
      try (PreparedStatement ps = conn.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
        ps.setLong(1, advisoryKey(resource));
        ps.execute();
      }
    }
  }

  // A stable 64-bit key per resource name (FNV-1a), so every node computes the same key.
  static long advisoryKey(String resource) {
    long h = 0xcbf29ce484222325L;
    for (byte b : resource.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }
}
