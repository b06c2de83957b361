package dev.paperboy.core.recommend;

import java.time.Instant;
import java.util.List;

/**
 * A way of learning what a reader likes from the papers they liked: {@link #fit} turns their likes
 * into a {@link Taste} that scores new papers. Implementations are stateless and thread-safe.
 */
public interface TasteModel {

  /** A short name for reports and configuration ({@code centroid}, {@code logistic}, ...). */
  String name();

  /**
   * Learns a taste from the likes (at least one).
   *
   * @param now the time of the recommendation, for models that let older likes weigh less
   * @throws IllegalArgumentException when {@code liked} is empty
   */
  Taste fit(List<LikedItem> liked, Instant now);

  /** A fitted taste: scores candidates, higher meaning more to the reader's taste. */
  @FunctionalInterface
  interface Taste {
    /** One score per candidate row; only the order within one call is meaningful. */
    double[] score(Candidates candidates);
  }
}
