package dev.paperboy.core.paper;

/**
 * A paper's place in the store's change sequence ({@link PaperStore#changesAfter}): {@code seq} is
 * the number the store stamped on the paper when it last changed what a search index holds for it.
 *
 * @param id the paper
 * @param seq its change number, >= 1
 */
public record PaperChange(ArxivId id, long seq) {
  public PaperChange {
    if (id == null) {
      throw new IllegalArgumentException("id must not be null");
    }
    if (seq < 1) {
      throw new IllegalArgumentException("seq must be >= 1, seq: " + seq);
    }
  }
}
