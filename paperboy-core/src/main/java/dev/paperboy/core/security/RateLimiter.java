package dev.paperboy.core.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Fixed-window rate limiting on counters in the store ({@link RateCounterStore}).
 *
 * <p>Time is cut into windows of the limit's length, aligned on the epoch; each action adds one to
 * the counter of (limit, subject, window), and an action that makes the counter exceed the limit is
 * refused until the window ends. Fixed windows are exact and cheap (one upsert per action) and tell
 * the client exactly when to retry ({@code Retry-After}); their known weakness is that a client can
 * make up to twice the limit around a window boundary, which is acceptable for abuse protection.
 * Refused actions count too, so hammering does not shorten the wait.
 *
 * <p>Subjects (IP addresses, email addresses) are stored as a hash, so the counters table holds no
 * addresses.
 */
public final class RateLimiter {
  private final RateCounterStore store;
  private final Clock clock;

  /**
   * The outcome of one action.
   *
   * @param count actions of the subject in the current window, this one included
   * @param retryAfter when refused, how long until the window ends (at least one second)
   */
  public record Decision(boolean allowed, long count, Duration retryAfter) {
    /** Whole seconds for a {@code Retry-After} header (RFC 9110 section 10.2.3), rounded up. */
    public long retryAfterSeconds() {
      long s = retryAfter.toSeconds();
      return retryAfter.toNanosPart() > 0 || s == 0 ? s + 1 : s;
    }
  }

  public RateLimiter(RateCounterStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Counts one action of {@code subject} against {@code rule} and says whether it is allowed. */
  public Decision hit(RateLimit rule, String subject) {
    Instant now = clock.instant();
    long windowSeconds = rule.window().toSeconds();
    long start = Math.floorDiv(now.getEpochSecond(), windowSeconds) * windowSeconds;
    Instant windowStart = Instant.ofEpochSecond(start);
    Instant windowEnd = windowStart.plusSeconds(windowSeconds);
    String key = rule.name() + ":" + Secrets.hash(subject == null ? "" : subject).substring(0, 32);
    long count = store.increment(key, windowStart, windowEnd);
    boolean allowed = count <= rule.limit();
    Duration wait = allowed ? Duration.ZERO : Duration.between(now, windowEnd);
    return new Decision(allowed, count, wait);
  }
}
