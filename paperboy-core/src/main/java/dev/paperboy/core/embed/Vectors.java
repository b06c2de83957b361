package dev.paperboy.core.embed;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Small vector operations and the byte encoding used to store vectors. */
public final class Vectors {
  private Vectors() {}

  /** The dot product; for unit vectors it is their cosine similarity. */
  public static float dot(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "vectors differ in length: " + a.length + " and " + b.length);
    }
    float sum = 0f;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  /** The Euclidean (L2) norm. */
  public static float norm(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += (double) x * x;
    }
    return (float) Math.sqrt(sum);
  }

  /**
   * Scales {@code v} in place to unit length and returns it.
   *
   * @throws IllegalArgumentException for a zero vector or one with NaN/infinite entries, which have
   *     no direction
   */
  public static float[] normalizeInPlace(float[] v) {
    float n = norm(v);
    if (!(n > 0f) || Float.isInfinite(n)) {
      throw new IllegalArgumentException("cannot normalise a vector with norm " + n);
    }
    for (int i = 0; i < v.length; i++) {
      v[i] /= n;
    }
    return v;
  }

  /** Little-endian IEEE 754 floats, 4 bytes each: the stored form of a vector. */
  public static byte[] toBytes(float[] v) {
    ByteBuffer buf = ByteBuffer.allocate(v.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buf.asFloatBuffer().put(v);
    return buf.array();
  }

  /**
   * Reads what {@link #toBytes} wrote.
   *
   * @throws IllegalArgumentException when the length is not {@code dimension * 4}
   */
  public static float[] fromBytes(byte[] bytes, int dimension) {
    if (bytes.length != dimension * Float.BYTES) {
      throw new IllegalArgumentException(
          "a vector of dimension "
              + dimension
              + " takes "
              + dimension * Float.BYTES
              + " bytes, got "
              + bytes.length);
    }
    float[] v = new float[dimension];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
    return v;
  }
}
