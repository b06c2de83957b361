package dev.paperboy.core.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.calendar.ArxivCalendar;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class EditionPlannerTest {
  private static final Instant NOW = Instant.parse("2026-03-02T07:00:00Z");
  // 2026-03-02 is a Monday.
  private static final LocalDate MON = LocalDate.of(2026, 3, 2);
  private final ArxivCalendar calendar =
      ArxivCalendar.standard().withHoliday(MON.plusDays(3), "Test holiday");
  private final EditionPlanner planner = new EditionPlanner(calendar, DayOfWeek.MONDAY);

  @Test
  void mondaysDailyEditionCoversTheWeekendGapAndTheWeeklyOneThePreviousWeek() {
    var editions = planner.editionsOn(MON, NOW);
    assertThat(editions)
        .extracting(e -> e.id().value())
        .containsExactly("daily-2026-03-02", "weekly-2026-03-02");
    Edition daily = editions.get(0);
    assertThat(daily.from()).as("the day after Friday's list").isEqualTo(MON.minusDays(2));
    assertThat(daily.to()).isEqualTo(MON);
    assertThat(daily.quiet()).isFalse();
    assertThat(daily.createdAt()).isEqualTo(NOW);
    Edition weekly = editions.get(1);
    assertThat(weekly.from()).isEqualTo(MON.minusDays(7));
    assertThat(weekly.to()).isEqualTo(MON.minusDays(1));
    assertThat(weekly.quiet()).isFalse();
  }

  @Test
  void aHolidayIsAQuietEditionAndTheNextDayCoversIt() {
    Edition thursday = planner.daily(MON.plusDays(3), NOW).orElseThrow();
    assertThat(thursday.quiet()).isTrue();
    assertThat(thursday.quietNote())
        .startsWith("No announcement today:")
        .contains("Test holiday")
        .contains("Friday 6 March");
    Edition friday = planner.daily(MON.plusDays(4), NOW).orElseThrow();
    assertThat(friday.from()).isEqualTo(MON.plusDays(3));
    assertThat(friday.to()).isEqualTo(MON.plusDays(4));
  }

  @Test
  void noDailyEditionOnWeekendsAndNoWeeklyOneOnOtherDays() {
    assertThat(planner.daily(MON.minusDays(1), NOW)).isEmpty();
    assertThat(planner.daily(MON.minusDays(2), NOW)).isEmpty();
    assertThat(planner.weekly(MON.plusDays(1), NOW)).isEmpty();
    assertThat(planner.edition(Cadence.WEEKLY, MON, NOW)).isPresent();
  }

  @Test
  void aWeekWithoutAnnouncementsIsQuiet() {
    ArxivCalendar closed = ArxivCalendar.standard();
    for (int i = 0; i < 5; i++) {
      closed = closed.withHoliday(MON.minusDays(7).plusDays(i), "Closed");
    }
    Edition weekly = new EditionPlanner(closed, DayOfWeek.MONDAY).weekly(MON, NOW).orElseThrow();
    assertThat(weekly.quiet()).isTrue();
    assertThat(weekly.quietNote()).contains("no new papers in the week").contains("Monday 2 March");
  }
}
