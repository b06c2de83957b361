package dev.paperboy.ingest.http;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How Paperboy talks to remote servers.
 *
 * @param contact who runs this Paperboy (an e-mail address or URL), put in the User-Agent as arXiv
 *     asks of harvesters (https://info.arxiv.org/help/api/tou.html); null leaves it out
 * @param connectTimeout how long to wait for a TCP/TLS connection
 * @param readTimeout how long to wait for a whole response (headers and body)
 * @param maxRedirects redirects followed per request; only to the same host
 * @param maxBodyBytes responses announcing a larger body are refused
 * @param retry when and how long to retry failed requests
 */
public record HttpSettings(
    @Nullable String contact,
    Duration connectTimeout,
    Duration readTimeout,
    int maxRedirects,
    long maxBodyBytes,
    RetryPolicy retry) {

  /** The product token of the User-Agent. */
  public static final String PRODUCT = "Paperboy/0.1";

  public HttpSettings {
    if (contact != null && (contact.isBlank() || contact.chars().anyMatch(c -> c < 0x20))) {
      throw new IllegalArgumentException(
          "contact must be a non-blank single line (an e-mail address or URL), contact: '"
              + contact
              + "'");
    }
    positive("connectTimeout", connectTimeout);
    positive("readTimeout", readTimeout);
    if (maxRedirects < 0 || maxRedirects > 20) {
      throw new IllegalArgumentException(
          "maxRedirects must be from 0 to 20, maxRedirects: " + maxRedirects);
    }
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException(
          "maxBodyBytes must be >= 1, maxBodyBytes: " + maxBodyBytes);
    }
    if (retry == null) {
      throw new IllegalArgumentException("retry must not be null");
    }
  }

  /** 10 s to connect, 120 s per response, 5 redirects, 256 MiB, {@link RetryPolicy#DEFAULT}. */
  public static HttpSettings defaults(@Nullable String contact) {
    return new HttpSettings(
        contact,
        Duration.ofSeconds(10),
        Duration.ofSeconds(120),
        5,
        256L << 20,
        RetryPolicy.DEFAULT);
  }

  /**
   * For a request a person waits on (submit-by-id): 2 s to connect, 4 s for the answer, one try, 16
   * MiB. A page should answer "try again" within seconds rather than hold the request through the
   * batch jobs' patient retries ({@link #defaults}: six tries over about a minute).
   */
  public static HttpSettings interactive(@Nullable String contact) {
    return new HttpSettings(
        contact, Duration.ofSeconds(2), Duration.ofSeconds(4), 5, 16L << 20, RetryPolicy.NONE);
  }

  public HttpSettings withRetry(RetryPolicy r) {
    return new HttpSettings(contact, connectTimeout, readTimeout, maxRedirects, maxBodyBytes, r);
  }

  /**
   * {@code Paperboy/0.1 (self-hosted research-papers platform; +mailto:ops@example.org)}: names the
   * software and, when configured, whom to contact about its traffic (RFC 9110, section 10.1.5).
   */
  public String userAgent() {
    String who =
        contact == null
            ? ""
            : "; +"
                + (contact.contains("@") && !contact.contains(":") ? "mailto:" + contact : contact);
    return PRODUCT + " (self-hosted research-papers platform" + who + ")";
  }

  private static void positive(String name, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, " + name + ": " + d);
    }
  }
}
