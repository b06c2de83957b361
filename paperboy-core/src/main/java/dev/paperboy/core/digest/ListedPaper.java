package dev.paperboy.core.digest;

import dev.paperboy.core.paper.ArxivId;
import java.time.LocalDate;
import java.util.List;

/**
 * A paper listed in an edition's period: what the trending section falls back to when nobody has
 * upvoted a paper in a subscriber's categories yet.
 *
 * @param day the list day it appeared on
 * @param categories its arXiv categories, for the subscribers' category filters
 */
public record ListedPaper(ArxivId paper, LocalDate day, List<String> categories) {
  public ListedPaper {
    if (paper == null || day == null) {
      throw new IllegalArgumentException("paper and day must not be null, paper: " + paper);
    }
    categories = List.copyOf(categories == null ? List.of() : categories);
  }
}
