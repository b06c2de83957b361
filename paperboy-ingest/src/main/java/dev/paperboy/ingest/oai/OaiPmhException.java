package dev.paperboy.ingest.oai;

import java.io.IOException;
import java.util.List;

/**
 * An OAI-PMH response that reports errors ({@code <error code="badResumptionToken">...</error>},
 * protocol section 3.6) instead of records. The message names where the response came from, and
 * every code with the server's text.
 */
public final class OaiPmhException extends IOException {
  private static final long serialVersionUID = 1L;

  /** One {@code <error>} element. */
  public record Error(String code, String message) {
    @Override
    public String toString() {
      return message.isEmpty() ? code : code + " (" + message + ")";
    }
  }

  private final transient List<Error> errors;

  public OaiPmhException(String where, List<Error> errors) {
    super(where + ": the OAI-PMH server answered with an error: " + describe(errors));
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("an OaiPmhException needs at least one error");
    }
    this.errors = List.copyOf(errors);
  }

  /** Every error of the response, in order. */
  public List<Error> errors() {
    return errors;
  }

  /** The first error's code, e.g. {@code badResumptionToken}, {@code badArgument}. */
  public String code() {
    return errors.get(0).code();
  }

  private static String describe(List<Error> errors) {
    StringBuilder s = new StringBuilder();
    for (Error e : errors) {
      if (!s.isEmpty()) {
        s.append("; ");
      }
      s.append(e);
    }
    return s.toString();
  }
}
