package dev.paperboy.app.cli;

import dev.paperboy.app.config.Config;
import dev.paperboy.app.config.StoreConfig;
import dev.paperboy.store.Database;
import dev.paperboy.store.DatabaseConfig;
import dev.paperboy.store.StoreCopy;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code paperboy migrate --to postgres://...}: moves an embedded install onto PostgreSQL. */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = {
      "Copy this data directory's SQLite store (every table: papers, entries, vectors,",
      "checkpoints, users, votes, ...) into PostgreSQL, then check the row count of every table.",
      "Safe to run again: rows are upserted by primary key, so a second run (after an",
      "interruption, or to catch up with new writes) duplicates nothing. Stop the server first",
      "for a final copy; then set store.url to the PostgreSQL URL."
    })
public final class MigrateCommand implements Callable<Integer> {
  @Mixin DataOptions data = new DataOptions();

  @Option(
      names = "--to",
      required = true,
      paramLabel = "URL",
      description = "postgres://USER:PASSWORD@HOST:PORT/DB (or jdbc:postgresql://...).")
  String to;

  @Option(
      names = "--batch",
      defaultValue = "1000",
      description = "Rows per insert batch (default ${DEFAULT-VALUE}).")
  int batch;

  @Override
  public Integer call() {
    Config config = data.load(System.getenv(), Map.of());
    if (!config.store().isSqlite()) {
      throw new IllegalArgumentException(
          "the store of this data directory is not SQLite ("
              + config.store()
              + "): migrate copies an embedded install into PostgreSQL");
    }
    StoreConfig target = StoreConfig.parse(to, null, null);
    if (target.isSqlite()) {
      throw new IllegalArgumentException("--to must be a PostgreSQL URL, was " + to);
    }
    System.out.println("from " + config.store());
    System.out.println("to   " + target);
    try (Database source =
            Database.open(
                new DatabaseConfig(
                    config.store().jdbcUrl(), config.store().user(), config.store().password()));
        Database dest =
            Database.open(new DatabaseConfig(target.jdbcUrl(), target.user(), target.password()))) {
      Progress[] bar = {null};
      String[] current = {null};
      StoreCopy.Result r =
          StoreCopy.copy(
              source,
              dest,
              batch,
              (table, done, total) -> {
                if (!table.equals(current[0])) {
                  current[0] = table;
                  bar[0] = Progress.onStderr(table, "rows");
                }
                bar[0].update(done, total == 0 ? 1 : (double) done / total);
                if (done == total) {
                  bar[0].finish(done);
                }
              });
      System.out.printf(
          Locale.ROOT, "%-24s %12s %12s %9s%n", "table", "sqlite", "postgres", "seconds");
      for (StoreCopy.TableResult t : r.tables()) {
        System.out.printf(
            Locale.ROOT,
            "%-24s %,12d %,12d %9.1f%s%n",
            t.table(),
            t.sourceRows(),
            t.targetRows(),
            t.took().toMillis() / 1000.0,
            t.matches() ? "" : "  MISMATCH");
      }
      System.out.printf(
          Locale.ROOT, "copied %,d rows in %.1f s%n", r.rows(), r.took().toMillis() / 1000.0);
      if (!r.verified()) {
        System.err.println(
            "error: row counts differ (rows deleted from SQLite since an earlier run stay in"
                + " PostgreSQL; copy into an empty database for an exact copy)");
        return 1;
      }
      System.out.println("row counts verified; now set store.url to the PostgreSQL URL");
      return 0;
    }
  }
}
