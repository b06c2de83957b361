package dev.paperboy.ingest.http;

import java.io.IOException;
import java.net.URI;

/**
 * A redirect that Paperboy does not follow: to another host (a configured source must not send us
 * anywhere else), from https to http, or one too many.
 */
public final class RedirectRefusedException extends IOException {
  private static final long serialVersionUID = 1L;

  public RedirectRefusedException(URI from, String to, String why) {
    super("GET " + from + " redirected to " + to + ": not followed, " + why);
  }
}
