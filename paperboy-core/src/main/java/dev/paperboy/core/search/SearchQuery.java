package dev.paperboy.core.search;

import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A search request.
 *
 * @param text what the user typed; never blank
 * @param categories keep papers listed in any of these categories (empty: no filter)
 * @param from keep papers dated on or after this day ({@link
 *     dev.paperboy.core.paper.Paper#displayDate()})
 * @param to keep papers dated on or before this day
 * @param codeOnly keep only papers with a code link
 * @param offset hits to skip, for pagination
 * @param limit hits to return, 1..1000
 */
public record SearchQuery(
    String text,
    SearchMode mode,
    Set<String> categories,
    @Nullable LocalDate from,
    @Nullable LocalDate to,
    boolean codeOnly,
    int offset,
    int limit) {

  public static final int MAX_LIMIT = 1000;

  public SearchQuery {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("query text must not be blank");
    }
    if (mode == null) {
      throw new IllegalArgumentException("mode must not be null");
    }
    categories = Set.copyOf(categories == null ? Set.of() : categories);
    if (from != null && to != null && from.isAfter(to)) {
      throw new IllegalArgumentException(
          "date range is empty: from " + from + " is after to " + to);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be >= 0, offset: " + offset);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIMIT + ", limit: " + limit);
    }
  }

  /** A plain query: the given mode, no filters, the first {@code limit} hits. */
  public static SearchQuery of(String text, SearchMode mode, int limit) {
    return new SearchQuery(text, mode, Set.of(), null, null, false, 0, limit);
  }
}
