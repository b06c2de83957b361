package dev.paperboy.search;

import java.util.Locale;

/**
 * How semantic and hybrid searches rank. The defaults were chosen on the SciFact train queries (see
 * BENCHMARKS.md); the test queries were only used to report the result once.
 *
 * @param fusion how the keyword and vector rankings are combined
 * @param alpha weight of the keyword ranking in a convex combination (the vector ranking gets
 *     {@code 1 - alpha}), in [0, 1]
 * @param rrfK the {@code k} of reciprocal rank fusion
 * @param depth candidates taken from each ranking before fusing (at least the page asked for)
 * @param feedbackDocs documents of the first fused ranking whose mean vector is mixed into the
 *     query vector for a second vector search (Rocchio pseudo-relevance feedback on vectors); 0
 *     turns it off
 * @param feedbackWeight share of that mean in the new query vector, in [0, 1)
 */
public record HybridOptions(
    Fusion fusion, double alpha, int rrfK, int depth, int feedbackDocs, double feedbackWeight) {

  /** Combination methods; see {@link dev.paperboy.core.search.Fusion}. */
  public enum Fusion {
    CONVEX,
    RRF;

    public static Fusion parse(String text) {
      try {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "unknown fusion '" + text + "' (expected convex or rrf)");
      }
    }
  }

  /**
   * Convex combination with 0.4 on BM25 over the top 100 of each side, no feedback: the best of the
   * cheap settings on the SciFact train queries (nDCG@10 0.770; RRF's best was 0.763, and deeper
   * candidate lists, vector feedback and a second model each added less than 0.005 at a real cost
   * in latency or embedding time; see BENCHMARKS.md).
   */
  public static final HybridOptions DEFAULTS = new HybridOptions(Fusion.CONVEX, 0.4, 60, 100, 0, 0);

  public HybridOptions {
    if (fusion == null) {
      throw new IllegalArgumentException("fusion must not be null");
    }
    if (!(alpha >= 0 && alpha <= 1)) {
      throw new IllegalArgumentException("alpha must be in [0, 1], alpha: " + alpha);
    }
    if (rrfK < 0) {
      throw new IllegalArgumentException("rrfK must be >= 0, rrfK: " + rrfK);
    }
    if (depth < 10 || depth > 10_000) {
      throw new IllegalArgumentException("depth must be in [10, 10000], depth: " + depth);
    }
    if (feedbackDocs < 0 || feedbackDocs > 100) {
      throw new IllegalArgumentException(
          "feedbackDocs must be in [0, 100], feedbackDocs: " + feedbackDocs);
    }
    if (!(feedbackWeight >= 0 && feedbackWeight < 1)) {
      throw new IllegalArgumentException(
          "feedbackWeight must be in [0, 1), feedbackWeight: " + feedbackWeight);
    }
  }

  public HybridOptions withFusion(Fusion f) {
    return new HybridOptions(f, alpha, rrfK, depth, feedbackDocs, feedbackWeight);
  }

  public HybridOptions withAlpha(double a) {
    return new HybridOptions(fusion, a, rrfK, depth, feedbackDocs, feedbackWeight);
  }

  public HybridOptions withRrfK(int k) {
    return new HybridOptions(fusion, alpha, k, depth, feedbackDocs, feedbackWeight);
  }

  public HybridOptions withDepth(int d) {
    return new HybridOptions(fusion, alpha, rrfK, d, feedbackDocs, feedbackWeight);
  }

  public HybridOptions withFeedback(int docs, double weight) {
    return new HybridOptions(fusion, alpha, rrfK, depth, docs, weight);
  }
}
