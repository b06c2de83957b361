package dev.paperboy.core.digest;

import dev.paperboy.core.paper.ArxivId;
import java.util.List;

/**
 * A paper on the trending list an edition draws from.
 *
 * @param upvotes its upvotes (baseline plus local votes)
 * @param score its trending score at the edition's time ({@code core.trending.TrendingScore})
 * @param categories its arXiv categories, for the subscribers' category filters
 */
public record TrendingPaper(ArxivId paper, int upvotes, double score, List<String> categories) {
  public TrendingPaper {
    if (paper == null) {
      throw new IllegalArgumentException("paper must not be null");
    }
    categories = List.copyOf(categories == null ? List.of() : categories);
  }
}
