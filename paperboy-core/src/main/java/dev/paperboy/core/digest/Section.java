package dev.paperboy.core.digest;

import java.util.Locale;

/**
 * The parts a digest can hold; a subscriber picks any mix. In a message they appear in this order:
 * what the reader asked for first.
 */
public enum Section {
  /** New papers matching the subscriber's saved-topic alerts. */
  ALERTS("Your alerts"),
  /** Papers picked for the subscriber from what their account upvoted or saved. */
  PICKS("Picked for you"),
  /** The most upvoted recent papers, in the subscriber's categories. */
  TRENDING("Trending");

  private final String heading;

  Section(String heading) {
    this.heading = heading;
  }

  /** The section's heading in a message. */
  public String heading() {
    return heading;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code alerts}, {@code picks} or {@code trending} (any case).
   *
   * @throws IllegalArgumentException naming the value and the allowed ones
   */
  public static Section parse(String text) {
    for (Section s : values()) {
      if (text != null && s.code().equalsIgnoreCase(text.strip())) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown digest section '" + text + "' (expected trending, picks or alerts)");
  }
}
