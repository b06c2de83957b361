package dev.paperboy.core.paper;

/** Where a paper's place on a day's list came from. */
public enum EntrySource {
  /** A new submission in arXiv's announcement for that day. */
  ARXIV,
  /** A cross-list in arXiv's announcement (the paper's primary category is elsewhere). */
  ARXIV_CROSS,
  /** The curated Hugging Face Daily Papers list of that day. */
  HUGGING_FACE,
  /** Submitted to the day's list by a user of this Paperboy. */
  COMMUNITY;

  /** How deliberately a person chose the paper; the more curated source wins a merge. */
  public int curation() {
    return switch (this) {
      case ARXIV_CROSS -> 0;
      case ARXIV -> 1;
      case HUGGING_FACE -> 2;
      case COMMUNITY -> 3;
    };
  }
}
