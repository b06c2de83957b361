package dev.paperboy.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a kept-alive connection usable after a request whose body no handler read, or else makes
 * the response say {@code Connection: close}. Without it a client could reuse a connection the
 * server had already closed, and its next request fail with no response at all.
 *
 * <p>Why it is needed (Jetty 12.1, ee10 servlets, which Javalin 7 runs on): HTTP/1.1 frames
 * requests back to back on one connection, so the unread rest of a body would be parsed as the next
 * request; a server that does not read it must close the connection, and then must say so in its
 * response (RFC 9112 sections 9.3 and 9.6). Jetty reads, without waiting, whatever of the body has
 * arrived when the handler returns; if that is not all of it, it marks the connection
 * non-persistent. That check runs before the response is committed only when the application set a
 * status explicitly: Javalin leaves the default 200 unset, the core response reports it as 0, and
 * Jetty's {@code ServletChannel} skips its check for a status below 200. The response then goes out
 * as keep-alive, Jetty finds the unread body only afterwards and closes the connection silently. A
 * client that sends the headers and the body in separate writes (Java's HttpClient does) hits this
 * whenever the server answers before the body arrives: a race, seen as a flaky "header parser
 * received no bytes" on the next request.
 *
 * <p>So after every request (a Javalin after-handler, which runs after exception handlers too):
 *
 * <ol>
 *   <li>a body no handler read, up to {@link #DRAIN_LIMIT} bytes, is read and discarded, waiting
 *       for it if need be (as Tomcat's {@code maxSwallowSize} does): the connection stays usable. A
 *       body sent with {@code Expect: 100-continue} is not asked for; Jetty closes that connection
 *       with {@code Connection: close} itself;
 *   <li>the status is set explicitly, so that a larger body, or one cut short, gets Jetty's own
 *       handling: {@code Connection: close} in the response and the connection closed after it.
 * </ol>
 */
final class KeepAlive {
  private static final Logger LOG = LoggerFactory.getLogger(KeepAlive.class);

  /**
   * The largest unread body read and discarded to keep the connection. Our forms and JSON bodies
   * are a few kilobytes; a larger one costs the client a new connection instead of our reading it.
   */
  static final long DRAIN_LIMIT = 64 * 1024;

  private KeepAlive() {}

  /** Adds the after-handler to {@code routes}; register it on every app (tests too). */
  static void register(RoutesConfig routes) {
    routes.after(KeepAlive::afterRequest);
  }

  static void afterRequest(Context ctx) {
    HttpServletRequest req = ctx.req();
    HttpServletResponse res = ctx.res();
    drainUnreadBody(req);
    if (!res.isCommitted()) {
      // The servlet API reports an unset status as 200; setting it makes Jetty see it too.
      res.setStatus(res.getStatus());
    }
  }

  private static void drainUnreadBody(HttpServletRequest req) {
    long declared = req.getContentLengthLong();
    boolean chunked = req.getHeader("Transfer-Encoding") != null;
    if (declared <= 0 && !chunked) {
      return;
    }
    if (declared > DRAIN_LIMIT || expectsContinue(req)) {
      return;
    }
    try {
      ServletInputStream in = req.getInputStream();
      if (in.isFinished()) {
        return;
      }
      byte[] buffer = new byte[8192];
      long read = 0;
      // Stops once past the limit: the rest of a longer chunked body is left to Jetty.
      while (read <= DRAIN_LIMIT) {
        int n = in.read(buffer);
        if (n < 0) {
          return;
        }
        read += n;
      }
    } catch (IOException | RuntimeException e) {
      // Best effort: the body was read through getReader() (IllegalStateException), or the client
      // stopped sending or went away (an IOException, or Jetty's BadMessageException for an early
      // end). Jetty closes such a connection itself; answering with a 500 would only add noise.
      LOG.debug("cannot read the rest of an unread request body: {}", e.toString());
    }
  }

  private static boolean expectsContinue(HttpServletRequest req) {
    String expect = req.getHeader("Expect");
    return expect != null && expect.toLowerCase(Locale.ROOT).contains("100-continue");
  }
}
