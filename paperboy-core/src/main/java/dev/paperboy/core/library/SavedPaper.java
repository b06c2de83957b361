package dev.paperboy.core.library;

import dev.paperboy.core.account.UserId;
import dev.paperboy.core.paper.ArxivId;
import java.time.Instant;

/**
 * A paper a reader keeps in their library.
 *
 * @param note the reader's private note, "" for none; never shown to anyone else
 */
public record SavedPaper(
    UserId user, ArxivId paper, ReadingState state, String note, Instant savedAt) {
  /** Longest private note, in characters. */
  public static final int MAX_NOTE = 4000;

  public SavedPaper {
    if (user == null || paper == null || state == null || savedAt == null) {
      throw new IllegalArgumentException(
          "user, paper, state and savedAt must not be null, paper: " + paper);
    }
    note = Notes.check("note", note, MAX_NOTE);
  }
}
