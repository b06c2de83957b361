package dev.paperboy.core.recommend;

/**
 * A liked paper ready for a model: the like, the paper's title (to explain picks with it) and its
 * unit-length embedding.
 */
public record LikedItem(Like like, String title, float[] vector) {
  public LikedItem {
    if (like == null) {
      throw new IllegalArgumentException("like must not be null");
    }
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("title must not be blank, paper: " + like.paper());
    }
    if (vector == null || vector.length == 0) {
      throw new IllegalArgumentException("vector must not be empty, paper: " + like.paper());
    }
  }
}
