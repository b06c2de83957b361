package dev.paperboy.core.account;

import dev.paperboy.core.security.Secrets;

/** A user's id: random ({@link Secrets#newId()}), so ids in URLs and exports reveal nothing. */
public record UserId(String value) {
  public UserId {
    if (!Secrets.isId(value)) {
      throw new IllegalArgumentException("not a user id, value: '" + value + "'");
    }
  }

  public static UserId random() {
    return new UserId(Secrets.newId());
  }

  @Override
  public String toString() {
    return value;
  }
}
