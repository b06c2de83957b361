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
}
