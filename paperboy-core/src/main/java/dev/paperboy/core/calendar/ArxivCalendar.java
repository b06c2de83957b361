package dev.paperboy.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which UTC days carry a new arXiv announcement.
 *
 * <p>arXiv announces new submissions Sunday to Thursday at 20:00 US Eastern time (see
 * https://info.arxiv.org/help/availability.html). 20:00 Eastern is 00:00 UTC in summer (EDT, UTC-4)
 * and 01:00 UTC in winter (EST, UTC-5), so in UTC every announcement falls on the next calendar
 * day: Monday to Friday. Paperboy dates a day's list by that UTC day, so Saturday and Sunday never
 * have a new list, and neither do the holidays arXiv announces in its schedule (for example around
 * the new year). Holidays are not predictable by rule, so they are given to the calendar as data
 * ({@link #withHoliday}); the calendar knows none by default.
 *
 * <p>Immutable; {@link #withHoliday} returns a new calendar.
 */
public final class ArxivCalendar {
  private static final ArxivCalendar STANDARD = new ArxivCalendar(Map.of());

  private final Map<LocalDate, String> holidays;

  private ArxivCalendar(Map<LocalDate, String> holidays) {
    this.holidays = Map.copyOf(holidays);
  }

  /** The weekly rule alone, with no holidays. */
  public static ArxivCalendar standard() {
    return STANDARD;
  }

  /**
   * This calendar plus a holiday on {@code day} (UTC, the day the list would have been dated).
   *
   * @param name what the holiday is, shown to readers (e.g. "New Year's Day")
   */
  public ArxivCalendar withHoliday(LocalDate day, String name) {
    if (day == null) {
      throw new IllegalArgumentException("holiday day must not be null, name: " + name);
    }
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("holiday name must not be blank, day: " + day);
    }
    Map<LocalDate, String> more = new TreeMap<>(holidays);
    more.put(day, name.strip());
    return new ArxivCalendar(more);
  }

  /** True when arXiv announces new papers dated {@code day} (UTC). */
  public boolean isAnnouncementDay(LocalDate day) {
    return whyNoAnnouncement(day).isEmpty();
  }

  /** Why there is no announcement dated {@code day}, or empty when there is one. */
  public Optional<NoAnnouncement> whyNoAnnouncement(LocalDate day) {
    DayOfWeek dow = day.getDayOfWeek();
    if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
      return Optional.of(
          new NoAnnouncement(
              day,
              NoAnnouncement.Reason.WEEKEND,
              "arXiv announces new papers Sunday to Thursday at 20:00 US Eastern time, which is"
                  + " Monday to Friday in UTC: no new papers are announced on a "
                  + (dow == DayOfWeek.SATURDAY ? "Saturday" : "Sunday")
                  + " (UTC)."));
    }
    String holiday = holidays.get(day);
    if (holiday != null) {
      return Optional.of(
          new NoAnnouncement(
              day,
              NoAnnouncement.Reason.HOLIDAY,
              "arXiv does not announce new papers on this day (" + holiday + ")."));
    }
    return Optional.empty();
  }

  /** The nearest announcement day strictly before {@code day}. */
  public LocalDate previousAnnouncementDay(LocalDate day) {
    LocalDate d = day.minusDays(1);
    while (!isAnnouncementDay(d)) {
      d = d.minusDays(1);
    }
    return d;
  }

  /** The nearest announcement day strictly after {@code day}. */
  public LocalDate nextAnnouncementDay(LocalDate day) {
    LocalDate d = day.plusDays(1);
    while (!isAnnouncementDay(d)) {
      d = d.plusDays(1);
    }
    return d;
  }
}
