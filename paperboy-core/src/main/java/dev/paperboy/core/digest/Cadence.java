package dev.paperboy.core.digest;

import java.util.Locale;

/** How often a subscriber gets a digest. */
public enum Cadence {
  /** Every arXiv announcement day (Monday to Friday in UTC, holidays aside). */
  DAILY,
  /** Once a week, on the site's configured weekday. */
  WEEKLY;

  /** The lower-case name used in the store, forms and configuration. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code daily} or {@code weekly} (any case).
   *
   * @throws IllegalArgumentException naming the value and the allowed ones
   */
  public static Cadence parse(String text) {
    for (Cadence c : values()) {
      if (text != null && c.code().equalsIgnoreCase(text.strip())) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown cadence '" + text + "' (expected daily or weekly)");
  }
}
