package dev.paperboy.ingest.oai;

import java.io.IOException;

/** A response that is not well-formed XML; the message says where (file:line:column) and why. */
public final class MalformedXmlException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String where;
  private final String reason;

  public MalformedXmlException(String where, String reason, Throwable cause) {
    super(where + ": " + reason, cause);
    this.where = where;
    this.reason = reason;
  }

  /** {@code file:line:column} of the error. */
  public String where() {
    return where;
  }

  /** What the XML parser found wrong. */
  public String reason() {
    return reason;
  }
}
