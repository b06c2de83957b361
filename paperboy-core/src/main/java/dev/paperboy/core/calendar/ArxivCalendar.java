package dev.paperboy.core.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * arXiv's announcement schedule (https://info.arxiv.org/help/availability.html) as a pure function.
 *
 * <p><b>The rule.</b> Submissions close at 14:00 US Eastern time, Monday to Friday. Everything
 * received before a deadline is announced at the next announcement, at 20:00 US Eastern, Sunday to
 * Thursday: the Monday deadline's papers on Monday evening, ..., the Friday deadline's on Sunday
 * evening. There are no announcements on Friday and Saturday evenings, and none on the holidays
 * arXiv lists in its schedule; a deadline whose announcement falls on a holiday goes to the next
 * announcement. Eastern time is {@code America/New_York}, so both times follow daylight saving
 * (EDT, UTC-4, from the second Sunday of March; EST, UTC-5, from the first Sunday of November).
 *
 * <p><b>List days.</b> Paperboy dates a day's list by the UTC day of its announcement. 20:00
 * Eastern is 00:00 UTC in summer and 01:00 UTC in winter, so every announcement falls on the next
 * calendar day in UTC: the lists are dated Monday to Friday, and the date is the one arXiv's own
 * listing pages and feeds carry. Saturday and Sunday never have a new list.
 *
 * <p><b>Holidays</b> cannot be predicted by rule, so they are data: {@link #withHoliday}, {@link
 * #withHolidays}, or a list read with {@link #parseHolidays}; each is the list day (UTC) that has
 * no announcement. The calendar knows none by default.
 *
 * <p>Immutable and thread-safe; the {@code with...} methods return a new calendar.
 */
public final class ArxivCalendar {
  /** US Eastern time, where arXiv's schedule is kept. */
  public static final ZoneId EASTERN = ZoneId.of("America/New_York");

  /** Submissions received before this time (Eastern, Monday to Friday) make the next list. */
  public static final LocalTime SUBMISSION_DEADLINE = LocalTime.of(14, 0);

  /** New submissions are announced at this time (Eastern, Sunday to Thursday). */
  public static final LocalTime ANNOUNCEMENT_TIME = LocalTime.of(20, 0);

  private static final ArxivCalendar STANDARD = new ArxivCalendar(Map.of());

  // Years without a single announcement day are impossible (5 weekdays a week), but a holiday list
  // is data: a bound keeps a corrupt list (every day a holiday) from looping forever.
  private static final int MAX_DAYS_SEARCHED = 366;

  private final Map<LocalDate, String> holidays;

  private ArxivCalendar(Map<LocalDate, String> holidays) {
    this.holidays = Collections.unmodifiableMap(new TreeMap<>(holidays));
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

  /** This calendar plus every holiday of {@code more} (list day to name). */
  public ArxivCalendar withHolidays(Map<LocalDate, String> more) {
    ArxivCalendar c = this;
    for (Map.Entry<LocalDate, String> e : new TreeMap<>(more).entrySet()) {
      c = c.withHoliday(e.getKey(), e.getValue());
    }
    return c;
  }

  /** The holidays, by day. */
  public Map<LocalDate, String> holidays() {
    return holidays;
  }

  /**
   * Reads a holiday list: one {@code YYYY-MM-DD name} per line (the list day, UTC, then what the
   * holiday is); blank lines and lines starting with {@code #} are skipped.
   *
   * @param where the list's name for messages ({@code holidays.txt})
   * @throws IllegalArgumentException naming {@code where:line} and what is wrong
   */
  public static Map<LocalDate, String> parseHolidays(String text, String where) {
    Map<LocalDate, String> out = new TreeMap<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String at = where + ":" + (i + 1);
      int space = line.indexOf(' ');
      String date = space < 0 ? line : line.substring(0, space);
      String name = space < 0 ? "" : line.substring(space + 1).strip();
      LocalDate day;
      try {
        day = LocalDate.parse(date);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            at + ": bad date '" + date + "': expected YYYY-MM-DD followed by the holiday's name");
      }
      if (name.isEmpty()) {
        throw new IllegalArgumentException(at + ": holiday " + day + " has no name");
      }
      if (out.put(day, name) != null) {
        throw new IllegalArgumentException(at + ": holiday " + day + " is listed twice");
      }
    }
    return out;
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
    for (int i = 0; !isAnnouncementDay(d); i++) {
      bound(i, day);
      d = d.minusDays(1);
    }
    return d;
  }

  /** The nearest announcement day strictly after {@code day}. */
  public LocalDate nextAnnouncementDay(LocalDate day) {
    LocalDate d = day.plusDays(1);
    for (int i = 0; !isAnnouncementDay(d); i++) {
      bound(i, day);
      d = d.plusDays(1);
    }
    return d;
  }

  /**
   * When the list dated {@code listDay} is (or would be) announced: 20:00 Eastern on the day
   * before. Defined for every day; whether there is an announcement then is {@link
   * #isAnnouncementDay}.
   */
  public Instant announcementTime(LocalDate listDay) {
    return ZonedDateTime.of(listDay.minusDays(1), ANNOUNCEMENT_TIME, EASTERN).toInstant();
  }

  /** The first announcement strictly after {@code now}. */
  public Instant nextAnnouncement(Instant now) {
    return announcementTime(nextListDay(now));
  }

  /** The list day of the first announcement strictly after {@code now}. */
  public LocalDate nextListDay(Instant now) {
    // The announcement of list day L is on L-1 in Eastern time, which is L in UTC; start one day
    // early so an announcement later today (UTC) is not missed.
    LocalDate d = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(1);
    for (int i = 0; !(isAnnouncementDay(d) && announcementTime(d).isAfter(now)); i++) {
      bound(i, d);
      d = d.plusDays(1);
    }
    return d;
  }

  /**
   * The newest list at {@code now}: the list day of the latest announcement at or before {@code
   * now}. From Sunday 20:00 Eastern until Monday 20:00 Eastern that is Monday's list, and over a
   * weekend it stays Friday's.
   */
  public LocalDate currentListDay(Instant now) {
    LocalDate d = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1);
    for (int i = 0; !(isAnnouncementDay(d) && !announcementTime(d).isAfter(now)); i++) {
      bound(i, d);
      d = d.minusDays(1);
    }
    return d;
  }

  /**
   * The first submission deadline strictly after {@code submittedAt}: 14:00 Eastern on the same or
   * a later Monday to Friday. A submission at 14:00:00 exactly misses that deadline.
   */
  public Instant deadlineFor(Instant submittedAt) {
    ZonedDateTime t = submittedAt.atZone(EASTERN);
    LocalDate d = t.toLocalDate();
    while (true) {
      DayOfWeek dow = d.getDayOfWeek();
      if (dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY) {
        Instant deadline = ZonedDateTime.of(d, SUBMISSION_DEADLINE, EASTERN).toInstant();
        if (submittedAt.isBefore(deadline)) {
          return deadline;
        }
      }
      d = d.plusDays(1);
    }
  }

  /**
   * The list day (UTC) a submission received at {@code submittedAt} appears on: the first
   * announcement after its deadline ({@link #deadlineFor}). A submission on Monday before 14:00
   * Eastern is on Tuesday's list; one after Friday's deadline is on Tuesday's too (announced Monday
   * evening); holidays push it to the next announcement.
   */
  public LocalDate listDayForSubmission(Instant submittedAt) {
    return nextListDay(deadlineFor(submittedAt));
  }

  private static void bound(int searched, LocalDate from) {
    if (searched > MAX_DAYS_SEARCHED) {
      throw new IllegalStateException(
          "no announcement day within a year of " + from + ": check the holiday list");
    }
  }
}
