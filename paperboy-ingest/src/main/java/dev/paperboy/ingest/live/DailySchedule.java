package dev.paperboy.ingest.live;

import dev.paperboy.core.calendar.ArxivCalendar;
import java.time.Duration;
import java.time.Instant;

/**
 * When the daily ingest runs: a fixed time after each arXiv announcement ({@link
 * ArxivCalendar#nextAnnouncement}), so it follows daylight saving, skips Friday and Saturday
 * evenings and holidays, and never polls an unchanged feed. The default, 4 h 30 min after the 20:00
 * Eastern announcement, is 00:30 Eastern: after the feeds are rebuilt at midnight Eastern
 * (https://info.arxiv.org/help/rss.html).
 */
public record DailySchedule(ArxivCalendar calendar, Duration afterAnnouncement) {

  public static final Duration DEFAULT_AFTER = Duration.ofMinutes(270);

  public DailySchedule {
    if (calendar == null) {
      throw new IllegalArgumentException("calendar must not be null");
    }
    if (afterAnnouncement == null
        || afterAnnouncement.isNegative()
        || afterAnnouncement.compareTo(Duration.ofHours(20)) > 0) {
      throw new IllegalArgumentException(
          "afterAnnouncement must be from 0 to 20 hours, afterAnnouncement: " + afterAnnouncement);
    }
  }

  public static DailySchedule standard(ArxivCalendar calendar) {
    return new DailySchedule(calendar, DEFAULT_AFTER);
  }

  /** The first run strictly after {@code now}. */
  public Instant nextRun(Instant now) {
    return calendar.nextAnnouncement(now.minus(afterAnnouncement)).plus(afterAnnouncement);
  }
}
