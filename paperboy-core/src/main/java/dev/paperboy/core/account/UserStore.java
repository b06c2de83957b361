package dev.paperboy.core.account;

import dev.paperboy.core.mail.EmailAddress;
import dev.paperboy.core.security.Role;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Accounts in the store. */
public interface UserStore {

  /**
   * The account of {@code email} ({@link User#emailKey}), created with a default display name and
   * the role {@code USER} when there is none. Two concurrent calls for one address return the same
   * account.
   */
  User findOrCreate(EmailAddress email, Instant now);

  Optional<User> find(UserId id);

  Optional<User> findByEmail(EmailAddress email);

  /**
   * @throws java.util.NoSuchElementException when there is no such user
   */
  User setRole(UserId id, Role role);

  /**
   * @throws IllegalArgumentException when the name is not valid ({@link User#checkDisplayName})
   * @throws java.util.NoSuchElementException when there is no such user
   */
  User setDisplayName(UserId id, String displayName);

  /**
   * Suspends ({@code at} not null) or reinstates ({@code at} null) an account.
   *
   * @throws java.util.NoSuchElementException when there is no such user
   */
  User setSuspended(UserId id, @Nullable Instant at);

  /**
   * Deletes the account and what belongs to it only (sessions, tokens, votes, submissions records),
   * and keeps what others rely on without the person in it (comments others replied to stay as
   * "[deleted]"), in one transaction. See each store's table for what happens to its rows.
   *
   * @return false when there was no such user
   */
  boolean delete(UserId id);
}
