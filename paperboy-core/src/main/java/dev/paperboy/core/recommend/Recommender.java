package dev.paperboy.core.recommend;

import dev.paperboy.core.paper.ArxivId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Personal picks: ranks candidate papers by a {@link TasteModel} fitted on the reader's likes and
 * explains each pick by the liked paper closest to it. One piece of code for the digest's personal
 * picks and the site's "For you" list (issue 9), so both always agree.
 *
 * <p>Liked papers are never recommended back. A pick needs a cosine of at least {@code
 * minSimilarity} with its closest liked paper, so "similar to X" is always true in a way a reader
 * would recognise; with nothing close enough the reader gets fewer picks, not bad ones.
 *
 * <p>Thread-safe: the model is stateless and each call works on its own arrays.
 */
public final class Recommender {
  private final TasteModel model;
  private final double minSimilarity;

  /**
   * @param minSimilarity the smallest cosine between a pick and its closest liked paper, -1..1
   */
  public Recommender(TasteModel model, double minSimilarity) {
    if (model == null) {
      throw new IllegalArgumentException("model must not be null");
    }
    if (minSimilarity < -1 || minSimilarity > 1) {
      throw new IllegalArgumentException(
          "minSimilarity must be in [-1, 1], minSimilarity: " + minSimilarity);
    }
    this.model = model;
    this.minSimilarity = minSimilarity;
  }

  public TasteModel model() {
    return model;
  }

  public double minSimilarity() {
    return minSimilarity;
  }

  /**
   * The best {@code k} candidates for a reader, best first.
   *
   * @param liked the reader's liked papers with their vectors; empty gives no picks
   * @param allowed papers that may be picked (category filters, papers already in the digest are
   *     excluded by the caller through it)
   */
  public List<Pick> recommend(
      List<LikedItem> liked,
      Candidates candidates,
      int k,
      Predicate<ArxivId> allowed,
      Instant now) {
    if (k < 0) {
      throw new IllegalArgumentException("k must be >= 0, k: " + k);
    }
    if (liked.isEmpty() || candidates.isEmpty() || k == 0) {
      return List.of();
    }
    Set<ArxivId> likedIds = new HashSet<>();
    for (LikedItem item : liked) {
      likedIds.add(item.like().paper());
    }
    double[] scores = model.fit(liked, now).score(candidates);
    // Walk candidates from the best down; explain each (k * likes dot products), keep the first
    // k that pass. A bounded heap of 4k keeps this O(n log k) for thousands of candidates.
    List<Integer> order = top(scores, candidates, likedIds, allowed, Math.max(4 * k, 32));
    List<Pick> picks = new ArrayList<>(k);
    for (int row : order) {
      LikedItem best = null;
      double bestSim = Double.NEGATIVE_INFINITY;
      for (LikedItem item : liked) {
        double s = candidates.dot(row, item.vector());
        if (s > bestSim) {
          bestSim = s;
          best = item;
        }
      }
      if (best != null && bestSim >= minSimilarity) {
        picks.add(new Pick(candidates.id(row), scores[row], best, bestSim));
        if (picks.size() == k) {
          break;
        }
      }
    }
    return picks;
  }

  private static List<Integer> top(
      double[] scores,
      Candidates candidates,
      Set<ArxivId> liked,
      Predicate<ArxivId> allowed,
      int n) {
    PriorityQueue<Integer> heap =
        new PriorityQueue<>(
            (a, b) -> {
              int c = Double.compare(scores[a], scores[b]);
              // On a tie the larger id is "smaller", so the smaller id stays: a stable order.
              return c != 0 ? c : candidates.id(b).compareTo(candidates.id(a));
            });
    for (int i = 0; i < scores.length; i++) {
      ArxivId id = candidates.id(i);
      if (liked.contains(id) || !allowed.test(id) || Double.isNaN(scores[i])) {
        continue;
      }
      heap.add(i);
      if (heap.size() > n) {
        heap.poll();
      }
    }
    List<Integer> out = new ArrayList<>(heap);
    out.sort(
        (a, b) -> {
          int c = Double.compare(scores[b], scores[a]);
          return c != 0 ? c : candidates.id(a).compareTo(candidates.id(b));
        });
    return out;
  }
}
