package dev.paperboy.core.account;

import java.time.Instant;

/**
 * A signed-in browser, as the store keeps it.
 *
 * @param idHash the SHA-256 of the session id in the cookie (the id itself is never stored)
 * @param expiresAt when it ends unless used again (sliding expiry, see {@link Sessions})
 */
public record Session(String idHash, UserId userId, Instant createdAt, Instant expiresAt) {
  public Session {
    if (idHash == null || idHash.length() != 64) {
      throw new IllegalArgumentException("idHash must be a SHA-256 in hex, user: " + userId);
    }
    if (userId == null || createdAt == null || expiresAt == null) {
      throw new IllegalArgumentException("userId, createdAt and expiresAt must not be null");
    }
  }
}
