package dev.paperboy.ingest.support;

/**
 * A record that cannot be imported. The message is the reason shown to the user and names the
 * field: {@code "missing title"}, {@code "paper.upvotes: expected an integer but was a string"}.
 * Readers turn it into a {@link dev.paperboy.core.ingest.Rejection} and carry on.
 */
public final class BadRecordException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BadRecordException(String reason) {
    super(reason, null, false, false);
  }
}
