package dev.paperboy.core.library;

import dev.paperboy.core.paper.ArxivId;
import java.time.Instant;

/**
 * A paper in a collection.
 *
 * @param position 0-based place in the collection's order
 * @param note why the paper is there (one line, optional: ""); shown with the collection
 */
public record CollectionItem(ArxivId paper, int position, String note, Instant addedAt) {
  public static final int MAX_NOTE = 300;

  public CollectionItem {
    if (paper == null || addedAt == null) {
      throw new IllegalArgumentException("paper and addedAt must not be null, paper: " + paper);
    }
    if (position < 0) {
      throw new IllegalArgumentException("position must be >= 0, position: " + position);
    }
    note = checkNote(note);
  }

  /** An item note as stored: stripped, one line, at most 300 characters. */
  public static String checkNote(String note) {
    String n = Notes.check("note", note, MAX_NOTE);
    return n.replaceAll("[\\r\\n\\t]+", " ");
  }
}
