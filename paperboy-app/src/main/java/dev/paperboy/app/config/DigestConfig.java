package dev.paperboy.app.config;

import dev.paperboy.core.digest.DigestLimits;
import dev.paperboy.core.security.RateLimit;
import dev.paperboy.web.Digests;
import dev.paperboy.web.RateLimits;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

/**
 * Email digests (they need {@code community.enabled}: CSRF, rate limits and the mailer come from
 * there).
 *
 * <p>Keys (defaults in brackets): {@code digest.enabled} [true]; schedule: {@code digest.send.time}
 * [07:00, UTC], {@code digest.weekly.day} [monday], {@code digest.wait.max} [6h: the longest an
 * edition waits for the day's papers after the send time], {@code digest.poll} [1m]; content:
 * {@code digest.trending.count} [10], {@code digest.picks.count} [5], {@code digest.alerts.per}
 * [5], {@code digest.alerts.count} [15], {@code digest.picks.model} [tfidf; or centroid, recency,
 * nearest over the embeddings], {@code digest.picks.min.similarity} [0.1 for tfidf, else 0.6];
 * delivery: {@code digest.rate} [0: messages per second per node, 0 for no limit], {@code
 * digest.threads} [2], {@code digest.batch} [50], {@code digest.lease} [5m], {@code
 * digest.max.attempts} [8], {@code digest.backoff} [1m], {@code digest.backoff.max} [6h], {@code
 * digest.bad.recipient.alarm} [25]; subscribing: {@code digest.confirm.ttl} [48h], {@code
 * digest.from.name} [Paperboy], {@code ratelimit.subscribe.ip} [10/1h], {@code
 * ratelimit.subscribe.email} [3/1h].
 */
public record DigestConfig(
    boolean enabled,
    LocalTime sendAt,
    DayOfWeek weeklyDay,
    Duration maxWait,
    Duration poll,
    DigestLimits limits,
    String model,
    double minSimilarity,
    double perSecond,
    int threads,
    int batch,
    Duration lease,
    int maxAttempts,
    Duration backoff,
    Duration maxBackoff,
    int badRecipientAlarm,
    Duration confirmTtl,
    String fromName,
    RateLimit perIp,
    RateLimit perEmail) {

  public static final Set<String> KEYS =
      Set.of(
          "digest.enabled",
          "digest.send.time",
          "digest.weekly.day",
          "digest.wait.max",
          "digest.poll",
          "digest.trending.count",
          "digest.picks.count",
          "digest.alerts.per",
          "digest.alerts.count",
          "digest.picks.model",
          "digest.picks.min.similarity",
          "digest.rate",
          "digest.threads",
          "digest.batch",
          "digest.lease",
          "digest.max.attempts",
          "digest.backoff",
          "digest.backoff.max",
          "digest.bad.recipient.alarm",
          "digest.confirm.ttl",
          "digest.from.name",
          "ratelimit.subscribe.ip",
          "ratelimit.subscribe.email");

  /**
   * The taste models {@code digest.picks.model} names: {@code tfidf} (the default: the mean TF-IDF
   * vector of the liked papers' words, which predicted likes best in RecommenderEvaluation), and
   * over the bundled embeddings {@code centroid} (their mean), {@code recency} (the mean with a
   * 60-day half-life) and {@code nearest} (the closest liked paper).
   */
  public static final Set<String> MODELS = Set.of("tfidf", "centroid", "recency", "nearest");

  /**
   * The default {@code digest.picks.min.similarity} of a model: TF-IDF cosines of related papers
   * are small (few shared words), embedding cosines of unrelated abstracts are already around 0.5.
   */
  static double defaultMinSimilarity(String model) {
    return model.equals("tfidf") ? 0.1 : 0.6;
  }

  public static DigestConfig from(Settings s) {
    LocalTime sendAt;
    try {
      sendAt = LocalTime.parse(s.get("digest.send.time", "07:00"));
    } catch (DateTimeParseException e) {
      throw s.wrong("digest.send.time", "a time of day in UTC such as 07:00");
    }
    DayOfWeek weekly;
    try {
      weekly =
          DayOfWeek.valueOf(s.get("digest.weekly.day", "monday").strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw s.wrong("digest.weekly.day", "a weekday such as monday");
    }
    Duration maxWait = s.getDuration("digest.wait.max", Duration.ofHours(6));
    if (maxWait.isNegative() || maxWait.compareTo(Duration.ofHours(20)) > 0) {
      throw s.wrong("digest.wait.max", "a duration from 0 to 20h");
    }
    Duration poll = s.getDuration("digest.poll", Duration.ofMinutes(1));
    if (poll.compareTo(Duration.ofSeconds(1)) < 0) {
      throw s.wrong("digest.poll", "a duration of at least 1s");
    }
    DigestLimits limits =
        new DigestLimits(
            s.getInt("digest.trending.count", 10, 0, 100),
            s.getInt("digest.picks.count", 5, 0, 100),
            s.getInt("digest.alerts.per", 5, 0, 100),
            s.getInt("digest.alerts.count", 15, 0, 100));
    String model = s.get("digest.picks.model", "tfidf").strip().toLowerCase(Locale.ROOT);
    if (!MODELS.contains(model)) {
      throw s.wrong("digest.picks.model", "tfidf, centroid, recency or nearest");
    }
    // A claim must outlast a send (the sender renews the rest of its batch before one could run
    // out): keep it several SMTP timeouts long. Short claims only make a dead node's in-flight
    // rows wait less before another node sends them.
    Duration lease = s.getDuration("digest.lease", Duration.ofMinutes(5));
    if (lease.compareTo(Duration.ofSeconds(5)) < 0) {
      throw s.wrong("digest.lease", "a duration of at least 5s");
    }
    Duration backoff = s.getDuration("digest.backoff", Duration.ofMinutes(1));
    Duration maxBackoff = s.getDuration("digest.backoff.max", Duration.ofHours(6));
    if (backoff.isNegative() || maxBackoff.compareTo(backoff) < 0) {
      throw s.wrong("digest.backoff.max", "a duration at least digest.backoff");
    }
    Duration confirmTtl = s.getDuration("digest.confirm.ttl", Duration.ofHours(48));
    if (confirmTtl.compareTo(Duration.ofMinutes(5)) < 0) {
      throw s.wrong("digest.confirm.ttl", "a duration of at least 5m");
    }
    return new DigestConfig(
        s.getBoolean("digest.enabled", true),
        sendAt,
        weekly,
        maxWait,
        poll,
        limits,
        model,
        s.getDouble("digest.picks.min.similarity", defaultMinSimilarity(model), -1, 1),
        s.getDouble("digest.rate", 0, 0, 100_000),
        s.getInt("digest.threads", 2, 1, 64),
        s.getInt("digest.batch", 50, 1, 1000),
        lease,
        s.getInt("digest.max.attempts", 8, 1, 100),
        backoff,
        maxBackoff,
        s.getInt("digest.bad.recipient.alarm", 25, 1, 100_000),
        confirmTtl,
        s.get("digest.from.name", "Paperboy").strip(),
        limit(s, "ratelimit.subscribe.ip", Digests.defaultPerIp()),
        limit(s, "ratelimit.subscribe.email", Digests.defaultPerEmail()));
  }

  private static RateLimit limit(Settings s, String key, RateLimit fallback) {
    return s.find(key)
        .map(
            text -> {
              try {
                return RateLimits.parse(fallback.name(), text);
              } catch (IllegalArgumentException e) {
                throw s.wrong(key, "COUNT/WINDOW such as 10/1h");
              }
            })
        .orElse(fallback);
  }
}
