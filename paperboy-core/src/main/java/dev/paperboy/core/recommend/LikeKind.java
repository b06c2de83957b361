package dev.paperboy.core.recommend;

/** How a reader showed that they like a paper; each kind reads as a verb in explanations. */
public enum LikeKind {
  /** An upvote on this Paperboy. */
  UPVOTE("upvoted"),
  /** A paper kept in the reader's library (issue 9). */
  SAVE("saved");

  private final String verb;

  LikeKind(String verb) {
    this.verb = verb;
  }

  /** The past-tense verb for "similar to X you ...": {@code upvoted}, {@code saved}. */
  public String verb() {
    return verb;
  }
}
