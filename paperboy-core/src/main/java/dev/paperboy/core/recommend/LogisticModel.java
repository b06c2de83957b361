package dev.paperboy.core.recommend;

import java.time.Instant;
import java.util.List;

/**
 * A linear model over embedding features: L2-regularised logistic regression that separates the
 * liked papers (label 1) from a background sample of papers (label 0, implicit negatives: papers
 * the reader was shown or could have found and did not like).
 *
 * <p>The two classes are weighted equally whatever their sizes (each class's mean loss counts
 * half), which keeps a reader with three likes from being swamped by hundreds of negatives. Fitted
 * by full-batch gradient descent: with unit-length features the loss's Hessian is bounded by {@code
 * 1/4 + lambda}, so a step of {@code 1 / (1/4 + lambda)} always descends (Nesterov, "Introductory
 * Lectures on Convex Optimization", 2004, section 2.1.5).
 */
public final class LogisticModel implements TasteModel {
  private final List<float[]> background;
  private final double lambda;
  private final int iterations;

  /**
   * @param background unit vectors of papers to use as negatives, at least one
   * @param lambda L2 regularisation, > 0
   * @param iterations gradient steps, >= 1
   */
  public LogisticModel(List<float[]> background, double lambda, int iterations) {
    if (background == null || background.isEmpty()) {
      throw new IllegalArgumentException("background must hold at least one vector");
    }
    if (!(lambda > 0)) {
      throw new IllegalArgumentException("lambda must be > 0, lambda: " + lambda);
    }
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be >= 1, iterations: " + iterations);
    }
    this.background = List.copyOf(background);
    this.lambda = lambda;
    this.iterations = iterations;
  }

  @Override
  public String name() {
    return "logistic-l" + lambda;
  }

  @Override
  public Taste fit(List<LikedItem> liked, Instant now) {
    if (liked.isEmpty()) {
      throw new IllegalArgumentException("a taste needs at least one liked paper");
    }
    float[] w = weights(liked.stream().map(LikedItem::vector).toList());
    return candidates -> candidates.dotAll(w);
  }

  /** The fitted weight vector (the bias is left out: it does not change the order). */
  public float[] weights(List<float[]> positives) {
    int dim = positives.get(0).length;
    double[] w = new double[dim];
    double b = 0;
    double step = 1.0 / (0.25 + lambda);
    double[] grad = new double[dim];
    for (int it = 0; it < iterations; it++) {
      java.util.Arrays.fill(grad, 0);
      double gb = 0;
      gb += accumulate(positives, 1.0, w, b, grad);
      gb += accumulate(background, 0.0, w, b, grad);
      for (int j = 0; j < dim; j++) {
        w[j] -= step * (grad[j] + lambda * w[j]);
      }
      b -= step * gb;
    }
    float[] out = new float[dim];
    for (int j = 0; j < dim; j++) {
      out[j] = (float) w[j];
    }
    return out;
  }

  // Adds half the mean gradient of the log loss over one class; returns the bias part.
  private static double accumulate(
      List<float[]> xs, double label, double[] w, double b, double[] grad) {
    double scale = 0.5 / xs.size();
    double gb = 0;
    for (float[] x : xs) {
      double z = b;
      for (int j = 0; j < w.length; j++) {
        z += w[j] * x[j];
      }
      double p = 1 / (1 + Math.exp(-z));
      double g = (p - label) * scale;
      for (int j = 0; j < w.length; j++) {
        grad[j] += g * x[j];
      }
      gb += g;
    }
    return gb;
  }
}
