package dev.paperboy.ingest.http;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/**
 * A successful (2xx) response, its body read and decompressed.
 *
 * @param uri the URL that answered, after redirects
 */
public record Fetched(URI uri, int status, HttpHeaders headers, byte[] body) {

  public InputStream stream() {
    return new ByteArrayInputStream(body);
  }

  /** The body as UTF-8 text. */
  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
