package dev.paperboy.core.digest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * An edition's id: the cadence and the day it goes out, {@code daily-2026-03-02} or {@code
 * weekly-2026-03-02}. Part of every Message-ID of the edition, so it is stable and short.
 */
public record EditionId(String value) implements Comparable<EditionId> {
  public EditionId {
    if (value == null || !value.matches("(daily|weekly)-\\d{4}-\\d{2}-\\d{2}")) {
      throw new IllegalArgumentException(
          "edition id must be daily-YYYY-MM-DD or weekly-YYYY-MM-DD, value: '" + value + "'");
    }
    try {
      LocalDate.parse(value.substring(value.indexOf('-') + 1));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("edition id has no valid date, value: '" + value + "'");
    }
  }

  public static EditionId of(Cadence cadence, LocalDate day) {
    return new EditionId(cadence.code() + "-" + day);
  }

  public Cadence cadence() {
    return Cadence.parse(value.substring(0, value.indexOf('-')));
  }

  public LocalDate day() {
    return LocalDate.parse(value.substring(value.indexOf('-') + 1));
  }

  @Override
  public int compareTo(EditionId o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
