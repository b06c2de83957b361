package dev.paperboy.core.digest;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One digest edition: what goes out for one cadence on one day, composed per subscriber.
 *
 * @param from the first list day whose new papers the edition covers
 * @param to the last list day it covers (the edition's day for a daily edition; the day before for
 *     a weekly one)
 * @param quietNote set when arXiv announced nothing in {@code from..to}: the sentence subscribers
 *     who chose {@link QuietDays#NOTE} get instead of papers
 * @param createdAt when the edition was first planned; it dates the edition's links, so a message
 *     composed again after a crash is byte for byte the one sent before
 */
public record Edition(
    EditionId id, LocalDate from, LocalDate to, @Nullable String quietNote, Instant createdAt) {

  public Edition {
    if (id == null || from == null || to == null || createdAt == null) {
      throw new IllegalArgumentException("id, from, to and createdAt must not be null, id: " + id);
    }
    if (from.isAfter(to)) {
      throw new IllegalArgumentException(
          "edition period is empty: from " + from + " is after to " + to + ", id: " + id);
    }
    if (quietNote != null && quietNote.isBlank()) {
      quietNote = null;
    }
  }

  public Cadence cadence() {
    return id.cadence();
  }

  public LocalDate day() {
    return id.day();
  }

  /** True when arXiv announced nothing in the edition's period. */
  public boolean quiet() {
    return quietNote != null;
  }
}
