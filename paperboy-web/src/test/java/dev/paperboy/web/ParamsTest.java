package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParamsTest {

  @Test
  void parsesIsoWeeksToTheirMonday() {
    assertThat(Params.parseWeek("week", "2025-W25")).isEqualTo(LocalDate.of(2025, 6, 16));
    // Week 1 of 2026 starts on Monday 29 December 2025 (it holds Thursday 1 January).
    assertThat(Params.parseWeek("week", "2026-W01")).isEqualTo(LocalDate.of(2025, 12, 29));
    // 2020 has 53 weeks, 2025 has 52.
    assertThat(Params.parseWeek("week", "2020-W53")).isEqualTo(LocalDate.of(2020, 12, 28));
    assertThatThrownBy(() -> Params.parseWeek("week", "2025-W53"))
        .isInstanceOf(BadRequest.class)
        .hasMessage("week: 2025 has weeks 1 to 52, got week 53");
    assertThatThrownBy(() -> Params.parseWeek("week", "2025-W00")).isInstanceOf(BadRequest.class);
    assertThatThrownBy(() -> Params.parseWeek("week", "2025W25")).hasMessageContaining("YYYY-Www");
  }

  @Test
  void weekLabelsRoundTrip() {
    for (LocalDate d = LocalDate.of(2019, 12, 20);
        d.isBefore(LocalDate.of(2021, 1, 10));
        d = d.plusDays(1)) {
      LocalDate monday = Params.parseWeek("week", Params.weekLabel(d));
      assertThat(monday).isBeforeOrEqualTo(d).isAfter(d.minusDays(7));
    }
    assertThat(Params.weekLabel(LocalDate.of(2025, 12, 31))).isEqualTo("2026-W01");
  }

  @Test
  void parsesDaysAndMonthsStrictly() {
    assertThat(Params.parseDate("date", "2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
    // Well formed but not in the calendar: the message says so rather than asking for the format
    // the reader already used.
    assertThatThrownBy(() -> Params.parseDate("date", "2025-02-29"))
        .hasMessage(
            "date: there is no 29 February 2025 (that month has 28 days), got '2025-02-29'");
    assertThatThrownBy(() -> Params.parseDate("date", "2025-13-01"))
        .hasMessage("date: there is no month 13, got '2025-13-01'");
    assertThatThrownBy(() -> Params.parseDate("date", "2025-04-00"))
        .hasMessage("date: there is no day 0 of a month, got '2025-04-00'");
    assertThatThrownBy(() -> Params.parseDate("date", "2025-6-1"))
        .hasMessage("date: must be a day as YYYY-MM-DD, got '2025-6-1'");
    assertThat(Params.parseMonth("month", "2025-06")).isEqualTo(YearMonth.of(2025, 6));
    assertThatThrownBy(() -> Params.parseMonth("month", "2025-00"))
        .hasMessage("month: there is no month 0, got '2025-00'");
    assertThatThrownBy(() -> Params.parseMonth("month", "June")).hasMessageContaining("YYYY-MM");
  }

  @Test
  void expandedYearsAreRefused() {
    // java.time reads these; the month after +999999999-12 does not exist (it was a 500), and the
    // store compares days as text, where "+10000-01-01" sorts before "2025-06-10".
    for (String day :
        List.of("+999999999-12-31", "-999999999-01-01", "+10000-01-01", "+2025-06-10")) {
      assertThatThrownBy(() -> Params.parseDate("date", day))
          .isInstanceOf(BadRequest.class)
          .hasMessage("date: must be a day as YYYY-MM-DD, got '" + day + "'");
    }
    for (String month : List.of("+999999999-12", "-999999999-01", "+99999-01", "+2025-06")) {
      assertThatThrownBy(() -> Params.parseMonth("month", month))
          .isInstanceOf(BadRequest.class)
          .hasMessage("month: must be a month as YYYY-MM, got '" + month + "'");
    }
    assertThat(Params.parseDate("date", "9999-12-31")).isEqualTo(LocalDate.of(9999, 12, 31));
    assertThat(Params.parseMonth("month", "0001-01")).isEqualTo(YearMonth.of(1, 1));
  }

  @Test
  void longValuesAreClippedInMessages() {
    assertThatThrownBy(() -> Params.parseDate("date", "x".repeat(1000)))
        .hasMessageEndingWith("...'")
        .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(120));
  }
}
