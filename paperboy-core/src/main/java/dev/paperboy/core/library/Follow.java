package dev.paperboy.core.library;

import java.time.Instant;

/**
 * Something a reader follows.
 *
 * @param key what is matched: the normalised author name, or the category code
 * @param label what is shown: the author's name as first written, or the category code
 */
public record Follow(FollowKind kind, String key, String label, Instant since) {
  public Follow {
    if (kind == null || since == null) {
      throw new IllegalArgumentException("kind and since must not be null, key: " + key);
    }
    if (key == null || key.isBlank() || key.length() > 200) {
      throw new IllegalArgumentException("key must be 1..200 characters, key: \"" + key + "\"");
    }
    label = Notes.check("label", label, 200);
    if (label.isEmpty()) {
      label = key;
    }
  }
}
