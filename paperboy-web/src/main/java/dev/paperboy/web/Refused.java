package dev.paperboy.web;

/**
 * A request refused for who sent it or how often: 401 (sign in first), 403 (not allowed, or a
 * missing CSRF token), 429 (too many, with {@code Retry-After}). {@link ErrorHandling} answers it.
 */
final class Refused extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final long retryAfterSeconds;

  private Refused(int status, String message, long retryAfterSeconds) {
    super(message, null, false, false);
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  static Refused signInFirst(String message) {
    return new Refused(401, message, 0);
  }

  static Refused forbidden(String message) {
    return new Refused(403, message, 0);
  }

  static Refused conflict(String message) {
    return new Refused(409, message, 0);
  }

  static Refused unavailable(String message, long retryAfterSeconds) {
    return new Refused(503, message, retryAfterSeconds);
  }

  static Refused tooMany(String message, long retryAfterSeconds) {
    return new Refused(429, message, retryAfterSeconds);
  }

  int status() {
    return status;
  }

  /** Seconds for {@code Retry-After}, 0 when not a 429. */
  long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
