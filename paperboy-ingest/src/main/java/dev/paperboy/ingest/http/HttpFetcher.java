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
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
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
 *   <li>Timeouts: {@link HttpSettings#connectTimeout()} to connect, and {@link
 *       HttpSettings#readTimeout()} as a deadline for the whole exchange of one try (connect,
 *       headers, body, same-host redirects): a body that stalls is abandoned at the deadline.
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

  /**
   * One exchange, following same-host redirects; no retries. The whole of it (connect, headers,
   * body, and any redirects) must finish within {@link HttpSettings#readTimeout()}: the JDK's
   * request timeout alone stops at the headers, and a server that sends them and then stalls the
   * body would otherwise hold the caller until the server gave up.
   */
  Fetched once(URI uri) throws IOException {
    long deadline = System.nanoTime() + settings.readTimeout().toNanos();
    URI current = uri;
    for (int redirects = 0; ; redirects++) {
      URI target = current;
      HttpResponse<byte[]> response = transport(() -> send(target, deadline));
      int status = response.statusCode();
      if (isRedirect(status)) {
        String location = response.headers().firstValue("Location").orElse(null);
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
      byte[] body = transport(() -> decode(target, response));
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

  /**
   * Sends the request and receives the whole (still encoded) body by {@code deadline} ({@link
   * System#nanoTime()}); past it the exchange is cancelled, which closes its connection.
   */
  private HttpResponse<byte[]> send(URI uri, long deadline) throws IOException {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw timeout(uri);
    }
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .GET()
            .timeout(Duration.ofNanos(left))
            .header("User-Agent", settings.userAgent())
            .header("Accept-Encoding", "gzip");
    if ("http".equalsIgnoreCase(uri.getScheme())) {
      b.version(HttpClient.Version.HTTP_1_1); // no h2c upgrade dance on plain http
    }
    BoundedBody handler = new BoundedBody(uri, settings.maxBodyBytes());
    CompletableFuture<HttpResponse<byte[]>> f = client.sendAsync(b.build(), handler);
    try {
      return f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      abandon(f, handler);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while fetching " + uri);
    } catch (TimeoutException e) {
      abandon(f, handler);
      throw timeout(uri);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof HttpTimeoutException) {
        throw timeout(uri);
      }
      if (c instanceof ConnectException) {
        ConnectException ce = new ConnectException("GET " + uri + ": cannot connect: " + c);
        ce.initCause(c);
        throw ce;
      }
      if (c instanceof IOException io) {
        if (io.getMessage() != null && io.getMessage().startsWith("GET ")) {
          throw new IOException(io.getMessage(), io); // already says where (the size limit)
        }
        throw new IOException("GET " + uri + ": " + io.getMessage(), io);
      }
      throw new IOException("GET " + uri + ": " + c, c);
    }
  }

  private HttpTimeoutException timeout(URI uri) {
    return new HttpTimeoutException(
        "GET "
            + uri
            + ": no whole response within "
            + settings.readTimeout().toSeconds()
            + " s (the limit for connecting, the headers and the body together)");
  }

  /**
   * Gives up on an exchange: cancels the body subscription (for HTTP/1.1 the client then closes the
   * connection) and the future, so nothing keeps reading for an answer nobody waits for.
   */
  private static void abandon(CompletableFuture<?> f, BoundedBody handler) {
    handler.cancel();
    f.cancel(true);
  }

  /** Decompresses a gzip body (RFC 9110, section 8.4), within the size limit. */
  private byte[] decode(URI uri, HttpResponse<byte[]> response) throws IOException {
    boolean gzip =
        response
            .headers()
            .firstValue("Content-Encoding")
            .map(v -> v.strip().toLowerCase(Locale.ROOT).equals("gzip"))
            .orElse(false);
    if (!gzip) {
      return response.body();
    }
    long max = settings.maxBodyBytes();
    try (InputStream in =
        new GZIPInputStream(new java.io.ByteArrayInputStream(response.body()), 1 << 16)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        out.write(buf, 0, n);
        if (out.size() > max) {
          throw tooLarge(uri, max);
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("GET ")) {
        throw e;
      }
      throw new IOException("GET " + uri + ": reading the response failed: " + e.getMessage(), e);
    }
  }

  private static IOException tooLarge(URI uri, long max) {
    return new IOException(
        "GET " + uri + ": the response is larger than the limit of " + max + " bytes");
  }

  /**
   * Collects a body of at most {@code max} bytes: a larger announced {@code Content-Length}, or
   * more bytes than that arriving, fails the exchange instead of filling the memory.
   */
  private static final class BoundedBody implements HttpResponse.BodyHandler<byte[]> {
    private final URI uri;
    private final long max;
    private volatile Flow.@Nullable Subscription subscription;
    private volatile boolean cancelled;

    BoundedBody(URI uri, long max) {
      this.uri = uri;
      this.max = max;
    }

    void cancel() {
      cancelled = true;
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
    }

    @Override
    public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
      OptionalLong length = info.headers().firstValueAsLong("Content-Length");
      boolean announcedTooLarge;
      try {
        announcedTooLarge = length.isPresent() && length.getAsLong() > max;
      } catch (NumberFormatException e) {
        announcedTooLarge = false; // a malformed length: the read below is bounded anyway
      }
      boolean refuse = announcedTooLarge;
      CompletableFuture<byte[]> result = new CompletableFuture<>();
      return new HttpResponse.BodySubscriber<>() {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        @Override
        public CompletionStage<byte[]> getBody() {
          return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
          subscription = s;
          if (refuse || cancelled) {
            s.cancel();
            result.completeExceptionally(tooLarge(uri, max));
            return;
          }
          s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
          for (ByteBuffer item : items) {
            if (out.size() + (long) item.remaining() > max) {
              Flow.Subscription s = subscription;
              if (s != null) {
                s.cancel();
              }
              result.completeExceptionally(tooLarge(uri, max));
              return;
            }
            byte[] chunk = new byte[item.remaining()];
            item.get(chunk);
            out.writeBytes(chunk);
          }
        }

        @Override
        public void onError(Throwable t) {
          result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
          result.complete(out.toByteArray());
        }
      };
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
