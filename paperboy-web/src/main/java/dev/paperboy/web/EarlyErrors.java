package dev.paperboy.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * Jetty's answers to requests it rejects before any route sees them (a path with malformed
 * percent-encoding such as {@code /papers/%FF}, header fields over the size limit), in the site's
 * own form: the error page for pages, the API's JSON error for the API, with the security headers
 * every other response carries. Jetty's default page was ISO-8859-1 HTML that echoed the URI and
 * had no Content-Security-Policy or nosniff.
 */
final class EarlyErrors extends ErrorHandler {
  private final ErrorHandling errors;

  EarlyErrors(ErrorHandling errors) {
    this.errors = errors;
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      @Nullable String message,
      @Nullable Throwable cause,
      Callback callback)
      throws IOException {
    var headers = response.getHeaders();
    headers.put("Content-Security-Policy", WebServer.CONTENT_SECURITY_POLICY);
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put(HttpHeader.CACHE_CONTROL, "no-store");
    String reason =
        message == null || message.isBlank()
            ? "The request could not be understood."
            : "The request could not be understood: " + message + ".";
    ErrorHandling.Rendered r = errors.render(pathOf(request), code, "Bad request", reason);
    headers.put(HttpHeader.CONTENT_TYPE, r.contentType());
    if (request.getMethod().equals("HEAD")) {
      response.write(true, null, callback);
    } else {
      response.write(true, ByteBuffer.wrap(r.body().getBytes(StandardCharsets.UTF_8)), callback);
    }
  }

  /** The request's path as sent (still percent-encoded): only its prefix is looked at. */
  private static String pathOf(Request request) {
    String path = request.getHttpURI().getPath();
    return path == null ? "/" : path;
  }
}
