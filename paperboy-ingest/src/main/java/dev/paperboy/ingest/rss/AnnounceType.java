package dev.paperboy.ingest.rss;

import java.util.Locale;

/**
 * The {@code arxiv:announce_type} of a feed item
 * (https://info.arxiv.org/help/rss_specifications.html).
 */
public enum AnnounceType {
  /** Released for the first time, in its primary category. */
  NEW,
  /** Announced as new in a category that is not its primary one. */
  CROSS,
  /** A new version of a paper announced earlier. */
  REPLACE,
  /** A new version of a paper cross-listed to the feed's categories. */
  REPLACE_CROSS;

  /** Parses {@code new}, {@code cross}, {@code replace}, {@code replace-cross}. */
  public static AnnounceType parse(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "new" -> NEW;
      case "cross" -> CROSS;
      case "replace" -> REPLACE;
      case "replace-cross" -> REPLACE_CROSS;
      default ->
          throw new IllegalArgumentException(
              "unknown announce type '"
                  + text.strip()
                  + "' (expected new, cross, replace or replace-cross)");
    };
  }

  /** True for announcements of a paper's first version. */
  public boolean isNew() {
    return this == NEW || this == CROSS;
  }

  /**
   * How much an item of this type says about the day's list; when the same paper comes in several
   * feeds of one day the strongest wins (a paper new in cs.CL and a cross-list in cs.LG is new).
   */
  int strength() {
    return switch (this) {
      case NEW -> 3;
      case CROSS -> 2;
      case REPLACE -> 1;
      case REPLACE_CROSS -> 0;
    };
  }
}
