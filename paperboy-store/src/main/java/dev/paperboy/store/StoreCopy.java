package dev.paperboy.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Copies an embedded SQLite store into PostgreSQL ({@code paperboy migrate}): every table of the
 * schema, whatever migrations created it, so tables added by later versions are copied too.
 *
 * <p>Both databases are migrated to the same Flyway version first (by {@link Database#open}); the
 * tables, columns, primary keys and foreign keys are read from PostgreSQL's catalog, tables are
 * copied parents first, and each value is converted by its PostgreSQL column type (SQLite keeps
 * dates and instants as ISO text and booleans as 0/1). The source is read in one snapshot; the
 * target is written in batches, each its own transaction.
 *
 * <p><b>Re-runs</b>: rows are upserted by primary key ({@code INSERT ... ON CONFLICT DO UPDATE}),
 * so running the copy again (after an interruption, or to catch up with writes made to SQLite
 * since) brings every copied row up to date and duplicates nothing. Rows deleted from SQLite since
 * an earlier run are not deleted from PostgreSQL: the final check then finds more rows in the
 * target and says so. A table without a primary key is copied only into an empty table. Sequences
 * behind generated ids are moved past the copied ids.
 *
 * <p><b>Check</b>: afterwards every table's rows are counted in both databases; {@link
 * Result#verified()} is true when all counts agree.
 */
public final class StoreCopy {
  /** Rows per insert batch (and per target transaction). */
  public static final int DEFAULT_BATCH = 1000;

  private StoreCopy() {}

  /** Told after every batch. */
  @FunctionalInterface
  public interface Progress {
    void copied(String table, long done, long total);

    Progress NONE = (t, d, n) -> {};
  }

  /** One table's outcome. */
  public record TableResult(String table, long sourceRows, long targetRows, Duration took) {
    public boolean matches() {
      return sourceRows == targetRows;
    }
  }

  /** The outcome, tables in copy order. */
  public record Result(List<TableResult> tables, Duration took) {
    public Result {
      tables = List.copyOf(tables);
    }

    public boolean verified() {
      return tables.stream().allMatch(TableResult::matches);
    }

    public long rows() {
      return tables.stream().mapToLong(TableResult::sourceRows).sum();
    }
  }

  private record Column(String name, String type, boolean identityAlways) {}

  private record Table(String name, List<Column> columns, List<String> primaryKey) {}

  /**
   * Copies every table of {@code source} into {@code target}.
   *
   * @throws IllegalArgumentException when the source is not SQLite or the target not PostgreSQL
   * @throws StoreException when the schemas differ or a value cannot be converted (naming table,
   *     column and row)
   */
  public static Result copy(Database source, Database target, int batchSize, Progress progress) {
    if (source.dialect() != Dialect.SQLITE) {
      throw new IllegalArgumentException("the source must be an SQLite store: " + source);
    }
    if (target.dialect() != Dialect.POSTGRES) {
      throw new IllegalArgumentException("the target must be a PostgreSQL store: " + target);
    }
    if (batchSize < 1 || batchSize > 100_000) {
      throw new IllegalArgumentException(
          "batchSize must be between 1 and 100000, batchSize: " + batchSize);
    }
    long started = System.nanoTime();
    List<Table> tables = target.read(StoreCopy::schema);
    Set<String> sourceTables = source.read(StoreCopy::sqliteTables);
    Set<String> targetNames = new TreeSet<>();
    tables.forEach(t -> targetNames.add(t.name()));
    if (!sourceTables.equals(targetNames)) {
      throw new StoreException(
          "the two schemas differ (different Paperboy versions?): SQLite has "
              + sourceTables
              + ", PostgreSQL has "
              + targetNames);
    }
    List<TableResult> results = new ArrayList<>();
    source.read(
        src -> {
          for (Table t : tables) {
            long tableStart = System.nanoTime();
            long total = count(src, t.name());
            if (t.primaryKey().isEmpty()) {
              long existing = target.read(c -> count(c, t.name()));
              if (existing > 0) {
                throw new StoreException(
                    "table "
                        + t.name()
                        + " has no primary key, so it is only copied into an empty table, but the"
                        + " target holds "
                        + existing
                        + " rows: empty it first");
              }
            }
            copyTable(src, target, t, total, batchSize, progress);
            target.inTransaction(c -> advanceSequences(c, t));
            long copied = target.read(c -> count(c, t.name()));
            results.add(
                new TableResult(
                    t.name(), total, copied, Duration.ofNanos(System.nanoTime() - tableStart)));
          }
          return null;
        });
    return new Result(results, Duration.ofNanos(System.nanoTime() - started));
  }

  private static void copyTable(
      Connection src, Database target, Table t, long total, int batchSize, Progress progress)
      throws SQLException {
    String columns = String.join(", ", t.columns().stream().map(c -> quote(c.name())).toList());
    String sql = insertSql(t, columns);
    try (Statement s = src.createStatement();
        ResultSet rs = s.executeQuery("SELECT " + columns + " FROM " + quote(t.name()))) {
      List<Object[]> batch = new ArrayList<>(batchSize);
      long done = 0;
      long row = 0;
      while (rs.next()) {
        row++;
        Object[] values = new Object[t.columns().size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = convert(rs, i + 1, t, t.columns().get(i), row);
        }
        batch.add(values);
        if (batch.size() == batchSize) {
          write(target, sql, t, batch);
          done += batch.size();
          batch.clear();
          progress.copied(t.name(), done, total);
        }
      }
      if (!batch.isEmpty()) {
        write(target, sql, t, batch);
        done += batch.size();
      }
      progress.copied(t.name(), done, total);
    }
  }

  private static String insertSql(Table t, String columns) {
    boolean always = t.columns().stream().anyMatch(Column::identityAlways);
    StringBuilder sql = new StringBuilder("INSERT INTO ").append(quote(t.name()));
    sql.append(" (").append(columns).append(')');
    if (always) {
      sql.append(" OVERRIDING SYSTEM VALUE");
    }
    sql.append(" VALUES (").append("?, ".repeat(t.columns().size() - 1)).append("?)");
    if (!t.primaryKey().isEmpty()) {
      sql.append(" ON CONFLICT (")
          .append(String.join(", ", t.primaryKey().stream().map(StoreCopy::quote).toList()))
          .append(')');
      List<String> sets = new ArrayList<>();
      for (Column c : t.columns()) {
        if (!t.primaryKey().contains(c.name())) {
          sets.add(quote(c.name()) + " = excluded." + quote(c.name()));
        }
      }
      sql.append(sets.isEmpty() ? " DO NOTHING" : " DO UPDATE SET " + String.join(", ", sets));
    }
    return sql.toString();
  }

  private static void write(Database target, String sql, Table t, List<Object[]> rows) {
    target.inTransaction(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Object[] values : rows) {
              for (int i = 0; i < values.length; i++) {
                bind(ps, i + 1, t.columns().get(i), values[i]);
              }
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
  }

  private static void bind(PreparedStatement ps, int index, Column c, @Nullable Object value)
      throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.NULL);
    } else if (c.type().equals("json") || c.type().equals("jsonb")) {
      ps.setObject(index, value, Types.OTHER);
    } else {
      ps.setObject(index, value);
    }
  }

  /** A source value as the target column's type wants it. */
  private static @Nullable Object convert(ResultSet rs, int column, Table t, Column c, long row)
      throws SQLException {
    Object raw = rs.getObject(column);
    if (raw == null) {
      return null;
    }
    try {
      return switch (c.type()) {
        case "date" -> LocalDate.parse(raw.toString());
        case "timestamp with time zone", "timestamp without time zone" -> {
          Instant instant =
              raw instanceof Number n ? Instant.ofEpochMilli(n.longValue()) : parseInstant(raw);
          yield c.type().startsWith("timestamp with ")
              ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC)
              : instant.atOffset(ZoneOffset.UTC).toLocalDateTime();
        }
        case "boolean" -> bool(raw);
        case "bytea" -> rs.getBytes(column);
        case "smallint", "integer", "bigint" -> ((Number) numeric(raw)).longValue();
        case "real", "double precision" -> ((Number) numeric(raw)).doubleValue();
        case "numeric" -> new java.math.BigDecimal(raw.toString());
        case "text", "character varying", "character", "json", "jsonb" -> raw.toString();
        default -> raw;
      };
    } catch (DateTimeParseException | NumberFormatException | ClassCastException e) {
      throw new StoreException(
          "table "
              + t.name()
              + ", row "
              + row
              + ", column "
              + c.name()
              + ": cannot read '"
              + raw
              + "' as "
              + c.type()
              + " ("
              + e.getMessage()
              + ")",
          e);
    }
  }

  private static Instant parseInstant(Object raw) {
    String s = raw.toString().strip();
    // Dialect writes ISO-8601 with a Z; SQL's CURRENT_TIMESTAMP writes 'YYYY-MM-DD HH:MM:SS' (UTC).
    if (s.length() >= 19 && s.charAt(10) == ' ') {
      s = s.replace(' ', 'T') + (s.endsWith("Z") ? "" : "Z");
    }
    return Instant.parse(s);
  }

  private static Object numeric(Object raw) {
    if (raw instanceof Number) {
      return raw;
    }
    String s = raw.toString().strip();
    return s.contains(".") || s.contains("e") || s.contains("E")
        ? Double.parseDouble(s)
        : Long.parseLong(s);
  }

  private static boolean bool(Object raw) {
    if (raw instanceof Boolean b) {
      return b;
    }
    if (raw instanceof Number n) {
      return n.longValue() != 0;
    }
    return switch (raw.toString().strip().toLowerCase(Locale.ROOT)) {
      case "1", "true", "t", "yes" -> true;
      case "0", "false", "f", "no" -> false;
      default -> throw new NumberFormatException("not a boolean: " + raw);
    };
  }

  /** Moves each sequence behind a column of {@code t} past the largest copied value. */
  private static Void advanceSequences(Connection c, Table t) throws SQLException {
    for (Column col : t.columns()) {
      String sequence;
      try (PreparedStatement ps = c.prepareStatement("SELECT pg_get_serial_sequence(?, ?)")) {
        ps.setString(1, quote(t.name()));
        ps.setString(2, col.name());
        try (ResultSet rs = ps.executeQuery()) {
          sequence = rs.next() ? rs.getString(1) : null;
        }
      }
      if (sequence != null) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT setval(?, COALESCE((SELECT MAX("
                    + quote(col.name())
                    + ") FROM "
                    + quote(t.name())
                    + "), 1), (SELECT COUNT(*) FROM "
                    + quote(t.name())
                    + ") > 0)")) {
          ps.setString(1, sequence);
          ps.execute();
        }
      }
    }
    return null;
  }

  private static long count(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + quote(table))) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Set<String> sqliteTables(Connection c) throws SQLException {
    Set<String> out = new TreeSet<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                    + " AND name NOT LIKE 'sqlite_%' AND name <> 'flyway_schema_history'")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  /** The tables of the target's schema in an order where every parent precedes its children. */
  private static List<Table> schema(Connection c) throws SQLException {
    Map<String, List<Column>> columns = new TreeMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT c.table_name, c.column_name, c.data_type, c.is_identity,"
                    + " c.identity_generation FROM information_schema.columns c"
                    + " JOIN information_schema.tables t ON t.table_schema = c.table_schema"
                    + " AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'"
                    + " WHERE c.table_schema = current_schema()"
                    + " AND c.table_name <> 'flyway_schema_history'"
                    + " ORDER BY c.table_name, c.ordinal_position")) {
      while (rs.next()) {
        columns
            .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
            .add(
                new Column(
                    rs.getString(2),
                    rs.getString(3),
                    "YES".equals(rs.getString(4)) && "ALWAYS".equals(rs.getString(5))));
      }
    }
    Map<String, List<String>> keys = new LinkedHashMap<>();
    Map<String, Set<String>> parents = new TreeMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT con.contype, rel.relname, ref.relname, att.attname, k.ord"
                    + " FROM pg_constraint con"
                    + " JOIN pg_class rel ON rel.oid = con.conrelid"
                    + " JOIN pg_namespace ns ON ns.oid = rel.relnamespace"
                    + " LEFT JOIN pg_class ref ON ref.oid = con.confrelid"
                    + " CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)"
                    + " JOIN pg_attribute att ON att.attrelid = rel.oid AND att.attnum = k.attnum"
                    + " WHERE ns.nspname = current_schema() AND con.contype IN ('p', 'f')"
                    + " ORDER BY rel.relname, con.conname, k.ord")) {
      while (rs.next()) {
        String table = rs.getString(2);
        if ("p".equals(rs.getString(1))) {
          keys.computeIfAbsent(table, k -> new ArrayList<>()).add(rs.getString(4));
        } else if (!table.equals(rs.getString(3))) {
          parents.computeIfAbsent(table, k -> new TreeSet<>()).add(rs.getString(3));
        }
      }
    }
    List<Table> ordered = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    Deque<String> visiting = new ArrayDeque<>();
    for (String name : columns.keySet()) {
      place(name, columns, keys, parents, placed, visiting, ordered);
    }
    return ordered;
  }

  private static void place(
      String name,
      Map<String, List<Column>> columns,
      Map<String, List<String>> keys,
      Map<String, Set<String>> parents,
      Set<String> placed,
      Deque<String> visiting,
      List<Table> ordered) {
    if (placed.contains(name) || visiting.contains(name) || !columns.containsKey(name)) {
      return; // done, a cycle (copied in name order), or not a table of ours
    }
    visiting.push(name);
    for (String parent : parents.getOrDefault(name, Set.of())) {
      place(parent, columns, keys, parents, placed, visiting, ordered);
    }
    visiting.pop();
    placed.add(name);
    ordered.add(new Table(name, columns.get(name), keys.getOrDefault(name, List.of())));
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
