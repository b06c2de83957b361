package dev.paperboy.core.digest;

import java.util.Locale;

/** What a subscriber gets when arXiv does not announce (a holiday, or a week without papers). */
public enum QuietDays {
  /** A short message saying there is no announcement, and when the next one is. */
  NOTE,
  /** Nothing at all. */
  SKIP;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code note} or {@code skip} (any case).
   *
   * @throws IllegalArgumentException naming the value and the allowed ones
   */
  public static QuietDays parse(String text) {
    for (QuietDays q : values()) {
      if (text != null && q.code().equalsIgnoreCase(text.strip())) {
        return q;
      }
    }
    throw new IllegalArgumentException(
        "unknown choice for days without an announcement '" + text + "' (expected note or skip)");
  }
}
