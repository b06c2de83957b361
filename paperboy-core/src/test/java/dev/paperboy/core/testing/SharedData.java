package dev.paperboy.core.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared, read-only data set ({@code ../shared/data} next to the checkout) for tests and
 * benchmarks. Tests that need it call {@link #require}; when the data is absent they are skipped
 * with a message that says what is missing, instead of failing.
 */
public final class SharedData {
  private SharedData() {}

  /** The shared data directory: system property {@code paperboy.shared.data}, else a guess. */
  public static Path root() {
    // The build passes ../shared/data next to the checkout; a worktree elsewhere has none
    // there, so an explicit setting only wins when it exists.
    for (String configured :
        new String[] {
          System.getenv("PAPERBOY_SHARED_DATA"), System.getProperty("paperboy.shared.data")
        }) {
      if (configured != null && !configured.isBlank() && Files.isDirectory(Path.of(configured))) {
        return Path.of(configured);
      }
    }
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      Path candidate = d.resolveSibling("shared").resolve("data");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
      candidate = d.resolve("shared").resolve("data");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return dir.resolveSibling("shared").resolve("data");
  }

  /** The folder {@code name} of the shared data; skips the calling test when it is absent. */
  public static Path require(String name) {
    Path p = root().resolve(name);
    assumeTrue(
        Files.exists(p),
        () ->
            "skipped: shared data '"
                + name
                + "' not found at "
                + p
                + " (set -Dpaperboy.shared.data or PAPERBOY_SHARED_DATA)");
    return p;
  }
}
