package dev.paperboy.core.account;

import dev.paperboy.core.security.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Opens, finds and ends sessions: the rules over the {@link SessionStore}.
 *
 * <ul>
 *   <li>A session id is a new 256-bit random secret ({@link Secrets#newSecret()}) each time someone
 *       signs in, so an id planted before sign-in is useless (session fixation, OWASP Session
 *       Management Cheat Sheet, "Renew the Session ID After Any Privilege Level Change").
 *   <li>The store keeps its SHA-256 only.
 *   <li>Expiry slides: a session used again more than {@link #renewEvery()} after its last renewal
 *       is extended to {@code ttl} from now, so active readers stay signed in and an idle session
 *       ends {@code ttl} after its last use. Renewing at most once per interval keeps page views
 *       from writing to the store each time.
 *   <li>A suspended user's session is refused (and deleted).
 * </ul>
 */
public final class Sessions {
  private final SessionStore store;
  private final UserStore users;
  private final Clock clock;
  private final Duration ttl;

  /** A session found for a cookie, with its user. */
  public record Active(Session session, User user) {}

  /** A new session and the value for its cookie (the only place the id exists in clear). */
  public record Opened(String cookieValue, Session session) {}

  public Sessions(SessionStore store, UserStore users, Clock clock, Duration ttl) {
    if (ttl == null || ttl.compareTo(Duration.ofMinutes(5)) < 0) {
      throw new IllegalArgumentException("session ttl must be at least 5 minutes, ttl: " + ttl);
    }
    this.store = store;
    this.users = users;
    this.clock = clock;
    this.ttl = ttl;
  }

  public Duration ttl() {
    return ttl;
  }

  /** How long after a renewal a session is renewed again: a tenth of the ttl, at most an hour. */
  public Duration renewEvery() {
    Duration tenth = ttl.dividedBy(10);
    return tenth.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : tenth;
  }

  /** Opens a new session for {@code user}. */
  public Opened open(UserId user) {
    String id = Secrets.newSecret();
    Instant now = clock.instant();
    Session s = new Session(Secrets.hash(id), user, now, now.plus(ttl));
    store.create(s);
    return new Opened(id, s);
  }

  /**
   * The session a cookie names, renewed if due; empty when there is none, it expired, or its user
   * is gone or suspended.
   */
  public Optional<Active> resolve(String cookieValue) {
    if (cookieValue == null || cookieValue.isEmpty() || cookieValue.length() > 100) {
      return Optional.empty();
    }
    String hash = Secrets.hash(cookieValue);
    Optional<Session> found = store.find(hash);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Session s = found.get();
    Instant now = clock.instant();
    if (!now.isBefore(s.expiresAt())) {
      store.delete(hash);
      return Optional.empty();
    }
    Optional<User> user = users.find(s.userId());
    if (user.isEmpty() || user.get().suspended()) {
      store.delete(hash);
      return Optional.empty();
    }
    Instant lastRenewed = s.expiresAt().minus(ttl);
    if (!now.isBefore(lastRenewed.plus(renewEvery()))) {
      Instant expires = now.plus(ttl);
      store.extend(hash, expires);
      s = new Session(s.idHash(), s.userId(), s.createdAt(), expires);
    }
    return Optional.of(new Active(s, user.get()));
  }

  /** Ends the session a cookie names (sign-out). */
  public void close(String cookieValue) {
    if (cookieValue != null && !cookieValue.isEmpty() && cookieValue.length() <= 100) {
      store.delete(Secrets.hash(cookieValue));
    }
  }
}
