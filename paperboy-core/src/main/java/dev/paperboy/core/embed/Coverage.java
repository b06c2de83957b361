package dev.paperboy.core.embed;

/**
 * How many papers have a vector of the current model: what the status page and metrics show while
 * the backfill runs.
 */
public record Coverage(long papers, long withVector) {
  public Coverage {
    if (papers < 0 || withVector < 0) {
      throw new IllegalArgumentException(
          "counts must be >= 0, papers: " + papers + ", withVector: " + withVector);
    }
  }

  /** Share of papers with a vector, 0..1 (1 for an empty store). */
  public double fraction() {
    return papers == 0 ? 1 : Math.min(1, (double) withVector / papers);
  }
}
