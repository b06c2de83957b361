package dev.paperboy.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite side of {@link Database}: pragmas, transactions, readers beside the writer. */
class SqliteDatabaseTest {
  @TempDir Path dir;
  private Path file;
  private Database db;

  @BeforeEach
  void open() {
    file = dir.resolve("sub/dir/paperboy.db");
    db = Database.sqlite(file);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private static Object scalar(Connection conn, String sql) throws SQLException {
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getObject(1);
    }
  }

  private static void insertPaper(Connection conn, String id) throws SQLException {
    try (PreparedStatement ps =
        conn.prepareStatement(
            "INSERT INTO paper (id, version, title, abstract, authors, categories, versions,"
                + " ai_keywords, withdrawn, has_code) VALUES (?, 1, 't', '', '[]', '[]', '[]',"
                + " '[]', FALSE, FALSE)")) {
      ps.setString(1, id);
      ps.executeUpdate();
    }
  }

  private long papers() {
    return db.read(conn -> ((Number) scalar(conn, "SELECT COUNT(*) FROM paper")).longValue());
  }

  @Test
  void connectionsUseWalNormalSyncForeignKeysAndABusyTimeout() {
    for (boolean write : List.of(true, false)) {
      SqlWork<List<Object>> pragmas =
          conn ->
              List.of(
                  scalar(conn, "PRAGMA journal_mode"),
                  scalar(conn, "PRAGMA synchronous"),
                  scalar(conn, "PRAGMA foreign_keys"),
                  scalar(conn, "PRAGMA busy_timeout"));
      List<Object> values = write ? db.inTransaction(pragmas) : db.read(pragmas);
      // synchronous: 1 is NORMAL (https://www.sqlite.org/pragma.html#pragma_synchronous)
      assertThat(values)
          .as(write ? "writer" : "reader")
          .containsExactly("wal", 1, 1, Database.SQLITE_BUSY_TIMEOUT_MS);
    }
    assertThat(db.dialect()).isEqualTo(Dialect.SQLITE);
  }

  @Test
  void migrationsCreateTheSchemaOnceAndReopeningKeepsData() throws Exception {
    db.inTransaction(
        conn -> {
          insertPaper(conn, "2503.00001");
          return null;
        });
    db.close();

    db = Database.sqlite(file);
    assertThat(papers()).isEqualTo(1);
    Object migrations =
        db.read(
            conn ->
                scalar(
                    conn,
                    "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1 AND"
                        + " version IS NOT NULL"));
    // Every migration ran once, none twice (the count follows the migrations folder, so branches
    // that add migrations do not have to edit this test).
    assertThat(((Number) migrations).intValue()).isEqualTo(migrationFiles());
  }

  private static int migrationFiles() throws Exception {
    java.net.URL dir = Database.class.getClassLoader().getResource("db/migration/common");
    try (var files = java.nio.file.Files.list(java.nio.file.Path.of(dir.toURI()))) {
      return (int) files.filter(f -> f.getFileName().toString().endsWith(".sql")).count();
    }
  }

  @Test
  void readersCannotWrite() {
    assertThatThrownBy(
            () ->
                db.read(
                    conn -> {
                      insertPaper(conn, "2503.00001");
                      return null;
                    }))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("paperboy.db");
    assertThat(papers()).isZero();
  }

