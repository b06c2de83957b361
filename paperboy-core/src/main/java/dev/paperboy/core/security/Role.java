package dev.paperboy.core.security;

import java.util.Locale;

/**
 * What a signed-in person may do. Each role can do everything the roles before it can.
 *
 * <ul>
 *   <li>{@link #USER}: submit, upvote, comment, manage their own account.
 *   <li>{@link #MODERATOR}: also hide and unhide papers and comments, suspend users.
 *   <li>{@link #ADMIN}: also read the audit log and grant roles.
 * </ul>
 */
public enum Role {
  USER,
  MODERATOR,
  ADMIN;

  /** True when this role has at least the rights of {@code other}. */
  public boolean atLeast(Role other) {
    return compareTo(other) >= 0;
  }

  /** The lower-case name used in the store, the CLI and the API ({@code user}, ...). */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code user}, {@code moderator} or {@code admin} (any case).
   *
   * @throws IllegalArgumentException naming the value and the allowed ones
   */
  public static Role parse(String text) {
    if (text != null) {
      for (Role r : values()) {
        if (r.code().equalsIgnoreCase(text.strip())) {
          return r;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown role '" + text + "' (expected user, moderator or admin)");
  }
}
