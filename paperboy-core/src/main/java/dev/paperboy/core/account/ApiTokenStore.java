package dev.paperboy.core.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** API tokens, stored as SHA-256 hashes of their secret. */
public interface ApiTokenStore {

  /** Stores a new token of {@code user} whose secret hashes to {@code secretHash}. */
  ApiToken create(UserId user, String name, String secretHash, Instant now);

  /** The user's tokens, newest first. */
  List<ApiToken> tokensOf(UserId user);

  /** Deletes one of the user's tokens; false when the user has no token with that id. */
  boolean revoke(UserId user, String tokenId);

  /** The user whose token hashes to {@code secretHash}; empty when none does. */
  Optional<User> userOf(String secretHash);
}
