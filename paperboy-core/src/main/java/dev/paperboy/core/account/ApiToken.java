package dev.paperboy.core.account;

import dev.paperboy.core.security.Secrets;
import java.time.Instant;

/**
 * An API token of a user, as the store keeps it (without the secret, which is shown once).
 *
 * @param name what the user called it ("my script")
 */
public record ApiToken(String id, UserId userId, String name, Instant createdAt) {

  /** Tokens start with this, so secret scanners and people recognise them. */
  public static final String PREFIX = "pb_";

  public static final int MAX_NAME = 60;

  public ApiToken {
    if (!Secrets.isId(id)) {
      throw new IllegalArgumentException("not a token id, id: '" + id + "'");
    }
    name = checkName(name);
  }

  /** A new secret token: {@code pb_} and 256 random bits. */
  public static String newSecret() {
    return PREFIX + Secrets.newSecret();
  }

  /**
   * @throws IllegalArgumentException with a message fit for the person who typed the name
   */
  public static String checkName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a token needs a name (what it is for)");
    }
    String n = name.strip();
    if (n.length() > MAX_NAME || n.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          "a token name is at most " + MAX_NAME + " characters without control characters");
    }
    return n;
  }
}
