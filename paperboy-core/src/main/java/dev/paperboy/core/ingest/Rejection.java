package dev.paperboy.core.ingest;

/**
 * A record that could not be imported, and why.
 *
 * @param where {@code file:line}, {@code file#recordId} or a URL and record id
 * @param reason what was wrong, naming the field: {@code "missing title"}, {@code "bad id '1234'"}
 */
public record Rejection(String where, String reason) {
  @Override
  public String toString() {
    return where + ": " + reason;
  }
}
