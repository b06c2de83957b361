package dev.paperboy.core.security;

import java.time.Duration;

/**
 * A rate limit: at most {@code limit} actions per {@code window} for one subject (a user, an IP
 * address, an email address).
 *
 * @param name what is limited, e.g. {@code signin-ip}; part of the counter's key
 * @param limit actions allowed per window, >= 1
 * @param window the length of a window, from 1 second to 1 day
 */
public record RateLimit(String name, int limit, Duration window) {
  public RateLimit {
    if (name == null || !name.matches("[a-z0-9][a-z0-9.-]{0,40}")) {
      throw new IllegalArgumentException(
          "rate limit name must be lower-case letters, digits, dots and dashes, name: '"
              + name
              + "'");
    }
    if (limit < 1) {
      throw new IllegalArgumentException(
          "rate limit must allow at least 1 action, name: " + name + ", limit: " + limit);
    }
    if (window == null || window.toSeconds() < 1 || window.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException(
          "rate limit window must be from 1 second to 1 day, name: "
              + name
              + ", window: "
              + window);
    }
  }

  /** {@code limit} per minute. */
  public static RateLimit perMinute(String name, int limit) {
    return new RateLimit(name, limit, Duration.ofMinutes(1));
  }

  /** {@code limit} per hour. */
  public static RateLimit perHour(String name, int limit) {
    return new RateLimit(name, limit, Duration.ofHours(1));
  }

  public RateLimit withLimit(int n) {
    return new RateLimit(name, n, window);
  }
}
