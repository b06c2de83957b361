package dev.paperboy.core.calendar;

import java.time.LocalDate;

/**
 * Why arXiv announced no new papers on a day.
 *
 * @param day the UTC day
 * @param reason the kind of reason
 * @param explanation one sentence fit to show a reader
 */
public record NoAnnouncement(LocalDate day, Reason reason, String explanation) {

  /** The kinds of days without an announcement. */
  public enum Reason {
    /** Saturday or Sunday in UTC: arXiv announces Sunday to Thursday evenings, US Eastern. */
    WEEKEND,
    /** A day arXiv declared a holiday in its schedule. */
    HOLIDAY
  }

  public NoAnnouncement {
    if (day == null) {
      throw new IllegalArgumentException("day must not be null");
    }
    if (reason == null) {
      throw new IllegalArgumentException("reason must not be null, day: " + day);
    }
    if (explanation == null || explanation.isBlank()) {
      throw new IllegalArgumentException("explanation must not be blank, day: " + day);
    }
  }
}
