package dev.paperboy.ingest.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP server on a loopback port that answers with scripted replies (fixtures) and records what
 * it was asked, for tests of the remote sources. Uses the JDK's {@code com.sun.net.httpserver}.
 */
public final class LocalServer implements AutoCloseable {

  /** A request as received. */
  public record Request(String method, String path, @Nullable String query, Headers headers) {
    /** A query parameter's decoded value, or null. */
    public @Nullable String param(String name) {
      if (query == null) {
        return null;
      }
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        String k = eq < 0 ? pair : pair.substring(0, eq);
        if (k.equals(name)) {
          return eq < 0
              ? ""
              : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        }
      }
      return null;
    }
  }

  /** A reply: status, headers, body. */
  public record Reply(int status, Map<String, String> headers, byte[] body) {
    public static Reply ok(String contentType, String body) {
      return new Reply(
          200, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8));
    }

    public static Reply xml(String body) {
      return ok("text/xml; charset=utf-8", body);
    }

    public static Reply status(int status, Map<String, String> headers) {
      return new Reply(status, headers, ("status " + status).getBytes(StandardCharsets.UTF_8));
    }
  }

  private final HttpServer server;
  private final String host;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch closed = new CountDownLatch(1);

  private LocalServer(HttpServer server, String host) {
    this.server = server;
    this.host = host;
  }

  /** Starts a server on 127.0.0.1 and a free port; URIs name the host {@code 127.0.0.1}. */
  public static LocalServer start() {
    return start("127.0.0.1");
  }

  /**
   * Starts a server on 127.0.0.1 whose URIs use {@code hostName} ({@code localhost} gives a second
   * "host" on the same loopback address, for redirect tests).
   */
  public static LocalServer start(String hostName) {
    try {
      HttpServer s =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      s.start();
      return new LocalServer(s, hostName);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Answers requests under {@code path} with {@code handler}. */
  public LocalServer on(String path, Function<Request, Reply> handler) {
    server.createContext(
        path,
        exchange -> {
          try {
            Request r =
                new Request(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders());
            requests.add(r);
            reply(exchange, handler.apply(r));
          } catch (RuntimeException e) {
            reply(exchange, Reply.status(599, Map.of()));
          } finally {
            exchange.close();
          }
        });
    return this;
  }

  /**
   * Sends headers announcing {@code length} bytes, then only the first {@code sent} of them, and
   * holds the connection open until the server closes: a server that stalls mid-body.
   */
  public LocalServer stallBody(String path, int length, int sent) {
    server.createContext(
        path,
        exchange -> {
          try {
            requests.add(
                new Request(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders()));
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(200, length);
            OutputStream out = exchange.getResponseBody();
            out.write(new byte[sent]);
            out.flush();
            closed.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            exchange.close();
          }
        });
    return this;
  }

  private static void reply(HttpExchange exchange, Reply reply) throws IOException {
    reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    exchange.sendResponseHeaders(
        reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
    if (reply.body().length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(reply.body());
      }
    }
  }

  public URI uri(String pathAndQuery) {
    return URI.create("http://" + host + ":" + server.getAddress().getPort() + pathAndQuery);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public List<Request> requests() {
    return new ArrayList<>(requests);
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
  }

  /** A sleeper that records the waits and does not sleep. */
  public static final class RecordingSleeper implements Sleeper {
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration d) {
      waits.add(d);
    }

    public List<Duration> waits() {
      return new ArrayList<>(waits);
    }
  }
}
