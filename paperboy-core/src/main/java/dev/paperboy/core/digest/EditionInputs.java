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
 * @param newest every paper listed in the period, in the order of the site's day pages (the later
 *     day first, then most upvoted, then id: {@code EntryOrder.NEWEST}): what the trending section
 *     shows a subscriber in whose categories nobody has upvoted anything yet
 */
public record EditionInputs(
    List<TrendingPaper> trending,
    Candidates newPapers,
    Map<ArxivId, List<String>> categories,
    Function<String, List<ArxivId>> alertMatches,
    List<ListedPaper> newest) {
  public EditionInputs {
    trending = List.copyOf(trending);
    newest = List.copyOf(newest == null ? List.of() : newest);
    categories = Map.copyOf(categories);
    if (newPapers == null || alertMatches == null) {
      throw new IllegalArgumentException("newPapers and alertMatches must not be null");
    }
  }

  /** Inputs without a list of the period's papers (no fallback for the trending section). */
  public EditionInputs(
      List<TrendingPaper> trending,
      Candidates newPapers,
      Map<ArxivId, List<String>> categories,
      Function<String, List<ArxivId>> alertMatches) {
    this(trending, newPapers, categories, alertMatches, List.of());
  }

  public List<String> categoriesOf(ArxivId paper) {
    return categories.getOrDefault(paper, List.of());
  }
}
