package dev.paperboy.core.digest;

import java.time.Duration;

/**
 * How a {@link DigestSender} drains the outbox.
 *
 * @param owner names this process in claimed rows ({@code host:pid}), for operators
 * @param threads sending threads; at a crash at most this many messages are in flight
 * @param batch deliveries claimed at a time
 * @param lease how long a claim lasts before another sender may take the rows over
 * @param maxSendTime the longest one {@code Mailer.send} can take (its connect and read timeouts):
 *     a claim is renewed before less than twice this is left, so it never runs out mid-send
 * @param perSecond the most messages per second this process sends, 0 for no limit
 * @param maxAttempts attempts before a temporary failure becomes permanent
 * @param backoff the wait after the first temporary failure; it doubles with every attempt
 * @param maxBackoff the longest wait between attempts
 * @param badRecipientAlarm consecutive "bad recipient" failures after which the sender stops, as
 *     they more likely mean a relay misreporting its own trouble than that many bad addresses
 */
public record SenderSettings(
    String owner,
    int threads,
    int batch,
    Duration lease,
    Duration maxSendTime,
    double perSecond,
    int maxAttempts,
    Duration backoff,
    Duration maxBackoff,
    int badRecipientAlarm) {

  public SenderSettings {
    if (owner == null || owner.isBlank() || owner.length() > 100) {
      throw new IllegalArgumentException("owner must be 1..100 characters, owner: " + owner);
    }
    if (threads < 1 || threads > 64) {
      throw new IllegalArgumentException("threads must be 1..64, threads: " + threads);
    }
    if (batch < 1 || batch > 1000) {
      throw new IllegalArgumentException("batch must be 1..1000, batch: " + batch);
    }
    if (maxSendTime == null || maxSendTime.isNegative() || maxSendTime.isZero()) {
      throw new IllegalArgumentException(
          "maxSendTime must be positive, maxSendTime: " + maxSendTime);
    }
    if (lease == null || lease.compareTo(maxSendTime.multipliedBy(3)) < 0) {
      throw new IllegalArgumentException(
          "lease must be at least three times maxSendTime, lease: "
              + lease
              + ", maxSendTime: "
              + maxSendTime);
    }
    if (perSecond < 0 || Double.isNaN(perSecond)) {
      throw new IllegalArgumentException("perSecond must be >= 0, perSecond: " + perSecond);
    }
    if (maxAttempts < 1 || maxAttempts > 100) {
      throw new IllegalArgumentException("maxAttempts must be 1..100, maxAttempts: " + maxAttempts);
    }
    if (backoff == null
        || backoff.isNegative()
        || maxBackoff == null
        || maxBackoff.compareTo(backoff) < 0) {
      throw new IllegalArgumentException(
          "backoff must be >= 0 and maxBackoff >= backoff, backoff: "
              + backoff
              + ", maxBackoff: "
              + maxBackoff);
    }
    if (badRecipientAlarm < 1) {
      throw new IllegalArgumentException(
          "badRecipientAlarm must be >= 1, badRecipientAlarm: " + badRecipientAlarm);
    }
  }

  /**
   * The defaults: one thread, batches of 50, 5-minute claims, sends of at most 90 s, no rate limit,
   * 8 attempts from 1 minute doubling up to 6 hours (about 2 days in all), stop after 25 bad
   * recipients in a row.
   */
  public static SenderSettings defaults(String owner) {
    return new SenderSettings(
        owner,
        1,
        50,
        Duration.ofMinutes(5),
        Duration.ofSeconds(90),
        0,
        8,
        Duration.ofMinutes(1),
        Duration.ofHours(6),
        25);
  }

  public SenderSettings withThreads(int n) {
    return new SenderSettings(
        owner,
        n,
        batch,
        lease,
        maxSendTime,
        perSecond,
        maxAttempts,
        backoff,
        maxBackoff,
        badRecipientAlarm);
  }

  public SenderSettings withPerSecond(double n) {
    return new SenderSettings(
        owner,
        threads,
        batch,
        lease,
        maxSendTime,
        n,
        maxAttempts,
        backoff,
        maxBackoff,
        badRecipientAlarm);
  }

  public SenderSettings withLease(Duration l, Duration send) {
    return new SenderSettings(
        owner,
        threads,
        batch,
        l,
        send,
        perSecond,
        maxAttempts,
        backoff,
        maxBackoff,
        badRecipientAlarm);
  }

  public SenderSettings withBatch(int n) {
    return new SenderSettings(
        owner,
        threads,
        n,
        lease,
        maxSendTime,
        perSecond,
        maxAttempts,
        backoff,
        maxBackoff,
        badRecipientAlarm);
  }

  public SenderSettings withRetries(int attempts, Duration first, Duration max) {
    return new SenderSettings(
        owner,
        threads,
        batch,
        lease,
        maxSendTime,
        perSecond,
        attempts,
        first,
        max,
        badRecipientAlarm);
  }

  public SenderSettings withBadRecipientAlarm(int n) {
    return new SenderSettings(
        owner, threads, batch, lease, maxSendTime, perSecond, maxAttempts, backoff, maxBackoff, n);
  }

  /** The wait after the {@code attempts}-th failed attempt, before jitter: doubling, capped. */
  public Duration backoffAfter(int attempts) {
    int shift = Math.max(0, Math.min(attempts - 1, 30));
    Duration d = backoff.multipliedBy(1L << shift);
    return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
  }
}
