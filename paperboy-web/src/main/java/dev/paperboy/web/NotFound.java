package dev.paperboy.web;

/** Something the URL names does not exist: answered with 404 and the message. */
public final class NotFound extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NotFound(String message) {
    super(message);
  }
}
