package dev.paperboy.core.paper;

import java.time.LocalDate;

/** How many entries a day's list has. */
public record DayCount(LocalDate day, int entries) {
  public DayCount {
    if (day == null) {
      throw new IllegalArgumentException("day must not be null");
    }
    if (entries < 0) {
      throw new IllegalArgumentException(
          "entries must be >= 0, day: " + day + ", entries: " + entries);
    }
  }
}
