package dev.paperboy.ingest.http;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** A response with a status other than 2xx, after any retries. The message names the URL. */
public final class HttpStatusException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient URI uri;
  private final int status;
  private final transient @Nullable Duration retryAfter;

  public HttpStatusException(URI uri, int status, @Nullable Duration retryAfter, String detail) {
    super(
        "GET "
            + uri
            + " answered HTTP "
            + status
            + (retryAfter == null ? "" : " (Retry-After " + retryAfter.toSeconds() + " s)")
            + (detail.isEmpty() ? "" : ": " + detail));
    this.uri = uri;
    this.status = status;
    this.retryAfter = retryAfter;
  }

  public URI uri() {
    return uri;
  }

  public int status() {
    return status;
  }

  /** The server's Retry-After, when it sent one. */
  public @Nullable Duration retryAfter() {
    return retryAfter;
  }
}
