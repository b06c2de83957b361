package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.core.paper.PaperStore;
import dev.paperboy.core.search.SearchIndex;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Starts a server on a free loopback port and talks HTTP to it (java.net.http). */
final class WebTestSupport implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  final WebServer.Running server;
  final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  WebTestSupport(WebConfig config, PaperStore store, SearchIndex index, Clock clock) {
    server =
        new WebServer(config.withHost("127.0.0.1").withPort(0), store, index, clock, registry)
            .start();
  }

  static WebTestSupport fixture() {
    var store = Fixture.store();
    return new WebTestSupport(WebConfig.defaults(), store, Fixture.index(store), Fixture.CLOCK);
  }

  URI uri(String pathAndQuery) {
    return URI.create(server.uri() + pathAndQuery);
  }

  HttpResponse<String> get(String pathAndQuery) {
    return get(pathAndQuery, Map.of());
  }

  HttpResponse<String> get(String pathAndQuery, Map<String, String> headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(20)).GET();
    headers.forEach(b::header);
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A HEAD request: the status and headers GET would answer, without the content. */
  HttpResponse<String> head(String pathAndQuery) {
    HttpRequest request =
        HttpRequest.newBuilder(uri(pathAndQuery))
            .timeout(Duration.ofSeconds(20))
            .method("HEAD", HttpRequest.BodyPublishers.noBody())
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> post(String path) {
    HttpRequest request =
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(20))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends one request line over a socket, as a client that does not check URLs would. */
  String raw(String requestLine) {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      String request = requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
      socket
          .getOutputStream()
          .write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      return new String(
          socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** GETs a page that must answer {@code status}, parsed as HTML. */
  Document page(String path, int status) {
    HttpResponse<String> r = get(path);
    assertThat(r.statusCode()).as("status of " + path + ": " + r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/html");
    return Jsoup.parse(r.body(), server.uri() + path);
  }

  /** GETs JSON that must answer {@code status}. */
  JsonNode json(String path, int status) {
    HttpResponse<String> r = get(path);
    assertThat(r.statusCode()).as("status of " + path + ": " + r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .as(path)
        .startsWith("application/json");
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON from " + path + ": " + r.body(), e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
