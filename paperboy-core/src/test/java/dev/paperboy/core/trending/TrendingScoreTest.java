package dev.paperboy.core.trending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TrendingScoreTest {
  private static final LocalDate DAY = LocalDate.of(2025, 6, 16);
  private static final Instant START = Instant.parse("2025-06-16T00:00:00Z");
  private static final Duration HALF_LIFE = Duration.ofDays(2);

  @Test
  void freshPaperScoresItsUpvotes() {
    assertThat(TrendingScore.score(40, DAY, START, HALF_LIFE)).isEqualTo(40.0);
  }

  @Test
  void scoreHalvesEveryHalfLife() {
    assertThat(TrendingScore.score(40, DAY, START.plus(Duration.ofDays(2)), HALF_LIFE))
        .isCloseTo(20.0, within(1e-9));
    assertThat(TrendingScore.score(40, DAY, START.plus(Duration.ofDays(4)), HALF_LIFE))
        .isCloseTo(10.0, within(1e-9));
    assertThat(TrendingScore.score(40, DAY, START.plus(Duration.ofDays(1)), HALF_LIFE))
        .isCloseTo(40 / Math.sqrt(2), within(1e-9));
  }

  @Test
  void newerPaperWithFewerVotesCanOvertakeAnOlderOne() {
    Instant now = Instant.parse("2025-06-20T12:00:00Z");
    double old = TrendingScore.score(100, DAY, now, HALF_LIFE); // 4.5 days: 100 / 2^2.25
    double fresh = TrendingScore.score(30, LocalDate.of(2025, 6, 20), now, HALF_LIFE);
    assertThat(fresh).isGreaterThan(old);
  }

  @Test
  void orderOfTwoPapersDoesNotChangeAsTimePasses() {
    Instant t1 = Instant.parse("2025-06-18T00:00:00Z");
    Instant t2 = Instant.parse("2025-06-28T00:00:00Z");
    LocalDate later = DAY.plusDays(1);
    boolean before1 =
        TrendingScore.score(50, DAY, t1, HALF_LIFE) > TrendingScore.score(30, later, t1, HALF_LIFE);
    boolean before2 =
        TrendingScore.score(50, DAY, t2, HALF_LIFE) > TrendingScore.score(30, later, t2, HALF_LIFE);
    assertThat(before1).isEqualTo(before2);
  }

  @Test
  void futureDaysAreTreatedAsNew() {
    assertThat(TrendingScore.score(7, DAY.plusDays(3), START, HALF_LIFE)).isEqualTo(7.0);
  }

  @Test
  void zeroVotesScoreZero() {
    assertThat(TrendingScore.score(0, DAY, START, HALF_LIFE)).isZero();
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> TrendingScore.score(-1, DAY, START, HALF_LIFE))
        .hasMessageContaining("upvotes: -1");
    assertThatThrownBy(() -> TrendingScore.score(1, DAY, START, Duration.ZERO))
        .hasMessageContaining("halfLife");
  }

  @Test
  void windowsParseAndKeepHalfLifeAThirdOfTheWindow() {
    assertThat(TrendingWindow.parse("3d")).isEqualTo(TrendingWindow.THREE_DAYS);
    assertThat(TrendingWindow.parse(" WEEK ")).isEqualTo(TrendingWindow.WEEK);
    assertThat(TrendingWindow.MONTH.halfLife()).isEqualTo(Duration.ofDays(10));
    assertThat(TrendingWindow.THREE_DAYS.halfLife()).isEqualTo(Duration.ofDays(1));
    assertThatThrownBy(() -> TrendingWindow.parse("year"))
        .hasMessageContaining("'year'")
        .hasMessageContaining("3d, week or month");
  }
}
