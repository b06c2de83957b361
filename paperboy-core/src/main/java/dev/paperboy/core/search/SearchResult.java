package dev.paperboy.core.search;

import java.time.Duration;
import java.util.List;

/**
 * A page of hits.
 *
 * @param total how many papers match in all (exact for keyword search)
 * @param took time spent inside the index
 */
public record SearchResult(long total, List<SearchHit> hits, Duration took) {
  public SearchResult {
    hits = List.copyOf(hits);
  }
}
