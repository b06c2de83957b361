package dev.paperboy.ingest.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP client for every remote source. GET only.
 *
 * <ul>
 *   <li>Every request carries the configured User-Agent ({@link HttpSettings#userAgent()}) and
 *       {@code Accept-Encoding: gzip}; gzip bodies are decompressed (RFC 9110, section 8.4).
 *   <li>Redirects (301, 302, 303, 307, 308) are followed by hand, and only to the same host: a
 *       configured endpoint must not be able to send Paperboy to another server, nor from https to
 *       http. Anything else fails with {@link RedirectRefusedException}.
 *   <li>Timeouts: {@link HttpSettings#connectTimeout()} to connect, {@link
 *       HttpSettings#readTimeout()} for the whole response.
 *   <li>Failures worth another try (see {@link RetryPolicy}) are retried after the server's {@code
 *       Retry-After} (seconds or an HTTP date, RFC 9110 section 10.2.3) or an exponential backoff
 *       with jitter. Other 4xx fail at once with {@link HttpStatusException}.
 * </ul>
 *
 * <p>Thread-safe. Waiting (for Retry-After, backoff) goes through the {@link Sleeper}, and an
 * interrupt ends the wait with {@link InterruptedIOException}.
 */
public final class HttpFetcher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HttpFetcher.class);

  private final HttpSettings settings;
  private final HttpClient client;
  private final Clock clock;
  private final Sleeper sleeper;
  private final RandomGenerator random;

  /** Reads a response body into a value; may throw {@link BrokenBodyException} to retry. */
  @FunctionalInterface
  public interface BodyReader<T> {
    T read(Fetched response) throws IOException;
  }

  public HttpFetcher(HttpSettings settings, Clock clock, Sleeper sleeper, RandomGenerator random) {
    this.settings = settings;
    this.clock = clock;
    this.sleeper = sleeper;
    this.random = random;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    if (settings.contact() == null) {
      log.warn(
          "no contact configured for remote requests (http.contact): arXiv asks harvesters to"
              + " say whom to contact in the User-Agent");
    }
  }

  /** A fetcher on the system clock that really sleeps. */
  public static HttpFetcher create(HttpSettings settings) {
    return new HttpFetcher(settings, Clock.systemUTC(), Sleeper.REAL, RandomGenerator.getDefault());
  }

  public HttpSettings settings() {
    return settings;
  }

  /** GETs {@code uri} with retries; returns the 2xx response. */
  public Fetched get(URI uri) throws IOException {
    return get(uri, r -> r);
  }

  /**
   * GETs {@code uri} and reads the body with {@code reader}, trying again (per the {@link
   * RetryPolicy}) on connection failures, retryable statuses, and bodies the reader finds broken.
   *
   * @throws HttpStatusException for a status that is not retried, or the last one when tries ran
   *     out
   * @throws BrokenBodyException when the reader found the last body broken
   * @throws RedirectRefusedException for a redirect to another host
   * @throws InterruptedIOException when interrupted while waiting or fetching
   */
  public <T> T get(URI uri, BodyReader<T> reader) throws IOException {
    RetryPolicy policy = settings.retry();
    for (int attempt = 1; ; attempt++) {
      Duration wait;
      IOException failure;
      try {
        Fetched response = once(uri);
        // Only a BrokenBodyException from the reader is retried; its other errors (an OAI-PMH
        // error response, say) are answers, not accidents, and go to the caller at once.
        return reader.read(response);
      } catch (HttpStatusException e) {
        if (!RetryPolicy.retryable(e.status()) || attempt >= policy.maxAttempts()) {
          throw e;
        }
        failure = e;
        wait = e.retryAfter();
        if (wait != null && wait.compareTo(policy.maxRetryAfter()) > 0) {
          throw new HttpStatusException(
              e.uri(),
              e.status(),
              wait,
              "the server asks to wait longer than the configured maximum of "
                  + policy.maxRetryAfter().toSeconds()
                  + " s; try again later");
        }
        if (wait == null) {
          wait = policy.backoff(attempt, random);
        }
      } catch (BrokenBodyException e) {
        if (attempt >= policy.maxAttempts()) {
          throw e;
        }
        failure = e;
        wait = policy.backoff(attempt, random);
      } catch (RedirectRefusedException | InterruptedIOException e) {
        throw e;
      } catch (TransportException e) {
        // Connection refused or reset, a timeout, EOF mid-response: worth another try.
        if (attempt >= policy.maxAttempts()) {
          throw e.getCause();
        }
        failure = e.getCause();
        wait = policy.backoff(attempt, random);
      }
      log.warn(
          "try {} of {} failed ({}); next try in {} ms",
          attempt,
          policy.maxAttempts(),
          failure.getMessage(),
          wait.toMillis());
      sleep(wait);
    }
  }

  /** Wraps a network failure of {@link #once}, to tell it from the reader's exceptions. */
  private static final class TransportException extends IOException {
    private static final long serialVersionUID = 1L;

    TransportException(IOException cause) {
      super(cause);
    }

    @Override
    public synchronized IOException getCause() {
      return (IOException) super.getCause();
    }
  }

  /** One exchange, following same-host redirects; no retries. */
  Fetched once(URI uri) throws IOException {
    URI current = uri;
    for (int redirects = 0; ; redirects++) {
      URI target = current;
      HttpResponse<InputStream> response = transport(() -> send(target));
      int status = response.statusCode();
      if (isRedirect(status)) {
        String location = response.headers().firstValue("Location").orElse(null);
        drain(response);
        if (location == null) {
          throw new HttpStatusException(current, status, null, "a redirect without Location");
        }
        if (redirects >= settings.maxRedirects()) {
          throw new RedirectRefusedException(
              uri, location, "more than " + settings.maxRedirects() + " redirects");
        }
        current = sameHost(current, location);
        continue;
      }
      byte[] body = transport(() -> body(target, response));
      if (status / 100 != 2) {
        throw new HttpStatusException(
            current, status, retryAfter(response.headers()), snippet(body));
      }
      return new Fetched(current, status, response.headers(), body);
    }
  }

  private interface Io<T> {
    T run() throws IOException;
  }

  private static <T> T transport(Io<T> io) throws IOException {
    try {
      return io.run();
    } catch (RedirectRefusedException | HttpStatusException e) {
      throw e;
    } catch (IOException e) {
      if (e.getClass() == InterruptedIOException.class) {
        throw e; // our own "interrupted": stop, do not retry (a SocketTimeoutException is retried)
      }
      throw new TransportException(e);
    }
  }

  private HttpResponse<InputStream> send(URI uri) throws IOException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .GET()
            .timeout(settings.readTimeout())
            .header("User-Agent", settings.userAgent())
            .header("Accept-Encoding", "gzip");
    if ("http".equalsIgnoreCase(uri.getScheme())) {
      b.version(HttpClient.Version.HTTP_1_1); // no h2c upgrade dance on plain http
    }
    CompletableFuture<HttpResponse<InputStream>> f =
        client.sendAsync(b.build(), HttpResponse.BodyHandlers.ofInputStream());
    try {
      return f.get(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while fetching " + uri);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new HttpTimeoutException(
          "GET " + uri + ": no response within " + settings.readTimeout().toSeconds() + " s");
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof HttpTimeoutException t) {
        throw new HttpTimeoutException("GET " + uri + ": " + t.getMessage());
      }
      if (c instanceof ConnectException) {
        ConnectException ce = new ConnectException("GET " + uri + ": cannot connect: " + c);
        ce.initCause(c);
        throw ce;
      }
      if (c instanceof IOException io) {
        throw new IOException("GET " + uri + ": " + io.getMessage(), io);
      }
      throw new IOException("GET " + uri + ": " + c, c);
    }
  }

  private byte[] body(URI uri, HttpResponse<InputStream> response) throws IOException {
    long max = settings.maxBodyBytes();
    Optional<String> length = response.headers().firstValue("Content-Length");
    if (length.isPresent()) {
      try {
        if (Long.parseLong(length.get().strip()) > max) {
          drainQuietly(response);
          throw new IOException(
              "GET " + uri + ": the response is larger than the limit of " + max + " bytes");
        }
      } catch (NumberFormatException e) {
        // ignore a malformed length; the read below is bounded anyway
      }
    }
    boolean gzip =
        response
            .headers()
            .firstValue("Content-Encoding")
            .map(v -> v.strip().toLowerCase(Locale.ROOT).equals("gzip"))
            .orElse(false);
    long deadline = System.nanoTime() + settings.readTimeout().toNanos();
    try (InputStream raw = response.body();
        InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        out.write(buf, 0, n);
        if (out.size() > max) {
          throw new IOException(
              "GET " + uri + ": the response is larger than the limit of " + max + " bytes");
        }
        if (System.nanoTime() > deadline) {
          throw new HttpTimeoutException(
              "GET "
                  + uri
                  + ": the body took longer than "
                  + settings.readTimeout().toSeconds()
                  + " s");
        }
      }
      return out.toByteArray();
    } catch (HttpTimeoutException e) {
      throw e;
    } catch (IOException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("GET ")) {
        throw e;
      }
      throw new IOException("GET " + uri + ": reading the response failed: " + e.getMessage(), e);
    }
  }

  private static void drain(HttpResponse<InputStream> response) throws IOException {
    try (InputStream in = response.body()) {
      in.skip(Long.MAX_VALUE);
    }
  }

  private static void drainQuietly(HttpResponse<InputStream> response) {
    try {
      response.body().close();
    } catch (IOException e) {
      log.debug("closing a refused response failed", e);
    }
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  /** The redirect target when it is on the same host; otherwise refuses it. */
  static URI sameHost(URI from, String location) throws RedirectRefusedException {
    URI to;
    try {
      to = from.resolve(location.strip());
    } catch (IllegalArgumentException e) {
      throw new RedirectRefusedException(from, location, "not a valid URL");
    }
    String fromScheme = lower(from.getScheme());
    String toScheme = lower(to.getScheme());
    if (!toScheme.equals("http") && !toScheme.equals("https")) {
      throw new RedirectRefusedException(from, location, "not an http(s) URL");
    }
    if (to.getHost() == null || !to.getHost().equalsIgnoreCase(from.getHost())) {
      throw new RedirectRefusedException(
          from,
          location,
          "it leads to another host (only the same host " + from.getHost() + " is followed)");
    }
    if (fromScheme.equals("https") && toScheme.equals("http")) {
      throw new RedirectRefusedException(from, location, "it downgrades https to http");
    }
    if (port(from) != port(to) && fromScheme.equals(toScheme)) {
      throw new RedirectRefusedException(from, location, "it leads to another port");
    }
    return to;
  }

  private static String lower(@Nullable String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }

  private static int port(URI u) {
    if (u.getPort() >= 0) {
      return u.getPort();
    }
    return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
  }

  /** The Retry-After header as a wait from now: delay-seconds or an HTTP date. */
  @Nullable Duration retryAfter(HttpHeaders headers) {
    return headers
        .firstValue("Retry-After")
        .map(v -> parseRetryAfter(v, clock.instant()))
        .orElse(null);
  }

  /** RFC 9110, section 10.2.3: {@code Retry-After: 120} or {@code Retry-After: <HTTP-date>}. */
  static @Nullable Duration parseRetryAfter(String value, Instant now) {
    String v = value.strip();
    if (v.isEmpty()) {
      return null;
    }
    if (v.chars().allMatch(Character::isDigit)) {
      try {
        return Duration.ofSeconds(Long.parseLong(v));
      } catch (NumberFormatException e) {
        return null; // absurdly long
      }
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration d = Duration.between(now, at);
      return d.isNegative() ? Duration.ZERO : d;
    } catch (DateTimeParseException e) {
      log.debug("ignoring a Retry-After that is neither seconds nor an HTTP date: {}", v);
      return null;
    }
  }

  private void sleep(Duration d) throws InterruptedIOException {
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry");
    }
  }

  private static String snippet(byte[] body) {
    String s = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8).strip();
    s = s.replaceAll("\\s+", " ");
    return body.length > 300 ? s + "..." : s;
  }

  @Override
  public void close() {
    client.close();
  }
}
