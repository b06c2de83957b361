package dev.paperboy.core.security;

import java.time.Instant;

/**
 * Counters of rate-limited actions, kept in the store so every app node counts the same actions.
 */
public interface RateCounterStore {

  /**
   * Adds one to the counter {@code key} of the window starting at {@code windowStart} and returns
   * its new value, atomically: concurrent calls on several nodes return distinct values.
   *
   * @param expiresAt when the counter may be deleted (the window's end)
   */
  long increment(String key, Instant windowStart, Instant expiresAt);

  /** Deletes counters whose window ended before {@code now}; returns how many. */
  int purgeExpired(Instant now);
}
