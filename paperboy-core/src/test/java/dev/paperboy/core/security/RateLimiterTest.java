package dev.paperboy.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  /** A counter store in a map, recording the keys it saw. */
  static final class MapCounters implements RateCounterStore {
    final Map<String, Long> counts = new HashMap<>();

    @Override
    public synchronized long increment(String key, Instant windowStart, Instant expiresAt) {
      return counts.merge(key + "@" + windowStart, 1L, Long::sum);
    }

    @Override
    public int purgeExpired(Instant now) {
      return 0;
    }
  }

  /** A clock the test moves. */
  static final class MovingClock extends Clock {
    Instant now;

    MovingClock(Instant start) {
      now = start;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void allowsTheLimitThenRefusesUntilTheWindowEnds() {
    MovingClock clock = new MovingClock(Instant.parse("2026-03-02T10:00:20Z"));
    RateLimiter limiter = new RateLimiter(new MapCounters(), clock);
    RateLimit rule = RateLimit.perMinute("votes", 3);
    for (int i = 1; i <= 3; i++) {
      assertThat(limiter.hit(rule, "user-1").allowed()).as("hit " + i).isTrue();
    }
    RateLimiter.Decision refused = limiter.hit(rule, "user-1");
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.count()).isEqualTo(4);
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(40));
    assertThat(refused.retryAfterSeconds()).isEqualTo(40);
    // Another subject has its own counter.
    assertThat(limiter.hit(rule, "user-2").allowed()).isTrue();
    // The next window starts afresh.
    clock.now = Instant.parse("2026-03-02T10:01:00Z");
    assertThat(limiter.hit(rule, "user-1").allowed()).isTrue();
  }

  @Test
  void subjectsAreStoredHashed() {
    MapCounters counters = new MapCounters();
    new RateLimiter(counters, new MovingClock(Instant.parse("2026-03-02T10:00:00Z")))
        .hit(RateLimit.perHour("signin-email", 5), "ada@example.org");
    assertThat(counters.counts.keySet())
        .singleElement()
        .satisfies(k -> assertThat(k).startsWith("signin-email:").doesNotContain("ada"));
  }

  @Test
  void retryAfterRoundsUpToWholeSeconds() {
    assertThat(new RateLimiter.Decision(false, 2, Duration.ofMillis(1500)).retryAfterSeconds())
        .isEqualTo(2);
    assertThat(new RateLimiter.Decision(false, 2, Duration.ZERO).retryAfterSeconds()).isEqualTo(1);
  }
}
