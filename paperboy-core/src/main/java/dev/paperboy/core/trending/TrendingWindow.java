package dev.paperboy.core.trending;

import java.time.Duration;
import java.util.Locale;

/**
 * The span of days a trending list looks back over, and the half-life of its decay.
 *
 * <p>The half-life is a third of the window, so the oldest papers in a window weigh one eighth of
 * the newest ({@code 2^-3}): the window decides which papers compete, the decay decides how much
 * freshness counts against upvotes, and the two stay in proportion whatever window is picked.
 */
public enum TrendingWindow {
  THREE_DAYS("3d", "3 days", 3),
  WEEK("week", "Week", 7),
  MONTH("month", "Month", 30);

  private final String param;
  private final String label;
  private final int days;

  TrendingWindow(String param, String label, int days) {
    this.param = param;
    this.label = label;
    this.days = days;
  }

  /** The value used in URLs ({@code ?window=3d|week|month}). */
  public String param() {
    return param;
  }

  /** A short label for people. */
  public String label() {
    return label;
  }

  /** How many days (the last one included) the window covers. */
  public int days() {
    return days;
  }

  /** A third of the window (see the class comment). */
  public Duration halfLife() {
    return Duration.ofHours(days * 24L / 3L);
  }

  /**
   * Parses a URL value ({@code 3d}, {@code week}, {@code month}; any case).
   *
   * @throws IllegalArgumentException naming the value and the allowed ones
   */
  public static TrendingWindow parse(String text) {
    if (text != null) {
      String t = text.strip().toLowerCase(Locale.ROOT);
      for (TrendingWindow w : values()) {
        if (w.param.equals(t)) {
          return w;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown trending window '" + text + "' (expected 3d, week or month)");
  }
}
