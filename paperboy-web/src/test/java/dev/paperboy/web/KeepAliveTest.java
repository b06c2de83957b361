package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A kept-alive connection after a request whose body no handler read: either the next request on it
 * is answered, or the response said {@code Connection: close}. Never a connection closed silently,
 * which a client would reuse and get no response from.
 *
 * <p>The client is a raw socket: it sends the headers, then the body in a separate write a little
 * later, while already reading the response. That is what Java's HttpClient does in a hurry, and
 * the server answering before the body arrives is the race that made {@link WebSecurityTest} flaky.
 * Without {@link KeepAlive} the first test fails every time.
 */
class KeepAliveTest {
  /** Long enough for the server to answer before the body arrives, unless it waits for it. */
  static final long BODY_DELAY_MILLIS = 200;

  static final byte[] SMALL_JSON = "{\"x\":1}".getBytes(StandardCharsets.US_ASCII);

  Javalin app;

  @BeforeEach
  void start() {
    ErrorHandling errors =
        new ErrorHandling(new Templates(), new ObjectMapper(), new WebSecurity(null, false));
    app =
        Javalin.create(
                cfg -> {
                  cfg.startup.showJavalinBanner = false;
                  errors.register(cfg.routes);
                  KeepAlive.register(cfg.routes);
                  cfg.routes.before(
                      "/api/refused",
                      ctx -> {
                        throw Refused.forbidden("refused before the body was read");
                      });
                  cfg.routes.post("/api/refused", ctx -> ctx.result("never"));
                  cfg.routes.post("/api/ignores", ctx -> ctx.result("did not read the body"));
                  cfg.routes.post(
                      "/api/reads", ctx -> ctx.result("read " + ctx.body().length() + " bytes"));
                  cfg.routes.get("/api/next", ctx -> ctx.result("next"));
                })
            .start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    app.stop();
  }

  @Test
  void aSmallBodyTheHandlerDidNotReadKeepsTheConnection() throws Exception {
    Exchange e = exchange(post("/api/ignores", "", SMALL_JSON.length), SMALL_JSON);
    assertThat(e.first.status).isEqualTo(200);
    assertThat(e.first.body).isEqualTo("did not read the body");
    assertThat(e.first.header("Connection")).isNull();
    assertThat(e.next).as("the next request on the same connection").isNotNull();
    assertThat(e.next.status).isEqualTo(200);
    assertThat(e.next.body).isEqualTo("next");
  }

  @Test
  void aRefusalBeforeTheBodyWasReadKeepsTheConnection() throws Exception {
    Exchange e = exchange(post("/api/refused", "", SMALL_JSON.length), SMALL_JSON);
    assertThat(e.first.status).isEqualTo(403);
    assertThat(e.first.body).contains("refused before the body was read");
    assertThat(e.next).as("the next request on the same connection").isNotNull();
    assertThat(e.next.status).isEqualTo(200);
  }

  @Test
  void aSmallChunkedBodyTheHandlerDidNotReadKeepsTheConnection() throws Exception {
    byte[] chunked = "7\r\n{\"x\":1}\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    Exchange e = exchange(post("/api/ignores", "Transfer-Encoding: chunked\r\n", -1), chunked);
    assertThat(e.first.status).isEqualTo(200);
    assertThat(e.next).as("the next request on the same connection").isNotNull();
    assertThat(e.next.status).isEqualTo(200);
  }

  @Test
  void aBodyThatWasReadLeavesNothingToDo() throws Exception {
    Exchange e = exchange(post("/api/reads", "", SMALL_JSON.length), SMALL_JSON);
    assertThat(e.first.body).isEqualTo("read 7 bytes");
    assertThat(e.next).isNotNull();
    assertThat(e.next.status).isEqualTo(200);
  }

  @Test
  void aLargeUnreadBodyIsNotReadButTheResponseSaysConnectionClose() throws Exception {
    byte[] large = new byte[(int) KeepAlive.DRAIN_LIMIT * 3];
    Arrays.fill(large, (byte) 'a');
    Exchange refused = exchange(post("/api/refused", "", large.length), large);
    assertThat(refused.first.status).isEqualTo(403);
    assertThat(refused.first.header("Connection")).isEqualToIgnoringCase("close");
    Exchange ignored = exchange(post("/api/ignores", "", large.length), large);
    assertThat(ignored.first.status).isEqualTo(200);
    assertThat(ignored.first.header("Connection")).isEqualToIgnoringCase("close");
  }

