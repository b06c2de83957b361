package dev.paperboy.core.security;

/** A token that {@link SignedTokens#verify} refused, with the reason. */
public final class InvalidTokenException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why a token was refused. */
  public enum Reason {
    /** Not in the token format at all (truncated, not base64url, wrong version). */
    MALFORMED,
    /** The signature does not match: changed, made up, or signed with another key. */
    FORGED,
    /** Signed by us for another purpose (a CSRF token shown as a sign-in link, say). */
    WRONG_PURPOSE,
    /** Signed by us for this purpose, but its time is over. */
    EXPIRED
  }

  private final Reason reason;

  public InvalidTokenException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
