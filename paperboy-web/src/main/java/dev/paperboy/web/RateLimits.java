package dev.paperboy.web;

import dev.paperboy.core.security.RateLimit;
import java.time.Duration;

/**
 * The rate limits of the community features, per user and per IP address. Each answers 429 with
 * {@code Retry-After} when exceeded.
 *
 * @param signInPerIp sign-in mails requested from one IP address
 * @param signInPerEmail sign-in mails requested for one address (whoever asks)
 * @param votesPerUser upvotes and un-upvotes by one user
 * @param votesPerIp upvotes and un-upvotes from one IP address
 * @param commentsPerUser comments posted or edited by one user
 * @param commentsPerIp comments posted or edited from one IP address
 * @param submissionsPerUser submission attempts by one user (the daily cap counts successes)
 * @param submissionsPerIp submission attempts from one IP address
 * @param formsPerIp other anonymous forms from one IP address (subscribing, say)
 */
public record RateLimits(
    RateLimit signInPerIp,
    RateLimit signInPerEmail,
    RateLimit votesPerUser,
    RateLimit votesPerIp,
    RateLimit commentsPerUser,
    RateLimit commentsPerIp,
    RateLimit submissionsPerUser,
    RateLimit submissionsPerIp,
    RateLimit formsPerIp) {

  public RateLimits {
    if (signInPerIp == null
        || signInPerEmail == null
        || votesPerUser == null
        || votesPerIp == null
        || commentsPerUser == null
        || commentsPerIp == null
        || submissionsPerUser == null
        || submissionsPerIp == null
        || formsPerIp == null) {
      throw new IllegalArgumentException("every rate limit must be set");
    }
  }

  /**
   * Generous for people, tight for scripts: 10 sign-in mails an hour per IP and 5 per address, 120
   * votes a minute per user (600 per IP, shared by a lab behind one NAT), 20 comments an hour per
   * user, 30 submission attempts an hour per user.
   */
  public static RateLimits defaults() {
    return new RateLimits(
        RateLimit.perHour("signin-ip", 10),
        RateLimit.perHour("signin-email", 5),
        RateLimit.perMinute("vote-user", 120),
        RateLimit.perMinute("vote-ip", 600),
        RateLimit.perHour("comment-user", 20),
        RateLimit.perHour("comment-ip", 100),
        RateLimit.perHour("submit-user", 30),
        RateLimit.perHour("submit-ip", 100),
        RateLimit.perHour("form-ip", 30));
  }

  /**
   * Parses a limit written {@code COUNT/WINDOW}, e.g. {@code 10/1h}, {@code 120/1m}, {@code 5/30s}.
   *
   * @throws IllegalArgumentException naming the text
   */
  public static RateLimit parse(String name, String text) {
    String t = text == null ? "" : text.strip();
    int slash = t.indexOf('/');
    try {
      if (slash > 0) {
        int n = Integer.parseInt(t.substring(0, slash).strip());
        String w = t.substring(slash + 1).strip();
        long amount = Long.parseLong(w.substring(0, w.length() - 1));
        Duration window =
            switch (w.charAt(w.length() - 1)) {
              case 's' -> Duration.ofSeconds(amount);
              case 'm' -> Duration.ofMinutes(amount);
              case 'h' -> Duration.ofHours(amount);
              case 'd' -> Duration.ofDays(amount);
              default -> throw new NumberFormatException();
            };
        return new RateLimit(name, n, window);
      }
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException(
        "rate limit " + name + ": expected COUNT/WINDOW such as 10/1h or 120/1m, got '" + t + "'");
  }
}
