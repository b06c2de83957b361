package dev.paperboy.app.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser stand-in for tests: keeps cookies itself (the site's public URL is https, so its
 * cookies are {@code Secure}, which {@link java.net.CookieManager} would not send over the test's
 * plain http), does not follow redirects, and reads the CSRF token of the last page.
 */
final class WebClient {
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final String base;
  final Map<String, String> cookies = new LinkedHashMap<>();
  String lastCsrf = "";

  WebClient(URI base) {
    this.base = base.toString();
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return keep(http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString()));
  }

  /** A form POST with this client's cookies; {@code _csrf} is added when {@code withCsrf}. */
  HttpResponse<String> post(String path, Map<String, List<String>> form, boolean withCsrf)
      throws IOException, InterruptedException {
    Map<String, List<String>> all = new LinkedHashMap<>(form);
    if (withCsrf) {
      all.put("_csrf", List.of(lastCsrf));
    }
    String body =
        all.entrySet().stream()
            .flatMap(
                e ->
                    e.getValue().stream()
                        .map(
                            v ->
                                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                                    + "="
                                    + URLEncoder.encode(v, StandardCharsets.UTF_8)))
            .collect(Collectors.joining("&"));
    return keep(
        http.send(
            request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString()));
  }

  static Map<String, List<String>> form(String... kv) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.computeIfAbsent(kv[i], k -> new java.util.ArrayList<>()).add(kv[i + 1]);
    }
    return m;
  }

  /** A POST without any cookie or token, as a mail client's one-click unsubscribe sends it. */
  HttpResponse<String> bare(String path, String body) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    if (!cookies.isEmpty()) {
      b.header(
          "Cookie",
          cookies.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("; ")));
    }
    return b;
  }

  private HttpResponse<String> keep(HttpResponse<String> r) {
    for (String c : r.headers().allValues("Set-Cookie")) {
      String pair = c.split(";", 2)[0];
      int eq = pair.indexOf('=');
      String name = pair.substring(0, eq).strip();
      String value = pair.substring(eq + 1).strip();
      if (value.isEmpty()) {
        cookies.remove(name);
      } else {
        cookies.put(name, value);
      }
    }
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(r.body());
    if (m.find()) {
      lastCsrf = m.group(1);
    }
    return r;
  }

  /** The path and query of an absolute URL on the public site, to ask the local server. */
  static String local(String url) {
    URI u = URI.create(url);
    return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
  }
}
