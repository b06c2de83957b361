package dev.paperboy.core.account;

import dev.paperboy.core.mail.EmailAddress;
import dev.paperboy.core.security.Role;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A person with an account.
 *
 * @param email where sign-in links go; never shown to other people
 * @param displayName the public name on submissions and comments ({@link #checkDisplayName})
 * @param suspendedAt when a moderator suspended the account, or null: a suspended user cannot sign
 *     in, and their sessions and tokens stop working
 */
public record User(
    UserId id,
    EmailAddress email,
    String displayName,
    Role role,
    Instant createdAt,
    @Nullable Instant suspendedAt) {

  /** The longest display name. */
  public static final int MAX_DISPLAY_NAME = 40;

  public User {
    if (id == null || email == null || role == null || createdAt == null) {
      throw new IllegalArgumentException(
          "id, email, role and createdAt must not be null, id: " + id + ", role: " + role);
    }
    // Not checkDisplayName: names stored before its direction-control rule must still load.
    displayName = checkStoredName(displayName);
  }

  public boolean suspended() {
    return suspendedAt != null;
  }

  /**
   * The key under which addresses are unique: the whole address in lower case. RFC 5321 lets the
   * receiving system decide whether the local part is case-sensitive, but practically none is, and
   * people type their address in varying case; one account per address regardless of case avoids
   * duplicate accounts.
   */
  public static String emailKey(EmailAddress email) {
    return email.value().toLowerCase(Locale.ROOT);
  }

  /**
   * A display name as given, stripped; 1 to {@value #MAX_DISPLAY_NAME} characters without control
   * characters or text-direction controls.
   *
   * @throws IllegalArgumentException with a message fit to show to the person who typed it
   */
  public static String checkDisplayName(String name) {
    String n = checkStoredName(name);
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      // The explicit direction embeddings, overrides and isolates of Unicode UAX #9 make a name
      // show as other text than it is (U+202E before "nimda" shows "admin"; CVE-2021-42574).
      if ((c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')) {
        throw new IllegalArgumentException(
            String.format(
                "display name must not contain text-direction controls (U+%04X)", (int) c));
      }
    }
    return n;
  }

  /** What every name, stored or new, must be: 1 to 40 characters, no control characters. */
  private static String checkStoredName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("display name must not be empty");
    }
    String n = name.strip();
    if (n.codePointCount(0, n.length()) > MAX_DISPLAY_NAME) {
      throw new IllegalArgumentException(
          "display name must be at most " + MAX_DISPLAY_NAME + " characters");
    }
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        throw new IllegalArgumentException("display name must not contain control characters");
      }
    }
    return n;
  }

  /** The name a new account gets until its owner picks one: not derived from the address. */
  public static String defaultDisplayName(UserId id) {
    return "reader-" + id.value().substring(0, 6);
  }

  public User withRole(Role r) {
    return new User(id, email, displayName, r, createdAt, suspendedAt);
  }
}
