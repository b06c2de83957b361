package dev.paperboy.core.digest;

import dev.paperboy.core.search.QuerySyntax;
import java.time.Instant;
import java.util.Locale;

/**
 * A saved-topic alert: a search query whose new matches go into the subscriber's digests ("matches
 * your alert 'retrieval augmented generation'").
 *
 * @param query what the subscriber typed, stripped, 2..{@value #MAX_LENGTH} characters on one line
 */
public record Alert(SubscriptionId subscription, String query, Instant createdAt) {
  public static final int MAX_LENGTH = 120;

  /** Alerts one subscription may have. */
  public static final int MAX_PER_SUBSCRIPTION = 10;

  public Alert {
    if (subscription == null || createdAt == null) {
      throw new IllegalArgumentException(
          "subscription and createdAt must not be null, query: " + query);
    }
    query = shape(query);
  }

  /**
   * An alert query as typed, stripped and checked, for saving a new alert: besides the shape it
   * must look for something. A query of exclusions alone ({@code -video -survey}) matches nothing
   * (the index needs a positive clause, {@link QuerySyntax#hasPositive()}), so it is refused here
   * rather than saved as an alert that can never fire. The constructor does not insist, so alerts
   * saved before this rule still load.
   *
   * @throws IllegalArgumentException with a message fit to show to the person who typed it
   */
  public static String check(String query) {
    String q = shape(query);
    if (!QuerySyntax.parse(q).hasPositive()) {
      throw new IllegalArgumentException(
          "an alert needs at least one word to look for: the query '"
              + q
              + "' only excludes (-word)");
    }
    return q;
  }

  /** Stripped and checked for length and control characters. */
  private static String shape(String query) {
    if (query == null || query.isBlank()) {
      throw new IllegalArgumentException("an alert needs some words to look for");
    }
    String q = query.strip().replaceAll("\\s+", " ");
    if (q.length() < 2) {
      throw new IllegalArgumentException("an alert needs at least two characters");
    }
    if (q.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("an alert is at most " + MAX_LENGTH + " characters");
    }
    if (q.chars().anyMatch(c -> Character.isISOControl(c))) {
      throw new IllegalArgumentException("an alert must not contain control characters");
    }
    return q;
  }

  /** The key under which a subscription's alerts are unique: lower case. */
  public String key() {
    return query.toLowerCase(Locale.ROOT);
  }

  /**
   * The query as the search index should run it for an alert: every plain word must occur (each
   * becomes a one-word phrase, which the index requires), so "retrieval augmented generation" does
   * not match every paper that mentions "generation". A query that already uses phrases ({@code
   * "..."}), exclusions ({@code -word}) or prefixes ({@code word*}) runs as typed.
   */
  public String searchText() {
    if (query.indexOf('"') >= 0 || query.indexOf('*') >= 0 || query.matches(".*(^|\\s)-\\S.*")) {
      return query;
    }
    StringBuilder b = new StringBuilder();
    for (String w : query.split(" ")) {
      if (!w.isEmpty()) {
        b.append(b.length() == 0 ? "" : " ").append('"').append(w).append('"');
      }
    }
    return b.toString();
  }
}
