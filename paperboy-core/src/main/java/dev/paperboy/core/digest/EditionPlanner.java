package dev.paperboy.core.digest;

import dev.paperboy.core.calendar.ArxivCalendar;
import dev.paperboy.core.calendar.NoAnnouncement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which editions exist on a day, from arXiv's calendar: a pure function of the day.
 *
 * <ul>
 *   <li><b>Daily</b>, Monday to Friday (the UTC days arXiv's lists are dated). On an announcement
 *       day D it covers the list days after the previous announcement up to D, so the papers of a
 *       list day that followed a holiday are not lost. On a weekday without an announcement (a
 *       holiday) it is a quiet edition: a note for those who want one, nothing for the rest.
 *       Saturday and Sunday never have a list, and no daily edition: "daily on announcement days".
 *   <li><b>Weekly</b>, on the configured weekday, covering the seven list days before it. Quiet
 *       when none of them had an announcement.
 * </ul>
 */
public final class EditionPlanner {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

  private final ArxivCalendar calendar;
  private final DayOfWeek weeklyDay;

  public EditionPlanner(ArxivCalendar calendar, DayOfWeek weeklyDay) {
    if (calendar == null || weeklyDay == null) {
      throw new IllegalArgumentException("calendar and weeklyDay must not be null");
    }
    this.calendar = calendar;
    this.weeklyDay = weeklyDay;
  }

  public ArxivCalendar calendar() {
    return calendar;
  }

  public DayOfWeek weeklyDay() {
    return weeklyDay;
  }

  /** The editions of {@code day}: daily on weekdays, weekly on the weekly day. */
  public List<Edition> editionsOn(LocalDate day, Instant now) {
    List<Edition> out = new ArrayList<>(2);
    daily(day, now).ifPresent(out::add);
    weekly(day, now).ifPresent(out::add);
    return out;
  }

  /** The edition of {@code cadence} on {@code day}, if there is one that day. */
  public Optional<Edition> edition(Cadence cadence, LocalDate day, Instant now) {
    return cadence == Cadence.DAILY ? daily(day, now) : weekly(day, now);
  }

  /** The daily edition of {@code day}: empty on Saturday and Sunday. */
  public Optional<Edition> daily(LocalDate day, Instant now) {
    DayOfWeek dow = day.getDayOfWeek();
    if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
      return Optional.empty();
    }
    EditionId id = EditionId.of(Cadence.DAILY, day);
    Optional<NoAnnouncement> none = calendar.whyNoAnnouncement(day);
    if (none.isPresent()) {
      return Optional.of(new Edition(id, day, day, note(none.get(), day), now));
    }
    LocalDate from = calendar.previousAnnouncementDay(day).plusDays(1);
    return Optional.of(new Edition(id, from, day, null, now));
  }

  /** The weekly edition of {@code day}: empty unless {@code day} is the weekly day. */
  public Optional<Edition> weekly(LocalDate day, Instant now) {
    if (day.getDayOfWeek() != weeklyDay) {
      return Optional.empty();
    }
    EditionId id = EditionId.of(Cadence.WEEKLY, day);
    LocalDate from = day.minusDays(7);
    LocalDate to = day.minusDays(1);
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      if (calendar.isAnnouncementDay(d)) {
        return Optional.of(new Edition(id, from, to, null, now));
      }
    }
    String note =
        "arXiv announced no new papers in the week from "
            + from.format(DAY)
            + " to "
            + to.format(DAY)
            + ". The next announcement is dated "
            + calendar.nextAnnouncementDay(to).format(DAY)
            + ".";
    return Optional.of(new Edition(id, from, to, note, now));
  }

  private String note(NoAnnouncement none, LocalDate day) {
    LocalDate next = calendar.nextAnnouncementDay(day);
    return "No announcement today: "
        + none.explanation()
        + " The next list is dated "
        + next.format(DAY)
        + " (UTC).";
  }
}
