package dev.paperboy.core.account;

import java.time.Instant;
import java.util.Optional;

/** Server-side sessions in the store, shared by every app node. */
public interface SessionStore {

  void create(Session session);

  /** The session with this id hash, expired or not (the caller checks the time). */
  Optional<Session> find(String idHash);

  /** Moves a session's expiry (sliding renewal). */
  void extend(String idHash, Instant expiresAt);

  /** Ends one session (sign-out); nothing happens when there is none. */
  void delete(String idHash);

  /** Ends every session of a user (suspension, account deletion). */
  int deleteAllOf(UserId user);

  /** Deletes sessions that expired before {@code now}; returns how many. */
  int purgeExpired(Instant now);
}
