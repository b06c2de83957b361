package dev.paperboy.core.mail;

import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * A message that was not sent, with what that means for the sender ({@link #kind()}): see {@link
 * FailureKind} for which SMTP replies and errors give which kind.
 *
 * <p>The message says where (the server or file, the SMTP command), the reply and the Message-ID,
 * fit for a log line and for the outbox's "last error" column.
 */
public class MailException extends Exception {

  private static final long serialVersionUID = 1L;

  private final FailureKind kind;
  private final int replyCode;

  /**
   * @param replyCode the SMTP reply code that caused the failure, or -1 when there was none (an I/O
   *     error, a file system error)
   */
  public MailException(FailureKind kind, int replyCode, String message, @Nullable Throwable cause) {
    super(message, cause);
    if (kind == null) {
      throw new IllegalArgumentException("kind must not be null");
    }
    if (replyCode != -1 && (replyCode < 100 || replyCode > 599)) {
      throw new IllegalArgumentException(
          "replyCode must be -1 or an SMTP code 100..599, replyCode: " + replyCode);
    }
    this.kind = kind;
    this.replyCode = replyCode;
  }

  public FailureKind kind() {
    return kind;
  }

  /** Shorthand for {@code kind().isPermanent()}. */
  public boolean isPermanent() {
    return kind.isPermanent();
  }

  /** The SMTP reply code, when the server gave one. */
  public OptionalInt replyCode() {
    return replyCode == -1 ? OptionalInt.empty() : OptionalInt.of(replyCode);
  }
}
