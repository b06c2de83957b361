package dev.paperboy.ingest.http;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When a failed request is tried again, and after how long.
 *
 * <p>Retried: connection failures and timeouts, HTTP 429, 500, 502, 503 and 504, and responses the
 * caller finds broken (a truncated page). Every try counts against {@code maxAttempts}. A {@code
 * Retry-After} from the server is honoured as given (up to {@code maxRetryAfter}; a longer wait
 * fails the request with the server's answer instead of hanging a job for hours); otherwise the
 * wait is exponential with "equal jitter": half of {@code min(maxBackoff, initialBackoff *
 * 2^(n-1))} fixed plus up to the same again at random, so clients that failed together do not retry
 * together (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/).
 *
 * @param maxAttempts tries in all, the first included (1 = no retries)
 */
public record RetryPolicy(
    int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

  /** 6 tries, waits from 2 s growing to at most 5 min, Retry-After honoured up to 1 hour. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(6, Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofHours(1));

  /** One try, no retries. */
  public static final RetryPolicy NONE =
      new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, maxAttempts: " + maxAttempts);
    }
    for (Duration d : new Duration[] {initialBackoff, maxBackoff, maxRetryAfter}) {
      if (d == null || d.isNegative()) {
        throw new IllegalArgumentException(
            "backoff durations must be >= 0, initialBackoff: "
                + initialBackoff
                + ", maxBackoff: "
                + maxBackoff
                + ", maxRetryAfter: "
                + maxRetryAfter);
      }
    }
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "maxBackoff must be >= initialBackoff, initialBackoff: "
              + initialBackoff
              + ", maxBackoff: "
              + maxBackoff);
    }
  }

  /**
   * The wait before try {@code failedAttempts + 1} after {@code failedAttempts} failures without
   * Retry-After: between half and all of {@code min(maxBackoff, initialBackoff * 2^(failed-1))}.
   */
  public Duration backoff(int failedAttempts, RandomGenerator random) {
    if (failedAttempts < 1) {
      throw new IllegalArgumentException(
          "failedAttempts must be >= 1, failedAttempts: " + failedAttempts);
    }
    long base = initialBackoff.toMillis();
    long cap = maxBackoff.toMillis();
    long exp = base;
    for (int i = 1; i < failedAttempts && exp < cap; i++) {
      exp = Math.min(cap, exp * 2);
    }
    exp = Math.min(cap, exp);
    long half = exp / 2;
    return Duration.ofMillis(half + (exp - half == 0 ? 0 : random.nextLong(exp - half + 1)));
  }

  /** True when an HTTP status is worth trying again. */
  public static boolean retryable(int status) {
    return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
  }
}
