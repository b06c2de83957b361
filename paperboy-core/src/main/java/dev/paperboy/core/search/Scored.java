package dev.paperboy.core.search;

/**
 * A document and its score in one ranking. Scores of different rankings (BM25, cosine, fused) are
 * not comparable; within one ranking higher is better.
 */
public record Scored<T>(T id, double score) {
  public Scored {
    if (id == null) {
      throw new IllegalArgumentException("id must not be null");
    }
    if (Double.isNaN(score)) {
      throw new IllegalArgumentException("score must be a number, id: " + id + ", score: NaN");
    }
  }
}
