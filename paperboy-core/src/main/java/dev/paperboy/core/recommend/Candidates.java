package dev.paperboy.core.recommend;

import dev.paperboy.core.paper.ArxivId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The papers a recommendation chooses from, with their unit vectors in one row-major matrix, so a
 * linear profile scores all of them in one pass over contiguous memory.
 *
 * <p>Immutable once built; safe to share between the threads that compose digests.
 */
public final class Candidates {
  private final List<ArxivId> ids;
  private final Map<ArxivId, Integer> rows;
  private final float[] matrix;
  private final int dimension;

  private Candidates(List<ArxivId> ids, float[] matrix, int dimension) {
    this.ids = Collections.unmodifiableList(ids);
    this.matrix = matrix;
    this.dimension = dimension;
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
    System.arraycopy(matrix, row * dimension, v, 0, dimension);
    return v;
  }

  /** The dot product of row {@code row} with {@code w}. */
  public double dot(int row, float[] w) {
    checkDimension(w);
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
