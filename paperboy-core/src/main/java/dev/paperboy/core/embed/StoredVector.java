package dev.paperboy.core.embed;

import dev.paperboy.core.paper.ArxivId;
import java.util.Arrays;

/**
 * A paper's vector as stored: which model made it and from which text (by {@link
 * DocumentText#hash}), so an unchanged paper is never embedded twice and a changed one is noticed.
 */
public record StoredVector(ArxivId id, String model, String textHash, float[] vector) {

  public StoredVector {
    if (id == null) {
      throw new IllegalArgumentException("id must not be null");
    }
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("model must not be blank, id: " + id);
    }
    if (textHash == null || !textHash.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException(
          "textHash must be 64 lower-case hex digits (SHA-256), id: "
              + id
              + ", textHash: "
              + textHash);
    }
    if (vector == null || vector.length == 0) {
      throw new IllegalArgumentException("vector must not be empty, id: " + id);
    }
  }

  /** True when this vector was made by {@code model} from exactly {@code text}. */
  public boolean isCurrent(String model, String textHash) {
    return this.model.equals(model) && this.textHash.equals(textHash);
  }

  // Records compare arrays by identity; vectors are values.
  @Override
  public boolean equals(Object o) {
    return o instanceof StoredVector s
        && id.equals(s.id)
        && model.equals(s.model)
        && textHash.equals(s.textHash)
        && Arrays.equals(vector, s.vector);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * (31 * id.hashCode() + model.hashCode()) + textHash.hashCode())
        + Arrays.hashCode(vector);
  }

  @Override
  public String toString() {
    return "StoredVector["
        + id
        + ", "
        + model
        + ", "
        + textHash.substring(0, 12)
        + "..., dim "
        + vector.length
        + "]";
  }
}
