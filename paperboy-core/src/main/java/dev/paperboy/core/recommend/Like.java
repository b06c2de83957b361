package dev.paperboy.core.recommend;

import dev.paperboy.core.paper.ArxivId;
import java.time.Instant;

/**
 * One paper a reader likes, and how and when they said so.
 *
 * @param at when the like happened (newer likes may weigh more)
 */
public record Like(ArxivId paper, LikeKind kind, Instant at) {
  public Like {
    if (paper == null || kind == null || at == null) {
      throw new IllegalArgumentException(
          "paper, kind and at must not be null, paper: " + paper + ", kind: " + kind);
    }
  }
}
