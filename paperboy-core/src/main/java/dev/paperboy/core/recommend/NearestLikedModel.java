package dev.paperboy.core.recommend;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A candidate scores the mean of its {@code k} highest cosines with the liked papers ({@code k =
 * 1}: its nearest liked paper). Unlike a mean profile this keeps a reader with two unrelated
 * interests from being recommended papers halfway between them.
 */
public final class NearestLikedModel implements TasteModel {
  private final int k;

  public NearestLikedModel(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, k: " + k);
    }
    this.k = k;
  }

  @Override
  public String name() {
    return k == 1 ? "nearest-liked" : "nearest-liked-top" + k;
  }

  @Override
  public Taste fit(List<LikedItem> liked, Instant now) {
    if (liked.isEmpty()) {
      throw new IllegalArgumentException("a taste needs at least one liked paper");
    }
    List<float[]> vectors = liked.stream().map(LikedItem::vector).toList();
    return candidates -> {
      int n = candidates.size();
      double[][] sims = new double[vectors.size()][];
      for (int j = 0; j < vectors.size(); j++) {
        sims[j] = candidates.dotAll(vectors.get(j));
      }
      int kk = Math.min(k, vectors.size());
      double[] out = new double[n];
      double[] column = new double[vectors.size()];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < sims.length; j++) {
          column[j] = sims[j][i];
        }
        if (kk == 1) {
          double max = Double.NEGATIVE_INFINITY;
          for (double s : column) {
            max = Math.max(max, s);
          }
          out[i] = max;
        } else {
          double[] sorted = column.clone();
          Arrays.sort(sorted);
          double sum = 0;
          for (int t = 0; t < kk; t++) {
            sum += sorted[sorted.length - 1 - t];
          }
          out[i] = sum / kk;
        }
      }
      return out;
    };
  }
}
