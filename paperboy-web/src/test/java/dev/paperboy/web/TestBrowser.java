package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** A browser for HTTP tests: its own cookie jar, forms with their CSRF token. */
final class TestBrowser {
  final URI base;
  final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  TestBrowser(URI base) {
    this.base = base;
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  Document page(String path) {
    HttpResponse<String> r = get(path);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return Jsoup.parse(r.body(), uri(path).toString());
  }

  /** The CSRF token of the first form on {@code path}. */
  String csrf(String path) {
    Element input = page(path).selectFirst("input[name=_csrf]");
    assertThat(input).as("a CSRF field on " + path).isNotNull();
    return input.attr("value");
  }

  /** Posts a form; {@code fields} may include {@code _csrf}. */
  HttpResponse<String> post(String path, Map<String, String> fields) {
    String body =
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Posts a form with the CSRF token of the page {@code from}. */
  HttpResponse<String> submit(String from, String path, Map<String, String> fields) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.put("_csrf", csrf(from));
    return post(path, all);
  }

  /** Signs in through the link {@code mail} received (the two steps a person takes). */
  HttpResponse<String> followSignInLink(String link) {
    String path = link.substring(link.indexOf("/signin/confirm"));
    Document confirm = page(path);
    Map<String, String> fields = new LinkedHashMap<>();
    for (Element input : confirm.select("form[action=/signin/confirm] input")) {
      fields.put(input.attr("name"), input.attr("value"));
    }
    return post("/signin/confirm", fields);
  }

  HttpResponse<String> send(HttpRequest.Builder b) {
    try {
      return http.send(
          b.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  URI uri(String path) {
    return URI.create(base + path);
  }
}
