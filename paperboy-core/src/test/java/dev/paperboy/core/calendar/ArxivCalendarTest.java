package dev.paperboy.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
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
}