  @Test
  void aFailingTransactionRollsBack() {
    assertThatThrownBy(
            () ->
                db.inTransaction(
                    conn -> {
                      insertPaper(conn, "2503.00001");
                      throw new IllegalStateException("boom");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("boom");
    assertThat(papers()).isZero();
  }

  @Test
  void nestedTransactionsJoinTheOuterOne() {
    assertThatThrownBy(
            () ->
                db.inTransaction(
                    conn -> {
                      db.inTransaction(
                          inner -> {
                            assertThat(inner).isSameAs(conn);
                            insertPaper(inner, "2503.00001");
                            return null;
                          });
                      // A read on the writing thread sees the uncommitted row.
                      assertThat(papers()).isEqualTo(1);
                      throw new IllegalStateException("undo both");
                    }))
        .hasMessage("undo both");
    assertThat(papers()).isZero();
  }

  @Test
  void aWriteCannotStartInsideARead() {
    assertThatThrownBy(() -> db.read(conn -> db.inTransaction(c -> 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("inside a read");
  }

  @Test
  void foreignKeysAreEnforced() {
    assertThatThrownBy(
            () ->
                db.inTransaction(
                    conn ->
                        conn.createStatement()
                            .executeUpdate(
                                "INSERT INTO daily_entry (day, paper_id, source, upvotes)"
                                    + " VALUES ('2025-06-16', '2599.00001', 'ARXIV', 0)")))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("FOREIGN KEY");
  }

  @Test
  void readersDoNotWaitForAnOpenWriteTransaction() throws Exception {
    CountDownLatch written = new CountDownLatch(1);
    CountDownLatch checked = new CountDownLatch(1);
    ExecutorService writer = Executors.newSingleThreadExecutor();
    try {
      Future<?> tx =
          writer.submit(
              () ->
                  db.inTransaction(
                      conn -> {
                        insertPaper(conn, "2503.00001");
                        written.countDown();
                        try {
                          assertThat(checked.await(30, TimeUnit.SECONDS)).isTrue();
                        } catch (InterruptedException e) {
                          throw new IllegalStateException(e);
                        }
                        return null;
                      }));
      assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
      // The writer holds its transaction open: a reader sees the last committed state at once.
      assertThat(papers()).isZero();
      checked.countDown();
      tx.get(30, TimeUnit.SECONDS);
      assertThat(papers()).isEqualTo(1);
    } finally {
      writer.shutdownNow();
    }
  }

  @Test
  void writersOfOneDatabaseTakeTurns() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Object>> all =
          java.util.stream.IntStream.range(0, 40)
              .mapToObj(
                  i ->
                      pool.submit(
                          () ->
                              db.inTransaction(
                                  conn -> {
                                    insertPaper(conn, String.format("2503.%05d", i + 1));
                                    return (Object) null;
                                  })))
              .toList();
      for (Future<Object> f : all) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(papers()).isEqualTo(40);
  }

  @Test
  void aSecondProcessCanWriteAfterATransactionEnds() throws Exception {
    db.inTransaction(
        conn -> {
          insertPaper(conn, "2503.00001");
          return null;
        });
    // A transaction left open (e.g. a BEGIN IMMEDIATE issued after commit) would hold the write
    // lock; another connection with no busy timeout would then fail at once.
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = other.createStatement()) {
      s.execute("PRAGMA busy_timeout = 0");
      s.execute("BEGIN IMMEDIATE");
      s.execute("ROLLBACK");
    }
  }

  @Test
  void twoDatabasesOnOneFileBothWrite() throws Exception {
    try (Database second = Database.sqlite(file)) {
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Future<Object>> all = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
          Database target = i % 2 == 0 ? db : second;
          String id = String.format("2503.%05d", i + 1);
          all.add(
              pool.submit(
                  () ->
                      target.inTransaction(
                          conn -> {
                            insertPaper(conn, id);
                            return (Object) null;
                          })));
        }
        for (Future<Object> f : all) {
          f.get(60, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
    }
    assertThat(papers()).isEqualTo(30);
  }

  @Test
  void openByConfigChoosesTheDialectFromTheUrl() {
    try (Database other =
        Database.open(new DatabaseConfig("jdbc:sqlite:" + dir.resolve("other.db"), null, null))) {
      assertThat(other.dialect()).isEqualTo(Dialect.SQLITE);
      assertThat(other.describe()).endsWith("other.db");
    }
    assertThatThrownBy(() -> Database.open(new DatabaseConfig("jdbc:sqlite::memory:", null, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be a file");
    assertThatThrownBy(() -> new DatabaseConfig("jdbc:mysql://localhost/x", "u", "p"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdbc:mysql://localhost/x");
    assertThat(new DatabaseConfig("jdbc:postgresql://h/db", "u", "secret").toString())
        .doesNotContain("secret");
  }
}
