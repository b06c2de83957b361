package dev.paperboy.core.search;

/**
 * The search index is held by another process: the embedded index allows one writer per directory,
 * and a running {@code serve} keeps it open. Commands that only add papers can store them and leave
 * indexing to the server, which follows the store ({@link IndexFollower}).
 */
public final class IndexInUseException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public IndexInUseException(String message, Throwable cause) {
    super(message, cause);
  }
}
