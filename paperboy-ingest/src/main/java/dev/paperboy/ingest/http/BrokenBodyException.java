package dev.paperboy.ingest.http;

import java.io.IOException;

/**
 * Thrown by a {@link HttpFetcher.BodyReader} when a 2xx response's body cannot be used (a page cut
 * off mid-way, XML that is not well-formed): the fetcher asks again, like after a 503, and throws
 * this when the tries run out. The cause says what was wrong.
 */
public final class BrokenBodyException extends IOException {
  private static final long serialVersionUID = 1L;

  public BrokenBodyException(IOException cause) {
    super(cause.getMessage(), cause);
  }

  @Override
  public synchronized IOException getCause() {
    return (IOException) super.getCause();
  }
}
