package dev.paperboy.core.mail;

/**
 * A {@code Message-ID} chosen by the caller, without its angle brackets: {@code
 * digest.2026-03-02.s42@paperboy.example}.
 *
 * <p>The caller picks it so that it is stable: the same subscriber and edition always give the same
 * id, and a message handed to SMTP twice (a crash between sending and recording it) carries the
 * same id both times, so mail systems that deduplicate on it drop the copy. Mailers send it exactly
 * as given.
 *
 * <p>Syntax (RFC 5322 section 3.6.4): {@code id-left "@" id-right}, each a dot-atom-text (letters,
 * digits, {@code !#$%&'*+-/=?^_`{|}~} and single inner dots). The bracketed domain-literal form of
 * {@code id-right} is not accepted. At most 250 characters, which keeps the header line far below
 * the 998-character limit of RFC 5322 section 2.1.1. Comparison is exact (case-sensitive).
 */
public record MessageId(String value) {

  public static final int MAX_LENGTH = 250;

  public MessageId {
    if (value == null) {
      throw new IllegalArgumentException("messageId must not be null");
    }
    if (value.length() > MAX_LENGTH) {
      throw invalid(value, "longer than " + MAX_LENGTH + " characters");
    }
    int at = value.lastIndexOf('@');
    if (at < 0) {
      throw invalid(value, "no '@' (expected id-left@id-right)");
    }
    String left = HeaderText.dotAtomProblem(value.substring(0, at));
    if (left != null) {
      throw invalid(value, "the part before the '@' " + left);
    }
    String right = HeaderText.dotAtomProblem(value.substring(at + 1));
    if (right != null) {
      throw invalid(value, "the part after the '@' " + right);
    }
  }

  /** Parses a header value, with or without the angle brackets and surrounding whitespace. */
  public static MessageId parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("messageId must not be null");
    }
    String t = text.strip();
    if (t.length() >= 2 && t.charAt(0) == '<' && t.charAt(t.length() - 1) == '>') {
      t = t.substring(1, t.length() - 1);
    }
    return new MessageId(t);
  }

  /** The id as the {@code Message-ID} header carries it: {@code <left@right>}. */
  public String headerValue() {
    return "<" + value + ">";
  }

  @Override
  public String toString() {
    return headerValue();
  }

  private static IllegalArgumentException invalid(String value, String reason) {
    return new IllegalArgumentException(
        "messageId is not a valid Message-ID ("
            + reason
            + "), messageId: "
            + HeaderText.quote(value));
  }
}
