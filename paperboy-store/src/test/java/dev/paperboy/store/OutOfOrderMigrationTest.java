package dev.paperboy.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store made by a build that had a later feature's migrations but not an earlier one's (the
 * job-lease table V20 landed before the digest tables V10..): opening it with every migration
 * applies the missing ones instead of refusing to start.
 */
class OutOfOrderMigrationTest {
  @TempDir Path dir;

  @Test
  void aLowerVersionArrivingAfterAHigherOneIsApplied() throws Exception {
    Path older = dir.resolve("older-build");
    Files.createDirectories(older);
    List<Path> all = shippedMigrations();
    for (Path m : all) {
      int version = version(m);
      if (version < 10 || version == 20) {
        Files.copy(m, older.resolve(m.getFileName()));
      }
    }
    Path file = dir.resolve("paperboy.db");
    Flyway.configure()
        .dataSource("jdbc:sqlite:" + file, null, null)
        .locations("filesystem:" + older)
        .placeholders(Dialect.SQLITE.placeholders())
        .load()
        .migrate();
    assertThat(tables(file)).contains("job_lease").doesNotContain("digest_delivery");

    try (Database db = Database.sqlite(file)) {
      assertThat(db.describe()).isNotBlank();
    }
    assertThat(tables(file)).contains("job_lease", "digest_delivery", "saved_paper");
  }

  private static List<Path> shippedMigrations() throws IOException, URISyntaxException {
    URL url = Database.class.getClassLoader().getResource("db/migration/common");
    assertThat(url).isNotNull();
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      return files.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql")).toList();
    }
  }

  private static int version(Path migration) {
    String name = migration.getFileName().toString();
    return Integer.parseInt(name.substring(1, name.indexOf("__")));
  }

  private static List<String> tables(Path file) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    }
  }
}
