package dev.paperboy.core.digest;

import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.recommend.Candidates;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What every subscriber's digest of one edition is composed from, loaded once per edition.
 *
 * @param trending the trending list at the edition's time, best first
 * @param newPapers the papers listed in the edition's period that have a vector: the personal
 *     picks' candidates
 * @param categories the categories of every paper listed in the period and on the trending list
 * @param alertMatches the papers of the period matching an alert's {@link Alert#searchText()}, best
 *     first (callers cache: many subscribers share queries)
 */
public record EditionInputs(
    List<TrendingPaper> trending,
    Candidates newPapers,
    Map<ArxivId, List<String>> categories,
    Function<String, List<ArxivId>> alertMatches) {
  public EditionInputs {
    trending = List.copyOf(trending);
    categories = Map.copyOf(categories);
    if (newPapers == null || alertMatches == null) {
      throw new IllegalArgumentException("newPapers and alertMatches must not be null");
    }
  }

  public List<String> categoriesOf(ArxivId paper) {
    return categories.getOrDefault(paper, List.of());
  }
}
