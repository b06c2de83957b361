package dev.paperboy.core.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges rankings of the same collection (keyword and vector candidates, say) into one.
 *
 * <p>A document missing from a ranking simply gets nothing from it, so a paper that has no vector
 * yet still ranks through its keyword score. Results are sorted by fused score, best first; equal
 * scores are ordered by id, so the output depends only on the input and never on hash order.
 */
public final class Fusion {
  private Fusion() {}

  /** The constant of reciprocal rank fusion proposed and used by Cormack et al. (2009). */
  public static final int DEFAULT_RRF_K = 60;

  /**
   * Reciprocal rank fusion: {@code score(d) = sum_i w_i / (k + rank_i(d))} with 1-based ranks
   * (Cormack, Clarke and Büttcher, "Reciprocal Rank Fusion outperforms Condorcet and individual
   * Rank Learning Methods", SIGIR 2009). Only ranks matter, so rankings with scores on different
   * scales combine without normalisation. A document listed twice in one ranking counts at its best
   * rank.
   *
   * @param rankings each ranking's ids, best first
   * @param weights one weight >= 0 per ranking
   * @param k damps the advantage of the very first ranks; >= 0
   */
  public static <T extends Comparable<? super T>> List<Scored<T>> reciprocalRank(
      List<? extends List<T>> rankings, List<Double> weights, int k) {
    checkWeights(rankings.size(), weights);
    if (k < 0) {
      throw new IllegalArgumentException("k must be >= 0, k: " + k);
    }
    Map<T, Double> fused = new HashMap<>();
    for (int i = 0; i < rankings.size(); i++) {
      double w = weights.get(i);
      Set<T> seen = new HashSet<>();
      int rank = 0;
      for (T id : rankings.get(i)) {
        rank++;
        if (seen.add(id)) {
          fused.merge(id, w / (k + rank), Double::sum);
        }
      }
    }
    return sorted(fused);
  }

  /** Reciprocal rank fusion of rankings with equal weights and the usual {@code k = 60}. */
  public static <T extends Comparable<? super T>> List<Scored<T>> reciprocalRank(
      List<? extends List<T>> rankings) {
    return reciprocalRank(rankings, equalWeights(rankings.size()), DEFAULT_RRF_K);
  }

  /**
   * A convex combination of normalised scores: {@code score(d) = sum_i w_i * norm_i(d)}, where
   * {@code norm_i} maps ranking i's scores into [0, 1] by min-max scaling over that ranking's own
   * candidates and a document absent from ranking i gets 0 from it. Bruch, Gai and Ingber ("An
   * Analysis of Fusion Functions for Hybrid Retrieval", ACM TOIS 2023) find this combination beats
   * RRF once its weight is tuned on a little training data.
   *
   * <p>When every candidate of a ranking has the same score, they all normalise to 1 (the ranking
   * cannot tell them apart, and each is as good as its best).
   *
   * @param runs each ranking's scored ids; order does not matter, a repeated id counts at its best
   *     score
   * @param weights one weight >= 0 per ranking; they need not sum to 1
   */
  public static <T extends Comparable<? super T>> List<Scored<T>> convexCombination(
      List<? extends List<Scored<T>>> runs, List<Double> weights) {
    checkWeights(runs.size(), weights);
    Map<T, Double> fused = new HashMap<>();
    for (int i = 0; i < runs.size(); i++) {
      Map<T, Double> best = new HashMap<>();
      for (Scored<T> s : runs.get(i)) {
        best.merge(s.id(), s.score(), Math::max);
      }
      if (best.isEmpty()) {
        continue;
      }
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (double v : best.values()) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      double range = max - min;
      double w = weights.get(i);
      for (Map.Entry<T, Double> e : best.entrySet()) {
        double norm = range > 0 && Double.isFinite(range) ? (e.getValue() - min) / range : 1.0;
        fused.merge(e.getKey(), w * norm, Double::sum);
      }
      // Make sure a document with weight 0 or norm 0 is still among the candidates.
      for (T id : best.keySet()) {
        fused.putIfAbsent(id, 0.0);
      }
    }
    return sorted(fused);
  }

  /**
   * The usual two-way hybrid: {@code alpha * norm(lexical) + (1 - alpha) * norm(semantic)}.
   *
   * @param alpha weight of the lexical ranking, in [0, 1]
   */
  public static <T extends Comparable<? super T>> List<Scored<T>> convexCombination(
      List<Scored<T>> lexical, List<Scored<T>> semantic, double alpha) {
    if (!(alpha >= 0 && alpha <= 1)) {
      throw new IllegalArgumentException("alpha must be in [0, 1], alpha: " + alpha);
    }
    return convexCombination(List.of(lexical, semantic), List.of(alpha, 1 - alpha));
  }

  /** The ids of a scored ranking, best first. */
  public static <T> List<T> ids(List<Scored<T>> ranking) {
    List<T> ids = new ArrayList<>(ranking.size());
    for (Scored<T> s : ranking) {
      ids.add(s.id());
    }
    return ids;
  }

  private static List<Double> equalWeights(int n) {
    List<Double> w = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      w.add(1.0);
    }
    return w;
  }

  private static void checkWeights(int rankings, List<Double> weights) {
    if (weights.size() != rankings) {
      throw new IllegalArgumentException(
          "need one weight per ranking: " + rankings + " rankings, " + weights.size() + " weights");
    }
    for (int i = 0; i < weights.size(); i++) {
      Double w = weights.get(i);
      if (w == null || !(w >= 0) || w.isInfinite()) {
        throw new IllegalArgumentException(
            "weights must be finite and >= 0, weights[" + i + "]: " + w);
      }
    }
  }

  private static <T extends Comparable<? super T>> List<Scored<T>> sorted(Map<T, Double> fused) {
    List<Scored<T>> out = new ArrayList<>(fused.size());
    for (Map.Entry<T, Double> e : fused.entrySet()) {
      out.add(new Scored<>(e.getKey(), e.getValue()));
    }
    out.sort(
        Comparator.<Scored<T>>comparingDouble(Scored::score).reversed().thenComparing(Scored::id));
    return out;
  }
}
