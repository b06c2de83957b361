package dev.paperboy.core.recommend;

import dev.paperboy.core.paper.ArxivId;

/**
 * A recommended paper and why: the liked paper it is closest to ("similar to X you upvoted").
 *
 * @param score the model's score (only the order among one reader's picks means something)
 * @param because the liked paper whose embedding is closest to this one's
 * @param similarity the cosine between this paper and {@code because}, -1..1
 */
public record Pick(ArxivId paper, double score, LikedItem because, double similarity) {
  public Pick {
    if (paper == null || because == null) {
      throw new IllegalArgumentException("paper and because must not be null, paper: " + paper);
    }
  }

  /** The reason in words: {@code similar to "Title" you upvoted}. */
  public String reason() {
    return "similar to \u201c" + because.title() + "\u201d you " + because.like().kind().verb();
  }
}
