package dev.paperboy.core.recommend;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The reader as the mean of the embeddings of the papers they liked; a candidate scores its cosine
 * with that mean (up to a factor that does not change the order).
 *
 * <p>Optionally (Rocchio, "Relevance feedback in information retrieval", 1971) the mean of a
 * background sample is subtracted with weight {@code beta}: what every paper shares (much of a
 * sentence embedding is common to all abstracts) then stops counting as taste. With a half-life, a
 * like counts {@code 2^(-age/halfLife)}, so the profile follows a reader whose interests move.
 */
public final class CentroidModel implements TasteModel {
  private final @Nullable Duration halfLife;
  private final float @Nullable [] background;
  private final double beta;

  private CentroidModel(@Nullable Duration halfLife, float @Nullable [] background, double beta) {
    if (halfLife != null && (halfLife.isNegative() || halfLife.isZero())) {
      throw new IllegalArgumentException("halfLife must be positive, halfLife: " + halfLife);
    }
    if (beta < 0 || beta > 1) {
      throw new IllegalArgumentException("beta must be in [0, 1], beta: " + beta);
    }
    this.halfLife = halfLife;
    this.background = background == null ? null : background.clone();
    this.beta = beta;
  }

  /** The plain mean of the liked embeddings, every like weighing the same. */
  public static CentroidModel mean() {
    return new CentroidModel(null, null, 0);
  }

  /** The mean with likes weighing {@code 2^(-age/halfLife)}. */
  public static CentroidModel recencyWeighted(Duration halfLife) {
    return new CentroidModel(halfLife, null, 0);
  }

  /**
   * Rocchio: the (optionally recency-weighted) mean minus {@code beta} times the mean of a
   * background sample of papers.
   */
  public static CentroidModel rocchio(
      @Nullable Duration halfLife, float[] backgroundMean, double beta) {
    return new CentroidModel(halfLife, backgroundMean, beta);
  }

  @Override
  public String name() {
    String base = halfLife == null ? "centroid" : "centroid-recency-" + halfLife.toDays() + "d";
    return background == null ? base : "rocchio-" + beta + "-" + base;
  }

  @Override
  public Taste fit(List<LikedItem> liked, Instant now) {
    float[] w = profile(liked, now);
    return candidates -> candidates.dotAll(w);
  }

  /** The profile vector itself (not normalised). */
  public float[] profile(List<LikedItem> liked, Instant now) {
    if (liked.isEmpty()) {
      throw new IllegalArgumentException("a taste needs at least one liked paper");
    }
    int dim = liked.get(0).vector().length;
    float[] w = new float[dim];
    double total = 0;
    for (LikedItem item : liked) {
      float[] v = item.vector();
      if (v.length != dim) {
        throw new IllegalArgumentException(
            "liked vectors differ in length: " + dim + " and " + v.length);
      }
      double weight = weight(item, now);
      total += weight;
      for (int j = 0; j < dim; j++) {
        w[j] += (float) (weight * v[j]);
      }
    }
    for (int j = 0; j < dim; j++) {
      w[j] /= (float) total;
    }
    if (background != null) {
      if (background.length != dim) {
        throw new IllegalArgumentException(
            "background mean has dimension " + background.length + ", likes have " + dim);
      }
      for (int j = 0; j < dim; j++) {
        w[j] -= (float) (beta * background[j]);
      }
    }
    return w;
  }

  private double weight(LikedItem item, Instant now) {
    if (halfLife == null) {
      return 1;
    }
    double age = Math.max(0, Duration.between(item.like().at(), now).toSeconds());
    return Math.pow(2, -age / halfLife.toSeconds());
  }
}
