package dev.paperboy.core.recommend;

import dev.paperboy.core.paper.ArxivId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The papers a recommendation chooses from, with their unit vectors in one row-major matrix, so a
 * linear profile scores all of them in one pass over contiguous memory.
 *
 * <p>Mostly-zero vectors (hashed TF-IDF: about a hundred words in thousands of slots) are kept as
 * compressed sparse rows instead, so scoring costs the non-zeros, not the dimension.
 *
 * <p>Immutable once built; safe to share between the threads that compose digests.
 */
public final class Candidates {
  private final List<ArxivId> ids;
  private final Map<ArxivId, Integer> rows;
  private final float[] matrix;
  private final int dimension;
  // Compressed sparse rows (when sparse): row i's non-zeros are cols/vals[starts[i]..starts[i+1]).
  private final int @Nullable [] starts;
  private final int @Nullable [] cols;
  private final float @Nullable [] vals;

  private Candidates(List<ArxivId> ids, float[] matrix, int dimension) {
    this(ids, matrix, dimension, null, null, null);
  }

  private Candidates(
      List<ArxivId> ids,
      float[] matrix,
      int dimension,
      int @Nullable [] starts,
      int @Nullable [] cols,
      float @Nullable [] vals) {
    this.ids = Collections.unmodifiableList(ids);
    this.matrix = matrix;
    this.dimension = dimension;
    this.starts = starts;
    this.cols = cols;
    this.vals = vals;
    this.rows = new HashMap<>(ids.size() * 2);
    for (int i = 0; i < ids.size(); i++) {
      if (rows.put(ids.get(i), i) != null) {
        throw new IllegalArgumentException("candidates name a paper twice, paper: " + ids.get(i));
      }
    }
  }

  /**
   * Candidates from papers and their vectors, in the map's iteration order.
   *
   * @throws IllegalArgumentException when vectors differ in length
   */
  public static Candidates of(Map<ArxivId, float[]> vectors) {
    List<ArxivId> ids = new ArrayList<>(vectors.size());
    int dim = -1;
    for (Map.Entry<ArxivId, float[]> e : vectors.entrySet()) {
      if (dim < 0) {
        dim = e.getValue().length;
      } else if (e.getValue().length != dim) {
        throw new IllegalArgumentException(
            "candidate vectors differ in length: "
                + dim
                + " and "
                + e.getValue().length
                + ", paper: "
                + e.getKey());
      }
      ids.add(e.getKey());
    }
    long nonZeros = 0;
    for (float[] v : vectors.values()) {
      for (float x : v) {
        if (x != 0f) {
          nonZeros++;
        }
      }
    }
    if (dim >= 64 && nonZeros * 4 < (long) dim * ids.size()) {
      int[] starts = new int[ids.size() + 1];
      int[] cols = new int[(int) nonZeros];
      float[] vals = new float[(int) nonZeros];
      int k = 0;
      int row = 0;
      for (float[] v : vectors.values()) {
        starts[row++] = k;
        for (int j = 0; j < v.length; j++) {
          if (v[j] != 0f) {
            cols[k] = j;
            vals[k++] = v[j];
          }
        }
      }
      starts[row] = k;
      return new Candidates(ids, new float[0], dim, starts, cols, vals);
    }
    float[] m = new float[Math.max(0, dim) * ids.size()];
    int i = 0;
    for (float[] v : vectors.values()) {
      System.arraycopy(v, 0, m, i * dim, dim);
      i++;
    }
    return new Candidates(ids, m, Math.max(dim, 0));
  }

  /** No candidates. */
  public static Candidates empty() {
    return new Candidates(new ArrayList<>(), new float[0], 0);
  }

  public int size() {
    return ids.size();
  }

  public boolean isEmpty() {
    return ids.isEmpty();
  }

  /** Vector length (0 when empty). */
  public int dimension() {
    return dimension;
  }

  public ArxivId id(int row) {
    return ids.get(row);
  }

  public List<ArxivId> ids() {
    return ids;
  }

  /** The row of {@code id}, or -1. */
  public int rowOf(ArxivId id) {
    Integer r = rows.get(id);
    return r == null ? -1 : r;
  }

  /** A copy of the vector of {@code row}. */
  public float[] vector(int row) {
    float[] v = new float[dimension];
    if (starts != null) {
      for (int k = starts[row]; k < starts[row + 1]; k++) {
        v[cols[k]] = vals[k];
      }
      return v;
    }
    System.arraycopy(matrix, row * dimension, v, 0, dimension);
    return v;
  }

  /** The dot product of row {@code row} with {@code w}. */
  public double dot(int row, float[] w) {
    checkDimension(w);
    if (starts != null) {
      float s = 0f;
      for (int k = starts[row]; k < starts[row + 1]; k++) {
        s += vals[k] * w[cols[k]];
      }
      return s;
    }
    int base = row * dimension;
    float s = 0f;
    for (int j = 0; j < dimension; j++) {
      s += matrix[base + j] * w[j];
    }
    return s;
  }

  /** {@code matrix * w}: the dot product of every candidate with {@code w}. */
  public double[] dotAll(float[] w) {
    checkDimension(w);
    double[] out = new double[ids.size()];
    if (starts != null) {
      for (int i = 0; i < out.length; i++) {
        out[i] = dot(i, w);
      }
      return out;
    }
    for (int i = 0, base = 0; i < out.length; i++, base += dimension) {
      float s = 0f;
      for (int j = 0; j < dimension; j++) {
        s += matrix[base + j] * w[j];
      }
      out[i] = s;
    }
    return out;
  }

  private void checkDimension(float[] w) {
    if (w.length != dimension && !ids.isEmpty()) {
      throw new IllegalArgumentException(
          "vector has dimension " + w.length + ", candidates have " + dimension);
    }
  }
}
