package dev.paperboy.core.search;

import java.util.Locale;

/** How a query is matched: by keywords, by meaning, or both fused into one ranking. */
public enum SearchMode {
  BM25,
  SEMANTIC,
  HYBRID;

  /** Parses {@code bm25|semantic|hybrid} (any case); the message lists the allowed values. */
  public static SearchMode parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(
          "unknown search mode '" + text + "' (expected bm25, semantic or hybrid)");
    }
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
