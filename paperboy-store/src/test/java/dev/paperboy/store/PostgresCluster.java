package dev.paperboy.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster for tests: {@code initdb} into a temporary directory, {@code
 * pg_ctl start} on a free loopback port, stopped and deleted on {@link #close()}. No shared server
 * is needed, and nothing outside the temporary directory is touched.
 *
 * <p>The binaries come from {@code $PAPERBOY_PG_BIN}, else {@code /usr/lib/postgresql/15/bin}
 * (Debian's {@code postgresql-15}). {@code initdb} refuses to run as root, so as root (CI) the
 * directory is given to the {@code postgres} user and the binaries run through {@code runuser -u
 * postgres --}.
 *
 * <p>Use it through {@link PostgresExtension} (one cluster per test run, skipped with a message
 * when PostgreSQL is not installed), then {@link #newDatabase()} for a migrated database, {@link
 * #createDatabase()} for an empty one (migration tests), and {@link #truncateAll} to empty a shared
 * database between tests.
 */
public final class PostgresCluster implements AutoCloseable {
  /** The superuser of the cluster; it has no password (trust authentication on loopback). */
  public static final String USER = "paperboy";

  private static final Path DEFAULT_BIN = Path.of("/usr/lib/postgresql/15/bin");
  private static final String RUN_AS = "postgres";

  private final Path bin;
  private final Path dir;
  private final int port;
  private final boolean asRoot;
  private final AtomicInteger databases = new AtomicInteger();
  private boolean closed;

  private PostgresCluster(Path bin, Path dir, int port, boolean asRoot) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
    this.asRoot = asRoot;
  }

  /** The directory with {@code initdb} and {@code pg_ctl}, when PostgreSQL is installed. */
  public static Optional<Path> binaries() {
    Path bin = binDir();
    return Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"))
        ? Optional.of(bin)
        : Optional.empty();
  }

  private static Path binDir() {
    String env = System.getenv("PAPERBOY_PG_BIN");
    return env != null && !env.isBlank() ? Path.of(env) : DEFAULT_BIN;
  }

  /** Why PostgreSQL tests cannot run here, or empty when they can. */
  public static Optional<String> unavailableReason() {
    if (binaries().isEmpty()) {
      return Optional.of(
          "PostgreSQL binaries (initdb, pg_ctl) not found in "
              + binDir()
              + " (install Debian's postgresql-15, or set PAPERBOY_PG_BIN)");
    }
    if (isRoot() && !Files.isExecutable(Path.of("/usr/sbin/runuser"))) {
      return Optional.of("running as root but /usr/sbin/runuser is missing (initdb refuses root)");
    }
    return Optional.empty();
  }

  /**
   * Creates and starts a cluster.
   *
   * @throws IllegalStateException when PostgreSQL is absent ({@link #unavailableReason}) or does
   *     not start; the message includes the server log
   */
  public static PostgresCluster start() {
    Optional<String> reason = unavailableReason();
    if (reason.isPresent()) {
      throw new IllegalStateException(reason.get());
    }
    Path bin = binaries().orElseThrow();
    boolean asRoot = isRoot();
    Path dir;
    try {
      dir = Files.createTempDirectory("paperboy-pg-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PostgresCluster cluster = null;
    try {
      if (asRoot) {
        run(List.of("chown", RUN_AS + ":", dir.toString()), dir, 30);
      }
      cluster = new PostgresCluster(bin, dir, freePort(), asRoot);
      cluster.initdb();
      cluster.startServer();
      return cluster;
    } catch (RuntimeException e) {
      if (cluster != null) {
        cluster.close();
      } else {
        deleteTree(dir);
      }
      throw e;
    }
  }

  private void initdb() {
    runAsOwner(
        List.of(
            bin.resolve("initdb").toString(),
            "-D",
            dataDir().toString(),
            "-U",
            USER,
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync"),
        120);
  }

  private void startServer() {
    // fsync off and no full-page writes: a test cluster need not survive a crash, and is faster.
    String options =
        "-p "
            + port
            + " -k "
            + dir
            + " -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
            + " -c full_page_writes=off -c max_connections=200";
    runAsOwner(
        List.of(
            bin.resolve("pg_ctl").toString(),
            "-D",
            dataDir().toString(),
            "-l",
            dir.resolve("server.log").toString(),
            "-o",
            options,
            "-w",
            "-t",
            "60",
            "start"),
        90);
  }

  public int port() {
    return port;
  }

  public String user() {
    return USER;
  }

  /** The URL of the {@code postgres} database (for administration). */
  public String adminUrl() {
    return jdbcUrl("postgres");
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** Creates a new, empty database (no tables) and returns its JDBC URL. */
  public String createDatabase() {
    String name = "test_" + databases.incrementAndGet();
    try (Connection c = DriverManager.getConnection(adminUrl(), USER, "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
    }
    return jdbcUrl(name);
  }

  /** Opens a {@link Database} on a new database of this cluster, migrated to Paperboy's schema. */
  public Database newDatabase() {
    return Database.postgres(createDatabase(), USER, null);
  }

  /**
   * Empties every table of {@code db} except Flyway's history, so tests can share one migrated
   * database: creating and migrating a database per test costs about a second, this a few
   * milliseconds.
   */
  public static void truncateAll(Database db) {
    db.inTransaction(
        conn -> {
          List<String> tables = new ArrayList<>();
          try (Statement s = conn.createStatement();
              ResultSet rs =
                  s.executeQuery(
                      "SELECT quote_ident(tablename) FROM pg_tables"
                          + " WHERE schemaname = current_schema()"
                          + " AND tablename <> 'flyway_schema_history'")) {
            while (rs.next()) {
              tables.add(rs.getString(1));
            }
          }
          if (!tables.isEmpty()) {
            try (Statement s = conn.createStatement()) {
              s.execute("TRUNCATE " + String.join(", ", tables) + " RESTART IDENTITY CASCADE");
            }
          }
          return null;
        });
  }

  /** Stops the server (immediate mode: nothing to keep) and deletes its directory. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (Files.exists(dataDir().resolve("postmaster.pid"))) {
        runAsOwner(
            List.of(
                bin.resolve("pg_ctl").toString(),
                "-D",
                dataDir().toString(),
                "-m",
                "immediate",
                "-w",
                "stop"),
            60);
      }
    } finally {
      deleteTree(dir);
    }
  }

  private Path dataDir() {
    return dir.resolve("data");
  }

  private void runAsOwner(List<String> command, int timeoutSeconds) {
    List<String> full = new ArrayList<>();
    if (asRoot) {
      full.addAll(List.of("/usr/sbin/runuser", "-u", RUN_AS, "--"));
    }
    full.addAll(command);
    run(full, dir, timeoutSeconds);
  }

  private static void run(List<String> command, Path dir, int timeoutSeconds) {
    Path out = dir.resolve("command-" + System.nanoTime() + ".out");
    try {
      Process p =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(
            "timed out after " + timeoutSeconds + " s: " + String.join(" ", command) + log(dir));
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException(
            "failed with exit code "
                + p.exitValue()
                + ": "
                + String.join(" ", command)
                + "\n"
                + Files.readString(out, StandardCharsets.UTF_8)
                + log(dir));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
    } finally {
      try {
        Files.deleteIfExists(out);
      } catch (IOException ignored) {
        // the directory is deleted with the cluster anyway
      }
    }
  }

  private static String log(Path dir) {
    Path log = dir.resolve("server.log");
    try {
      return Files.exists(log)
          ? "\nserver log:\n" + Files.readString(log, StandardCharsets.UTF_8)
          : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on the loopback interface", e);
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete test cluster directory " + dir, e);
    }
  }

  @Override
  public String toString() {
    return "PostgresCluster[port " + port + ", " + dir + "]";
  }
}
