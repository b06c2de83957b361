package dev.paperboy.core.account;

import java.time.Instant;

/** The nonces of sign-in links, so each link works once on every node ({@link SignInLinks}). */
public interface SignInStore {

  /** Records a link's nonce (its hash) until {@code expiresAt}. */
  void record(String nonceHash, Instant expiresAt);

  /**
   * Marks the nonce used, atomically: true for the first call before it expires, false for any
   * later call, an unknown nonce or an expired one. Two concurrent calls never both get true.
   */
  boolean consume(String nonceHash, Instant now);

  /** Deletes nonces whose links expired before {@code now}; returns how many. */
  int purgeExpired(Instant now);
}
