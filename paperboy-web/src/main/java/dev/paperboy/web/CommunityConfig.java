package dev.paperboy.web;

import dev.paperboy.core.mail.EmailAddress;
import java.time.Duration;

/**
 * How the community features behave.
 *
 * @param sessionTtl how long a session lasts after its last use (sliding), default 30 days
 * @param signInLinkTtl how long a sign-in link works, default 15 minutes
 * @param submissionMaxAge how old (since its first version) a paper may be to be submitted, default
 *     14 days
 * @param submissionsPerDay how many papers one user may submit per UTC day, default 5
 * @param mailFrom the sender of sign-in mails
 * @param limits the rate limits
 * @param behindProxy true when a reverse proxy forwards requests: the client's address for rate
 *     limits is then the last one the proxy appended to {@code X-Forwarded-For}; false (default)
 *     uses the connection's address, since a client could write any {@code X-Forwarded-For}
 */
public record CommunityConfig(
    Duration sessionTtl,
    Duration signInLinkTtl,
    Duration submissionMaxAge,
    int submissionsPerDay,
    EmailAddress mailFrom,
    RateLimits limits,
    boolean behindProxy) {

  public CommunityConfig {
    if (sessionTtl == null || sessionTtl.compareTo(Duration.ofMinutes(5)) < 0) {
      throw new IllegalArgumentException("sessionTtl must be at least 5 minutes: " + sessionTtl);
    }
    if (signInLinkTtl == null
        || signInLinkTtl.compareTo(Duration.ofMinutes(1)) < 0
        || signInLinkTtl.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException(
          "signInLinkTtl must be from 1 minute to 1 day: " + signInLinkTtl);
    }
    if (submissionMaxAge == null || submissionMaxAge.toDays() < 1) {
      throw new IllegalArgumentException(
          "submissionMaxAge must be at least 1 day: " + submissionMaxAge);
    }
    if (submissionsPerDay < 1) {
      throw new IllegalArgumentException(
          "submissionsPerDay must be >= 1, submissionsPerDay: " + submissionsPerDay);
    }
    if (mailFrom == null || limits == null) {
      throw new IllegalArgumentException("mailFrom and limits must not be null");
    }
  }

  public static CommunityConfig defaults() {
    return new CommunityConfig(
        Duration.ofDays(30),
        Duration.ofMinutes(15),
        Duration.ofDays(14),
        5,
        new EmailAddress("paperboy@localhost.localdomain"),
        RateLimits.defaults(),
        false);
  }

  public CommunityConfig withBehindProxy(boolean b) {
    return new CommunityConfig(
        sessionTtl, signInLinkTtl, submissionMaxAge, submissionsPerDay, mailFrom, limits, b);
  }

  public CommunityConfig withSessionTtl(Duration ttl) {
    return new CommunityConfig(
        ttl, signInLinkTtl, submissionMaxAge, submissionsPerDay, mailFrom, limits, behindProxy);
  }

  public CommunityConfig withSignInLinkTtl(Duration ttl) {
    return new CommunityConfig(
        sessionTtl, ttl, submissionMaxAge, submissionsPerDay, mailFrom, limits, behindProxy);
  }

  public CommunityConfig withLimits(RateLimits l) {
    return new CommunityConfig(
        sessionTtl, signInLinkTtl, submissionMaxAge, submissionsPerDay, mailFrom, l, behindProxy);
  }

  public CommunityConfig withMailFrom(EmailAddress from) {
    return new CommunityConfig(
        sessionTtl, signInLinkTtl, submissionMaxAge, submissionsPerDay, from, limits, behindProxy);
  }

  public CommunityConfig withSubmissions(Duration maxAge, int perDay) {
    return new CommunityConfig(
        sessionTtl, signInLinkTtl, maxAge, perDay, mailFrom, limits, behindProxy);
  }
}
