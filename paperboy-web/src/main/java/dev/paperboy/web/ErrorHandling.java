package dev.paperboy.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paperboy.web.view.Views;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become responses. A bad parameter is 400, something that does not
 * exist is 404, anything unexpected is 500 with an incident id in the log and none of its details
 * in the response. API paths answer JSON ({@code {"error": ..., "parameter": ...}}), feeds plain
 * text, pages an HTML page.
 */
final class ErrorHandling {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorHandling.class);

  private final Templates templates;
  private final ObjectMapper mapper;
  private final WebSecurity security;

  ErrorHandling(Templates templates, ObjectMapper mapper, WebSecurity security) {
    this.templates = templates;
    this.mapper = mapper;
    this.security = security;
  }

  void register(RoutesConfig routes) {
    routes.exception(
        BadRequest.class,
        (e, ctx) -> respond(ctx, 400, "Bad request", e.getMessage(), e.parameter()));
    routes.exception(
        Refused.class,
        (e, ctx) -> {
          if (e.retryAfterSeconds() > 0) {
            // RFC 9110 section 10.2.3: how many seconds to wait before trying again.
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
          }
          String heading =
              switch (e.status()) {
                case 401 -> "Sign in required";
                case 403 -> "Not allowed";
                case 409 -> "Not possible";
                case 429 -> "Too many requests";
                case 503 -> "Unavailable";
                default -> "Refused";
              };
          respond(ctx, e.status(), heading, e.getMessage(), null);
        });
    routes.exception(
        AccountRoutes.MailUnavailable.class,
        (e, ctx) -> {
          ctx.header("Retry-After", "300");
          respond(ctx, 503, "Mail is unavailable", e.getMessage(), null);
        });
    routes.exception(
        NotFound.class, (e, ctx) -> respond(ctx, 404, "Not found", e.getMessage(), null));
    routes.exception(
        HttpResponseException.class,
        (e, ctx) -> {
          int status = e.getStatus();
          if (status == 405) {
            ctx.header("Allow", allow(e.getDetails().values()));
          }
          String name = HttpStatus.forStatus(status).getMessage();
          String heading =
              name.isEmpty()
                  ? "Error"
                  : name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
          String message =
              status == 404
                  ? "There is no page at " + ctx.path() + "."
                  : status == 405
                      ? "This address does not accept "
                          + ctx.method()
                          + " requests, only "
                          + allow(e.getDetails().values())
                          + "."
                      : heading + ".";
          respond(ctx, status, heading, message, null);
        });
    routes.exception(Exception.class, (e, ctx) -> unexpected(ctx, e));
    // An unmatched route ends here with an empty body; handlers' own 404s already have one.
    routes.error(
        404,
        ctx -> {
          if (ctx.result() == null || ctx.result().isEmpty()) {
            respond(ctx, 404, "Not found", "There is no page at " + ctx.path() + ".", null);
          }
        });
  }

  /**
   * The {@code Allow} header of a 405 (RFC 9110 section 15.5.6: the server must send one) from the
   * methods Javalin found for the path, which it hands over as one comma-separated detail ("GET,
   * HEAD"), keyed differently for HTML and JSON clients. HEAD goes with GET: every GET route has a
   * HEAD route (WebServer.answerHeadLikeGet), and RFC 9110 section 9.3.2 says HEAD answers as GET
   * would.
   */
  static String allow(java.util.Collection<String> details) {
    java.util.Set<String> methods = new java.util.TreeSet<>();
    for (String detail : details) {
      for (String m : detail.split(",")) {
        String method = m.strip().toUpperCase(java.util.Locale.ROOT);
        if (method.matches("[A-Z]+")) {
          methods.add(method);
        }
      }
    }
    if (methods.contains("GET")) {
      methods.add("HEAD");
    }
    return String.join(", ", methods);
  }

  void unexpected(Context ctx, Throwable e) {
    String incident = UUID.randomUUID().toString().substring(0, 8);
    LOG.error("incident {}: {} {} failed", incident, ctx.method(), ctx.path(), e);
    respond(
        ctx,
        500,
        "Something went wrong",
        "The server could not answer this request (incident " + incident + ", in the server log).",
        null);
  }

  void respond(
      Context ctx, int status, String heading, String message, @Nullable String parameter) {
    ctx.status(status);
    ctx.header("Cache-Control", "no-store");
    Rendered answer =
        render(ctx.path(), status, heading, message, parameter, () -> safeViewer(ctx));
    ctx.contentType(answer.contentType());
    ctx.result(answer.body());
  }

  /** A response body and its media type. */
  record Rendered(String contentType, String body) {}

  /**
   * The error answer for {@code path} without a request context (Jetty's own rejections, {@link
   * EarlyErrors}), as an anonymous reader sees it.
   */
  Rendered render(String path, int status, String heading, String message) {
    return render(
        path, status, heading, message, null, () -> dev.paperboy.web.view.Viewer.READ_ONLY);
  }

  /**
   * The error answer in the form the path's clients read: the API's JSON error, plain text for
   * feeds, static files and metrics, else the site's error page for {@code viewer}.
   */
  private Rendered render(
      String path,
      int status,
      String heading,
      String message,
      @Nullable String parameter,
      Supplier<dev.paperboy.web.view.Viewer> viewer) {
    try {
      if (isJson(path)) {
        ObjectNode body = mapper.createObjectNode();
        body.put("error", message);
        if (parameter != null) {
          body.put("parameter", parameter);
        }
        body.put("status", status);
        return new Rendered("application/json; charset=utf-8", mapper.writeValueAsString(body));
      }
      if (path.startsWith("/feeds/") || path.startsWith("/static/") || path.equals("/metrics")) {
        return new Rendered(
            "text/plain; charset=utf-8", status + " " + heading + ": " + message + "\n");
      }
      Views.PageMeta meta = Views.PageMeta.of(heading, message, "none").withViewer(viewer.get());
      return new Rendered(
          "text/html; charset=utf-8",
          templates.render("error.jte", new Views.ErrorView(meta, status, heading, message)));
    } catch (Exception | Error failure) {
      // Rendering the error itself failed: answer in the plainest way, still without details.
      LOG.error("cannot render the {} response for {}", status, path, failure);
      return new Rendered("text/plain; charset=utf-8", status + " " + heading + "\n");
    }
  }

  private dev.paperboy.web.view.Viewer safeViewer(Context ctx) {
    try {
      return security.viewer(ctx);
    } catch (RuntimeException e) {
      return dev.paperboy.web.view.Viewer.READ_ONLY;
    }
  }

  static boolean isJson(String path) {
    return path.startsWith("/api/")
        || path.equals("/api")
        || path.startsWith("/.well-known/")
        || path.equals("/health");
  }
}
