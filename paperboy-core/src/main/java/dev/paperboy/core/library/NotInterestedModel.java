package dev.paperboy.core.library;

import dev.paperboy.core.recommend.LikedItem;
import dev.paperboy.core.recommend.Recommender;
import dev.paperboy.core.recommend.TasteModel;
import java.time.Instant;
import java.util.List;

/**
 * A taste model with negative feedback: the scores of {@code base}, minus {@code weight} times each
 * candidate's highest cosine with a paper the reader marked "not interested". This is Rocchio's
 * negative term (Rocchio, "Relevance feedback in information retrieval", 1971) taken per paper
 * rather than as a mean, so one dismissed topic pushes down its near neighbours without dragging
 * the whole profile.
 *
 * <p>The {@link Recommender} is used unchanged around it: the same recommender (and base model)
 * serves "For you" and the digest's personal picks, this only adds the reader's "no". Both wrap it
 * through {@link #recommender}, with the same marks ({@link #MARKS}) and weight, so they rank
 * alike.
 */
public final class NotInterestedModel implements TasteModel {
  /** How many of a reader's "not interested" marks (the newest) count. */
  public static final int MARKS = 1000;

  /** The weight when none is configured ({@code library.notinterested.weight}). */
  public static final double DEFAULT_WEIGHT = 0.5;

  private final TasteModel base;
  private final List<float[]> disliked;
  private final double weight;

  /**
   * @param disliked unit vectors of the papers marked "not interested"
   * @param weight how much a dismissed neighbour costs, >= 0
   */
  public NotInterestedModel(TasteModel base, List<float[]> disliked, double weight) {
    if (base == null) {
      throw new IllegalArgumentException("base must not be null");
    }
    if (!(weight >= 0)) {
      throw new IllegalArgumentException("weight must be >= 0, weight: " + weight);
    }
    this.base = base;
    this.disliked = List.copyOf(disliked);
    this.weight = weight;
  }

  /**
   * The {@code shared} recommender (its model and similarity floor) with the reader's "not
   * interested" marks: what "For you" and the digest's picks rank a reader's candidates with.
   *
   * @param disliked unit vectors of the papers the reader marked (those that have a vector)
   * @param weight how much a dismissed neighbour costs, >= 0
   */
  public static Recommender recommender(Recommender shared, List<float[]> disliked, double weight) {
    return new Recommender(
        new NotInterestedModel(shared.model(), disliked, weight), shared.minSimilarity());
  }

  @Override
  public String name() {
    return base.name() + "+not-interested";
  }

  @Override
  public Taste fit(List<LikedItem> liked, Instant now) {
    Taste taste = base.fit(liked, now);
    if (disliked.isEmpty() || weight == 0) {
      return taste;
    }
    return candidates -> {
      double[] scores = taste.score(candidates);
      double[] worst = new double[candidates.size()];
      java.util.Arrays.fill(worst, Double.NEGATIVE_INFINITY);
      for (float[] d : disliked) {
        if (d.length != candidates.dimension() && !candidates.isEmpty()) {
          continue;
        }
        double[] sims = candidates.dotAll(d);
        for (int i = 0; i < sims.length; i++) {
          worst[i] = Math.max(worst[i], sims[i]);
        }
      }
      for (int i = 0; i < scores.length; i++) {
        if (worst[i] > 0) {
          scores[i] -= weight * worst[i];
        }
      }
      return scores;
    };
  }
}
