package dev.paperboy.core.digest;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What one run of the {@link DigestSender} did.
 *
 * @param sent messages the mail system accepted
 * @param retried temporary failures, queued again with backoff
 * @param failed permanent failures (including those of suppressed addresses)
 * @param suppressed addresses put on the suppression list
 * @param lost claims that ran out before the sender could use them (another sender took over)
 * @param stopReason why the sender stopped before the outbox was drained (a misconfiguration), null
 *     when it drained everything due
 */
public record SendReport(
    long sent,
    long retried,
    long failed,
    long suppressed,
    long lost,
    Duration took,
    @Nullable String stopReason) {

  public boolean stopped() {
    return stopReason != null;
  }

  /** Messages accepted per second. */
  public double rate() {
    double s = took.toNanos() / 1e9;
    return s <= 0 ? 0 : sent / s;
  }
}
