package dev.paperboy.app.cli;

import dev.paperboy.app.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code paperboy backup FILE}: an online, consistent copy of the embedded store, safe to take
 * while {@code serve} runs. SQLite's {@code VACUUM INTO} (https://sqlite.org/lang_vacuum.html)
 * reads one snapshot through an ordinary read transaction, so writers carry on (WAL mode), and
 * writes a compacted database file that is itself a complete store: restoring is copying it back to
 * {@code DATA/paperboy.db} with the server stopped. The search index is not copied: it is derived,
 * and {@code serve} rebuilds an empty one. PostgreSQL has its own tools ({@code pg_dump}).
 */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description =
        "Write a consistent copy of the embedded store to FILE while Paperboy keeps running.")
public final class BackupCommand implements Callable<Integer> {
  @Mixin DataOptions data;

  @Parameters(paramLabel = "FILE", description = "The backup file to create (must not exist).")
  Path target;

  @Override
  public Integer call() throws SQLException {
    Config config = data.load(System.getenv(), Map.of());
    if (!config.store().isSqlite()) {
      System.err.println(
          "backup: the store is PostgreSQL ("
              + config.store()
              + "); back it up with pg_dump, see docs/operations.md");
      return 2;
    }
    Path db = config.store().sqliteFile();
    if (!Files.isRegularFile(db)) {
      System.err.println("backup: no store at " + db + " (nothing imported yet?)");
      return 1;
    }
    Path to = target.toAbsolutePath();
    if (Files.exists(to)) {
      System.err.println("backup: " + to + " exists; choose a new file name");
      return 2;
    }
    if (to.getParent() == null || !Files.isDirectory(to.getParent())) {
      System.err.println("backup: the directory " + to.getParent() + " does not exist");
      return 2;
    }
    long started = System.nanoTime();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        PreparedStatement vacuum = c.prepareStatement("VACUUM INTO ?")) {
      vacuum.setString(1, to.toString());
      vacuum.execute();
    }
    System.err.printf(
        "backup: %s written (%s) in %.1f s%n",
        to, StatsCommand.humanBytes(StatsCommand.sizeOf(to)), (System.nanoTime() - started) / 1e9);
    return 0;
  }
}
