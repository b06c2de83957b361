package dev.paperboy.app.cli;

import dev.paperboy.app.AppContext;
import dev.paperboy.core.paper.StoreStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code paperboy stats}: what the store and the index hold. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = "Show what the store and index hold.")
public final class StatsCommand implements Callable<Integer> {
  @Mixin DataOptions data;

  @Override
  public Integer call() {
    try (AppContext app = AppContext.open(data.load(System.getenv(), Map.of()))) {
      StoreStats s = app.store().stats();
      System.out.printf(Locale.ROOT, "data directory   %s%n", app.config().dataDir());
      System.out.printf(Locale.ROOT, "store            %s%n", app.config().store());
      System.out.printf(Locale.ROOT, "papers           %,d%n", s.papers());
      System.out.printf(Locale.ROOT, "  with code      %,d%n", s.papersWithCode());
      System.out.printf(Locale.ROOT, "list entries     %,d%n", s.entries());
      System.out.printf(
          Locale.ROOT,
          "days             %,d%s%n",
          s.days(),
          s.firstDay() == null ? "" : " (" + s.firstDay() + " .. " + s.lastDay() + ")");
      System.out.printf(Locale.ROOT, "index documents  %,d%n", app.index().size());
      System.out.printf(
          Locale.ROOT,
          "index size       %s%n",
          humanBytes(sizeOf(app.config().search().indexDir())));
      if (app.config().store().isSqlite()) {
        Path db = app.config().store().sqliteFile();
        System.out.printf(
            Locale.ROOT,
            "store size       %s%n",
            humanBytes(sizeOf(db) + sizeOf(Path.of(db + "-wal"))));
      }
      return 0;
    }
  }

  static long sizeOf(Path p) {
    if (!Files.exists(p)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(p)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String humanBytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = bytes;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
