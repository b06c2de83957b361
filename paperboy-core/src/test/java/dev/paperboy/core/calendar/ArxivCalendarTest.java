package dev.paperboy.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ArxivCalendarTest {
  private final ArxivCalendar calendar = ArxivCalendar.standard();

  @Test
  void weekdaysInUtcAreAnnouncementDays() {
    // 2025-06-16 is a Monday: the Sunday-evening (US Eastern) announcement.
    for (int i = 0; i < 5; i++) {
      LocalDate day = LocalDate.of(2025, 6, 16).plusDays(i);
      assertThat(calendar.isAnnouncementDay(day)).as(day.toString()).isTrue();
      assertThat(calendar.whyNoAnnouncement(day)).isEmpty();
    }
  }

  @Test
  void saturdayAndSundayHaveNoAnnouncementAndSayWhy() {
    LocalDate saturday = LocalDate.of(2025, 6, 21);
    LocalDate sunday = LocalDate.of(2025, 6, 22);
    assertThat(calendar.isAnnouncementDay(saturday)).isFalse();
    assertThat(calendar.isAnnouncementDay(sunday)).isFalse();
    NoAnnouncement why = calendar.whyNoAnnouncement(saturday).orElseThrow();
    assertThat(why.reason()).isEqualTo(NoAnnouncement.Reason.WEEKEND);
    assertThat(why.explanation()).contains("Sunday to Thursday").contains("Saturday");
    assertThat(calendar.whyNoAnnouncement(sunday).orElseThrow().explanation()).contains("Sunday");
  }

  @Test
  void holidaysAreDataAndDoNotChangeTheOriginal() {
    LocalDate newYear = LocalDate.of(2026, 1, 1); // a Thursday
    ArxivCalendar withHoliday = calendar.withHoliday(newYear, "New Year's Day");
    assertThat(calendar.isAnnouncementDay(newYear)).isTrue();
    assertThat(withHoliday.isAnnouncementDay(newYear)).isFalse();
    NoAnnouncement why = withHoliday.whyNoAnnouncement(newYear).orElseThrow();
    assertThat(why.reason()).isEqualTo(NoAnnouncement.Reason.HOLIDAY);
    assertThat(why.explanation()).contains("New Year's Day");
  }

  @Test
  void findsNeighbouringAnnouncementDays() {
    LocalDate friday = LocalDate.of(2025, 6, 20);
    LocalDate monday = LocalDate.of(2025, 6, 23);
    assertThat(calendar.nextAnnouncementDay(friday)).isEqualTo(monday);
    assertThat(calendar.previousAnnouncementDay(monday)).isEqualTo(friday);
    assertThat(calendar.previousAnnouncementDay(LocalDate.of(2025, 6, 22))).isEqualTo(friday);
    ArxivCalendar holiday = calendar.withHoliday(monday, "Test holiday");
    assertThat(holiday.nextAnnouncementDay(friday)).isEqualTo(monday.plusDays(1));
  }

  @Test
  void rejectsBlankHolidayNames() {
    assertThatThrownBy(() -> calendar.withHoliday(LocalDate.of(2026, 1, 1), " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2026-01-01");
  }

  // --- The schedule in time: deadlines, announcements, daylight saving, holidays. ---

  private static Instant utc(String iso) {
    return Instant.parse(iso);
  }

  @Test
  void announcementsAre20EasternTheEveningBeforeTheListDayInBothOffsets() {
    // Summer (EDT, UTC-4): Sunday 2026-06-14 20:00 EDT is Monday 00:00 UTC.
    assertThat(calendar.announcementTime(LocalDate.of(2026, 6, 15)))
        .isEqualTo(utc("2026-06-15T00:00:00Z"));
    // Winter (EST, UTC-5): Thursday 2026-11-05 20:00 EST is Friday 01:00 UTC.
    assertThat(calendar.announcementTime(LocalDate.of(2026, 11, 6)))
        .isEqualTo(utc("2026-11-06T01:00:00Z"));
    // The day the clocks go back (Sunday 2026-11-01): that evening is already EST.
    assertThat(calendar.announcementTime(LocalDate.of(2026, 11, 2)))
        .isEqualTo(utc("2026-11-02T01:00:00Z"));
    // The day the clocks go forward (Sunday 2026-03-08): that evening is already EDT.
    assertThat(calendar.announcementTime(LocalDate.of(2026, 3, 9)))
        .isEqualTo(utc("2026-03-09T00:00:00Z"));
  }

  @Test
  void theFourteenHundredEasternCutOffFollowsDaylightSaving() {
    // Friday 2026-03-06 is still EST: the deadline is 19:00 UTC.
    assertThat(calendar.deadlineFor(utc("2026-03-06T18:59:59Z")))
        .isEqualTo(utc("2026-03-06T19:00:00Z"));
    assertThat(calendar.listDayForSubmission(utc("2026-03-06T18:59:59Z")))
        .isEqualTo(LocalDate.of(2026, 3, 9)); // announced Sunday evening, Monday's list
    assertThat(calendar.listDayForSubmission(utc("2026-03-06T19:00:00Z")))
        .isEqualTo(LocalDate.of(2026, 3, 10)); // missed it: Monday evening, Tuesday's list
    // Monday 2026-03-09 is EDT: the same UTC time of day is now after the deadline (18:00 UTC).
    assertThat(calendar.listDayForSubmission(utc("2026-03-09T17:59:00Z")))
        .isEqualTo(LocalDate.of(2026, 3, 10));
    assertThat(calendar.listDayForSubmission(utc("2026-03-09T18:30:00Z")))
        .isEqualTo(LocalDate.of(2026, 3, 11));
    assertThat(calendar.listDayForSubmission(utc("2026-03-06T18:30:00Z")))
        .isEqualTo(LocalDate.of(2026, 3, 9)); // 18:30 UTC was before the deadline in EST

    // And back in autumn: Friday 2026-10-30 EDT (18:00 UTC), Monday 2026-11-02 EST (19:00 UTC).
    assertThat(calendar.listDayForSubmission(utc("2026-10-30T18:30:00Z")))
        .isEqualTo(LocalDate.of(2026, 11, 3));
    assertThat(calendar.listDayForSubmission(utc("2026-11-02T18:30:00Z")))
        .isEqualTo(LocalDate.of(2026, 11, 3));
    assertThat(calendar.deadlineFor(utc("2026-11-02T18:30:00Z")))
        .isEqualTo(utc("2026-11-02T19:00:00Z"));
  }

  @Test
  void weekendSubmissionsWaitForMondaysDeadline() {
    // Saturday and Sunday: the next deadline is Monday 14:00 EST, announced that evening.
    assertThat(calendar.deadlineFor(utc("2026-11-07T12:00:00Z")))
        .isEqualTo(utc("2026-11-09T19:00:00Z"));
    assertThat(calendar.listDayForSubmission(utc("2026-11-08T23:00:00Z")))
        .isEqualTo(LocalDate.of(2026, 11, 10));
    // Friday evening (after the deadline, and no announcement on Friday evening).
    assertThat(calendar.listDayForSubmission(utc("2026-11-06T22:00:00Z")))
        .isEqualTo(LocalDate.of(2026, 11, 10));
  }

  @Test
  void theCurrentListStaysFridaysOverTheWeekend() {
    // Friday's list is announced Thursday 20:00 EST (Friday 01:00 UTC) ...
    assertThat(calendar.currentListDay(utc("2026-11-06T00:59:59Z")))
        .isEqualTo(LocalDate.of(2026, 11, 5));
    assertThat(calendar.currentListDay(utc("2026-11-06T01:00:00Z")))
        .isEqualTo(LocalDate.of(2026, 11, 6));
    // ... and stays the newest until Sunday 20:00 EST (Monday 01:00 UTC).
    assertThat(calendar.currentListDay(utc("2026-11-08T12:00:00Z")))
        .isEqualTo(LocalDate.of(2026, 11, 6));
    assertThat(calendar.nextAnnouncement(utc("2026-11-06T01:00:00Z")))
        .isEqualTo(utc("2026-11-09T01:00:00Z"));
    assertThat(calendar.nextListDay(utc("2026-11-07T12:00:00Z")))
        .isEqualTo(LocalDate.of(2026, 11, 9));
  }

  @Test
  void aHolidayMovesItsSubmissionsToTheNextAnnouncement() {
    ArxivCalendar christmas =
        calendar.withHolidays(
            ArxivCalendar.parseHolidays(
                "# list days without an announcement\n"
                    + "2026-12-24 Christmas Eve\n"
                    + "\n"
                    + "2026-12-25 Christmas Day\n",
                "holidays.txt"));
    assertThat(christmas.holidays())
        .containsOnlyKeys(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25));
    // Wednesday 2026-12-23 before 14:00 EST would be on Thursday's list: the holidays move it to
    // Monday 2026-12-28, together with Thursday's and Friday's submissions.
    assertThat(christmas.listDayForSubmission(utc("2026-12-23T18:00:00Z")))
        .isEqualTo(LocalDate.of(2026, 12, 28));
    assertThat(christmas.listDayForSubmission(utc("2026-12-25T18:00:00Z")))
        .isEqualTo(LocalDate.of(2026, 12, 28));
    assertThat(calendar.listDayForSubmission(utc("2026-12-23T18:00:00Z")))
        .isEqualTo(LocalDate.of(2026, 12, 24));
    assertThat(christmas.currentListDay(utc("2026-12-26T12:00:00Z")))
        .isEqualTo(LocalDate.of(2026, 12, 23));
    assertThat(christmas.nextAnnouncement(utc("2026-12-23T02:00:00Z")))
        .isEqualTo(utc("2026-12-28T01:00:00Z"));
    assertThat(christmas.whyNoAnnouncement(LocalDate.of(2026, 12, 25)).orElseThrow().explanation())
        .contains("Christmas Day");
  }

  @Test
  void holidayListsSayWhereTheyAreWrong() {
    assertThatThrownBy(() -> ArxivCalendar.parseHolidays("2026-12-24 Eve\n2026-13-01 Bad", "h.txt"))
        .hasMessage(
            "h.txt:2: bad date '2026-13-01': expected YYYY-MM-DD followed by the holiday's name");
    assertThatThrownBy(() -> ArxivCalendar.parseHolidays("2026-12-24", "h.txt"))
        .hasMessage("h.txt:1: holiday 2026-12-24 has no name");
    assertThatThrownBy(() -> ArxivCalendar.parseHolidays("2026-12-24 A\n2026-12-24 B", "h.txt"))
        .hasMessage("h.txt:2: holiday 2026-12-24 is listed twice");
  }

  @Property(tries = 500)
  void everySubmissionLandsOnAnAnnouncedListAfterItsDeadline(
      @ForAll @LongRange(min = 1_735_689_600L, max = 1_830_297_600L) long epochSecond) {
    // 2025-01-01 .. 2027-12-31
    ArxivCalendar c = calendar.withHoliday(LocalDate.of(2026, 12, 25), "Christmas Day");
    Instant t = Instant.ofEpochSecond(epochSecond);
    LocalDate list = c.listDayForSubmission(t);
    Instant announced = c.announcementTime(list);
    assertThat(c.isAnnouncementDay(list)).isTrue();
    assertThat(announced).isAfter(c.deadlineFor(t)).isAfter(t);
    assertThat(LocalDate.ofInstant(announced, ZoneOffset.UTC)).isEqualTo(list);
    assertThat(announced.atZone(ArxivCalendar.EASTERN).toLocalTime())
        .isEqualTo(ArxivCalendar.ANNOUNCEMENT_TIME);
    // No announcement between the deadline and this one: it is the next.
    assertThat(c.nextAnnouncement(c.deadlineFor(t))).isEqualTo(announced);
    assertThat(c.currentListDay(announced)).isEqualTo(list);
  }
}
