package dev.paperboy.app.cli;

import dev.paperboy.app.AppContext;
import java.time.Duration;
import java.util.Locale;

/**
 * What commands say when a running {@code serve} holds the embedded search index: commands that add
 * papers store them and leave indexing to the server, which follows the store; commands that need
 * the index itself stop with a message that says what to do.
 */
final class ServedIndex {
  /** Exit code of a command that needs the index while a running server holds it. */
  static final int IN_USE = 3;

  private ServedIndex() {}

  /** The one line a command prints after storing {@code papers} papers without indexing them. */
  static String storedOnly(AppContext app, long papers) {
    return storedOnly(app, String.format(Locale.ROOT, "%,d papers were", papers));
  }

  /** {@link #storedOnly(AppContext, long)} for a command that does not count the papers. */
  static String storedOnly(AppContext app) {
    return storedOnly(app, "the papers were");
  }

  private static String storedOnly(AppContext app, String which) {
    return "The search index is in use by a running server; "
        + which
        + " stored and the server will index them within "
        + within(app.config().search().followInterval())
        + ".";
  }

  /** The interval as people say it: "5 s", "2 min". */
  static String within(Duration d) {
    long s = d.toSeconds();
    if (s < 1) {
      return d.toMillis() + " ms";
    }
    return s % 60 == 0 && s >= 60 ? (s / 60) + " min" : s + " s";
  }
}