  @Test
  void aBodyAwaitingOneHundredContinueIsNotAskedForAndTheResponseSaysConnectionClose()
      throws Exception {
    try (Socket s = new Socket("127.0.0.1", app.port())) {
      s.setSoTimeout(5000);
      OutputStream out = s.getOutputStream();
      out.write(
          post("/api/refused", "Expect: 100-continue\r\n", SMALL_JSON.length)
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      // The client waits for "100 Continue" before sending the body; it must get the refusal.
      Response r = read(new BufferedInputStream(s.getInputStream()));
      assertThat(r.status).isEqualTo(403);
      assertThat(r.header("Connection")).isEqualToIgnoringCase("close");
    }
  }

  static String post(String path, String headers, long contentLength) {
    return "POST "
        + path
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + headers
        + (contentLength >= 0 ? "Content-Length: " + contentLength + "\r\n" : "")
        + "\r\n";
  }

  /**
   * The first response, and the response to a GET sent next on the same connection: null when the
   * first said {@code Connection: close} (nothing more may be sent), and a failure when the
   * connection was closed without saying so.
   */
  record Exchange(Response first, @Nullable Response next) {}

  Exchange exchange(String head, byte[] body) throws Exception {
    try (Socket s = new Socket("127.0.0.1", app.port())) {
      s.setSoTimeout(5000);
      s.setTcpNoDelay(true);
      OutputStream out = s.getOutputStream();
      InputStream in = new BufferedInputStream(s.getInputStream());
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      // The body follows later, from another thread: the server may answer meanwhile (or, for a
      // large body, close while we still send), and we must be reading then.
      Thread writer =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      Thread.sleep(BODY_DELAY_MILLIS);
                      out.write(body);
                      out.flush();
                    } catch (IOException | InterruptedException e) {
                      // The server closed after saying Connection: close; asserted on below.
                    }
                  });
      Response first = read(in);
      writer.join(10_000);
      if ("close".equalsIgnoreCase(first.header("Connection"))) {
        return new Exchange(first, null);
      }
      Thread.sleep(50);
      Response next;
      try {
        out.write(
            "GET /api/next HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        next = read(in);
      } catch (IOException e) {
        throw new AssertionError(
            "the server closed a kept-alive connection after "
                + first.status
                + " without Connection: close ("
                + e
                + ")",
            e);
      }
      return new Exchange(first, next);
    }
  }

  record Response(int status, Map<String, String> headers, String body) {
    @Nullable String header(String name) {
      return headers.get(name);
    }
  }

  /** Reads one HTTP/1.1 response: status line, headers, and a Content-Length or chunked body. */
  static Response read(InputStream in) throws IOException {
    String statusLine = line(in);
    if (statusLine.isEmpty()) {
      throw new EOFException("the connection ended before a response (no bytes)");
    }
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String h = line(in); !h.isEmpty(); h = line(in)) {
      int colon = h.indexOf(':');
      headers.put(h.substring(0, colon).strip(), h.substring(colon + 1).strip());
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (headers.containsKey("Content-Length")) {
      body.write(in.readNBytes(Integer.parseInt(headers.get("Content-Length"))));
    } else if ("chunked".equalsIgnoreCase(headers.get("Transfer-Encoding"))) {
      for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
        body.write(in.readNBytes(size));
        line(in);
      }
      line(in);
    }
    return new Response(status, headers, body.toString(StandardCharsets.UTF_8));
  }

  private static int chunkSize(InputStream in) throws IOException {
    return Integer.parseInt(line(in).split(";")[0].strip(), 16);
  }

  /** One CRLF-terminated line without its CRLF; empty at the end of the stream. */
  private static String line(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
      if (c != '\r') {
        b.append((char) c);
      }
    }
    return b.toString();
  }
}
