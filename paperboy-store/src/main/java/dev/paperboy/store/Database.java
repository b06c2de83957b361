package dev.paperboy.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The store's database: a connection pool, its {@link Dialect}, and the schema (Flyway migrations
 * run when it opens). Every store of Paperboy (papers, and later users, votes, outbox, ...) works
 * on one {@code Database} through {@link #inTransaction} and {@link #read}.
 *
 * <p>On SQLite the file is in WAL mode, so readers never wait for the writer and the writer never
 * waits for readers (https://www.sqlite.org/wal.html). SQLite allows one writer per file: write
 * transactions here take one dedicated connection in turn and begin with {@code BEGIN IMMEDIATE},
 * so a transaction that reads and then writes never fails half-way with {@code SQLITE_BUSY}, and a
 * second process (an import while the server runs) waits up to the busy timeout. Readers use their
 * own pool of query-only connections.
 *
 * <p>On PostgreSQL one pool serves both; a transaction that fails with a serialization failure or
 * deadlock is retried (see {@link #inTransaction}).
 */
public final class Database implements AutoCloseable {
  /**
   * Features are built on branches in parallel and each takes its own block of migration versions
   * (V10 digests, V20 job leases, V30 library), so a store may already hold a higher version when a
   * lower one arrives: apply it anyway. Safe because every migration only adds tables, columns and
   * indexes that no other migration touches.
   */
  static final boolean OUT_OF_ORDER = true;

  /** How long SQLite waits for another writer's lock before failing. */
  static final int SQLITE_BUSY_TIMEOUT_MS = 30_000;

  private static final int MAX_ATTEMPTS = 3;

  private final Dialect dialect;
  private final String description;
  private final HikariDataSource writers;
  private final HikariDataSource readers;
  // SQLite has one writer connection: threads queue here in arrival order instead of timing out in
  // the pool. Null on PostgreSQL, where writers run in parallel.
  private final @Nullable ReentrantLock writeLock;
  private final ThreadLocal<@Nullable Transaction> current = new ThreadLocal<>();

  private record Transaction(Connection conn, boolean write) {}

  private Database(
      Dialect dialect,
      String description,
      HikariDataSource writers,
      HikariDataSource readers,
      @Nullable ReentrantLock writeLock) {
    this.dialect = dialect;
    this.description = description;
    this.writers = writers;
    this.readers = readers;
    this.writeLock = writeLock;
  }

  /** Opens (creating if needed) the SQLite file {@code file} and migrates it. */
  public static Database sqlite(Path file) {
    return sqlite(file, DatabaseConfig.DEFAULT_POOL_SIZE);
  }

  /** Like {@link #sqlite(Path)} with {@code readers} reader connections. */
  public static Database sqlite(Path file, int readers) {
    return sqlite(file, readers, UnaryOperator.identity());
  }

  /**
   * Like {@link #sqlite(Path, int)} with the pools' data sources wrapped by {@code wrap}: tests
   * count the statements a store method sends through it.
   */
  static Database sqlite(Path file, int readers, UnaryOperator<DataSource> wrap) {
    if (readers < 1) {
      throw new IllegalArgumentException("readers must be >= 1, readers: " + readers);
    }
    Path absolute = file.toAbsolutePath();
    try {
      if (absolute.getParent() != null) {
        Files.createDirectories(absolute.getParent());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot create the directory of database " + absolute + ": " + e.getMessage(), e);
    }
    String url = "jdbc:sqlite:" + absolute;
    migrate(Dialect.SQLITE, sqliteDataSource(url, false), url);

    HikariConfig w = new HikariConfig();
    w.setPoolName("paperboy-sqlite-writer");
    w.setDataSource(wrap.apply(sqliteDataSource(url, false)));
    w.setMaximumPoolSize(1);
    w.setMinimumIdle(1);
    HikariConfig r = new HikariConfig();
    r.setPoolName("paperboy-sqlite-reader");
    r.setDataSource(wrap.apply(sqliteDataSource(url, true)));
    r.setMaximumPoolSize(readers);
    r.setMinimumIdle(1);
    // Readers cannot write by mistake: writes must go through the single writer connection.
    r.setConnectionInitSql("PRAGMA query_only = ON");
    HikariDataSource writerPool = new HikariDataSource(w);
    HikariDataSource readerPool;
    try {
      readerPool = new HikariDataSource(r);
    } catch (RuntimeException e) {
      writerPool.close();
      throw e;
    }
    return new Database(Dialect.SQLITE, url, writerPool, readerPool, new ReentrantLock(true));
  }

  /** Connects to PostgreSQL and migrates the database. */
  public static Database postgres(String jdbcUrl, String user, @Nullable String password) {
    return open(new DatabaseConfig(jdbcUrl, user, password));
  }

  /** Opens the database a configuration names, SQLite or PostgreSQL by the URL's scheme. */
  public static Database open(DatabaseConfig config) {
    return switch (config.dialect()) {
      case SQLITE -> sqlite(sqliteFile(config.url()), config.maxPoolSize());
      case POSTGRES -> openPostgres(config);
    };
  }

  private static Database openPostgres(DatabaseConfig config) {
    String description = withoutQuery(config.url());
    try {
      Flyway.configure()
          .dataSource(config.url(), config.user(), config.password())
          .locations(Dialect.POSTGRES.migrationLocations().toArray(String[]::new))
          .placeholders(Dialect.POSTGRES.placeholders())
          .outOfOrder(OUT_OF_ORDER)
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new StoreException("cannot migrate database " + description + ": " + e.getMessage(), e);
    }
    HikariConfig c = new HikariConfig();
    c.setPoolName("paperboy-postgres");
    c.setJdbcUrl(config.url());
    c.setUsername(config.user());
    c.setPassword(config.password());
    c.setMaximumPoolSize(config.maxPoolSize());
    c.setMinimumIdle(1);
    // Sends a JDBC batch of inserts as multi-row INSERTs: one round trip per batch, not per row.
    c.addDataSourceProperty("reWriteBatchedInserts", "true");
    HikariDataSource pool = new HikariDataSource(c);
    return new Database(Dialect.POSTGRES, description, pool, pool, null);
  }

  private static Path sqliteFile(String url) {
    String file = withoutQuery(url.substring("jdbc:sqlite:".length()));
    if (file.isBlank() || file.contains(":memory:") || file.startsWith("file::memory")) {
      throw new IllegalArgumentException(
          "SQLite database must be a file (each connection of an in-memory database sees its own"
              + " empty database), url: "
              + url);
    }
    return Path.of(file);
  }

  private static String withoutQuery(String url) {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q);
  }

  private static DataSource sqliteDataSource(String url, boolean reader) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    // In WAL mode NORMAL loses no data on an application crash and keeps the database consistent
    // on power loss; only the last commits before a power loss may roll back
    // (https://www.sqlite.org/pragma.html#pragma_synchronous).
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
    // Negative: KiB rather than pages. The writer reads every batch's existing rows before it
    // merges them, so a larger cache saves re-reading the b-tree during imports.
    config.setCacheSize(reader ? -16_384 : -65_536);
    config.setTransactionMode(
        reader ? SQLiteConfig.TransactionMode.DEFERRED : SQLiteConfig.TransactionMode.IMMEDIATE);
    SQLiteDataSource ds = new SQLiteDataSource(config);
    ds.setUrl(url);
    return ds;
  }

  private static void migrate(Dialect dialect, DataSource dataSource, String description) {
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations(dialect.migrationLocations().toArray(String[]::new))
          .placeholders(dialect.placeholders())
          .outOfOrder(OUT_OF_ORDER)
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new StoreException("cannot migrate database " + description + ": " + e.getMessage(), e);
    }
  }

  public Dialect dialect() {
    return dialect;
  }

  /** The database's URL without parameters (no credentials), for messages. */
  public String describe() {
    return description;
  }

  /**
   * Runs {@code work} in a write transaction and commits it; rolls back and rethrows when it throws
   * ({@link SQLException} as {@link StoreException}).
   *
   * <p>A call inside another {@code inTransaction} on the same thread joins the outer transaction,
   * so stores compose (a vote and its outbox message commit together). An exception from the inner
   * work rolls back the whole outer transaction unless the outer work catches it; do not catch it.
   *
   * <p>On PostgreSQL an outermost transaction that fails with a serialization failure or deadlock
   * (SQLSTATE 40001, 40P01) is run again, up to three times in all: {@code work} must have no
   * effects outside the database.
   */
  public <T> T inTransaction(SqlWork<T> work) {
    Transaction outer = current.get();
    if (outer != null) {
      if (!outer.write()) {
        throw new IllegalStateException(
            "cannot start a write transaction inside a read on the same thread");
      }
      return runJoined(outer.conn(), work);
    }
    if (writeLock != null) {
      writeLock.lock();
    }
    try {
      for (int attempt = 1; ; attempt++) {
        try {
          return runOutermost(writers, true, work);
        } catch (StoreException e) {
          if (attempt >= MAX_ATTEMPTS || !isRetryable(e.getCause())) {
            throw e;
          }
        }
      }
    } finally {
      if (writeLock != null) {
        writeLock.unlock();
      }
    }
  }

  /**
   * Runs {@code work} in a read-only transaction: every statement sees the same snapshot on SQLite
   * and PostgreSQL alike. Inside {@link #inTransaction} on the same thread it joins that
   * transaction and sees its uncommitted writes.
   */
  public <T> T read(SqlWork<T> work) {
    Transaction outer = current.get();
    if (outer != null) {
      return runJoined(outer.conn(), work);
    }
    return runOutermost(readers, false, work);
  }

  private <T> T runJoined(Connection conn, SqlWork<T> work) {
    try {
      return work.run(conn);
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  private <T> T runOutermost(HikariDataSource pool, boolean write, SqlWork<T> work) {
    try (Connection conn = pool.getConnection()) {
      conn.setAutoCommit(false);
      current.set(new Transaction(conn, write));
      try {
        T result = work.run(conn);
        conn.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollbackQuietly(conn, e);
        throw e;
      } finally {
        current.remove();
        conn.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  private static void rollbackQuietly(Connection conn, Throwable cause) {
    try {
      conn.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private StoreException failure(SQLException e) {
    return new StoreException(
        "database error on " + description + ": " + e.getMessage() + sqlState(e), e);
  }

  private static String sqlState(SQLException e) {
    return e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")";
  }

  private static boolean isRetryable(@Nullable Throwable cause) {
    return cause instanceof SQLException e
        && ("40001".equals(e.getSQLState()) || "40P01".equals(e.getSQLState()));
  }

  /** Closes every connection. Stores on this database cannot be used afterwards. */
  @Override
  public void close() {
    try {
      readers.close();
    } finally {
      writers.close();
    }
  }

  @Override
  public String toString() {
    return "Database[" + dialect + " " + description + "]";
  }
}
