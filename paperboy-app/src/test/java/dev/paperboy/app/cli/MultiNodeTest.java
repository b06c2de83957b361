package dev.paperboy.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.app.config.Config;
import dev.paperboy.core.jobs.Lease;
import dev.paperboy.store.Database;
import dev.paperboy.store.JdbcLeases;
import dev.paperboy.store.PostgresCluster;
import dev.paperboy.store.PostgresExtension;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two app nodes ({@code serve}, each with its own data directory and connection pool, as two
 * processes behind a load balancer would be) on one PostgreSQL store: nothing a user does depends
 * on which node answers, and the scheduled jobs run on one node at a time.
 */
@ExtendWith(PostgresExtension.class)
class MultiNodeTest {
  @TempDir Path dirA;
  @TempDir Path dirB;

  /** The public URL both nodes are reached by (the load balancer's). */
  static final String PUBLIC = "http://papers.test";

  private static Config node(Path dir, String url, String name) {
    return Config.load(
        dir,
        null,
        Map.of(),
        Map.of(
            "server.port",
            "0",
            "server.base.url",
            PUBLIC,
            "store.url",
            url,
            "store.user",
            PostgresCluster.USER,
            "search.semantic",
            "false",
            "node.name",
            name,
            "jobs.lease.ttl",
            "30s"));
  }

  @Test
  void aSignInMadeOnOneNodeWorksOnTheOther(PostgresCluster pg) throws Exception {
    String url = pg.createDatabase();
    try (ServeCommand.Served a = ServeCommand.open(node(dirA, url, "web-a"));
        ServeCommand.Served b = ServeCommand.open(node(dirB, url, "web-b"))) {
      Browser browser = new Browser();
      // Each node's own address (its uri() is the public one).
      URI nodeA = URI.create("http://127.0.0.1:" + a.web().port());
      URI nodeB = URI.create("http://127.0.0.1:" + b.web().port());

      // The sign-in form and the CSRF token come from node A, the request goes to node B.
      String csrf = browser.csrf(nodeA, "/signin");
      HttpResponse<String> sent =
          browser.post(nodeB, "/signin", Map.of("email", "ada@example.org", "_csrf", csrf));
      assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
      assertThat(sent.body()).contains("Check your inbox");

      // Node B mailed the link (mail without SMTP lands in its data directory).
      String link = signInLink(dirB.resolve("mail"));
      assertThat(link).startsWith(PUBLIC + "/signin/confirm?token=");
      String path = link.substring(PUBLIC.length());

      // The link is opened on node A, and the confirmation posted to node B.
      Document confirm = browser.page(nodeA, path);
      Map<String, String> fields = new LinkedHashMap<>();
      for (Element input : confirm.select("form[action=/signin/confirm] input")) {
        fields.put(input.attr("name"), input.attr("value"));
      }
      HttpResponse<String> done = browser.post(nodeB, "/signin/confirm", fields);
      assertThat(done.statusCode()).as(done.body()).isEqualTo(303);

      // Signed in on both nodes: the session is a row in the shared store.
      for (URI node : List.of(nodeA, nodeB)) {
        HttpResponse<String> account = browser.get(node, "/account");
        assertThat(account.statusCode()).as("account page on " + node).isEqualTo(200);
        assertThat(Jsoup.parse(account.body()).select("h1").text()).startsWith("reader-");
      }
      // Signed out on one node, out on both.
      String token = browser.csrf(nodeA, "/account");
      assertThat(browser.post(nodeA, "/signout", Map.of("_csrf", token)).statusCode())
          .isEqualTo(303);
      assertThat(browser.get(nodeB, "/account").statusCode()).isEqualTo(303);
    }
  }

  @Test
  void theNodesShareTheJobLeasesAndADeadNodesLeaseIsTakenOver(PostgresCluster pg) {
    String url = pg.createDatabase();
    try (ServeCommand.Served a = ServeCommand.open(node(dirA, url, "web-a"));
        ServeCommand.Served b = ServeCommand.open(node(dirB, url, "web-b"));
        Database db = Database.postgres(url, PostgresCluster.USER, null)) {
      JdbcLeases leases = new JdbcLeases(db, Clock.systemUTC());
      // A node that died holding the daily ingest: its lease is in the store, unexpired.
      Lease dead = leases.acquire("daily-ingest", "web-c:1", Duration.ofSeconds(30)).orElseThrow();
      boolean[] ran = new boolean[2];
      assertThat(a.app().jobGuard().runExclusively("daily-ingest", () -> ran[0] = true)).isFalse();
      assertThat(b.app().jobGuard().runExclusively("daily-ingest", () -> ran[1] = true)).isFalse();
      assertThat(ran).containsExactly(false, false);
      // Once it lapses (here: released, as if 30 s had passed), the next run on a node takes it.
      leases.release(dead);
      assertThat(b.app().jobGuard().runExclusively("daily-ingest", () -> ran[1] = true)).isTrue();
      assertThat(ran[1]).isTrue();
      Lease now = leases.current("daily-ingest").orElseThrow();
      assertThat(now.holder()).startsWith("web-b:");
      assertThat(now.token()).isEqualTo(dead.token() + 1);
      // The background jobs of both nodes took their leases in the shared table.
      assertThat(leases.current("index-rebuild")).isPresent();
    }
  }

  /** The sign-in link of the last message in a node's mail directory. */
  static String signInLink(Path mail) throws IOException {
    Pattern link = Pattern.compile("https?://[^\\s\"<>]+/signin/confirm\\?token=[^\\s\"<>]+");
    for (int i = 0; i < 100; i++) {
      try (Stream<Path> files = Files.walk(mail)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".eml")).toList()) {
          // Quoted-printable: join soft line breaks, decode the '=' escape.
          String text =
              Files.readString(f, StandardCharsets.UTF_8)
                  .replace("=\r\n", "")
                  .replace("=\n", "")
                  .replace("=3D", "=");
          Matcher m = link.matcher(text);
          if (m.find()) {
            return m.group().replace("&amp;", "&");
          }
        }
      } catch (java.nio.file.NoSuchFileException e) {
        // not written yet
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("no sign-in link in " + mail);
  }

  /** One browser: one cookie jar for every node (cookies are per host, not per port). */
  static final class Browser {
    final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    HttpResponse<String> get(URI node, String path) throws Exception {
      return http.send(
          HttpRequest.newBuilder(URI.create(node + path)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    }

    Document page(URI node, String path) throws Exception {
      HttpResponse<String> r = get(node, path);
      assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
      return Jsoup.parse(r.body());
    }

    String csrf(URI node, String path) throws Exception {
      Element input = page(node, path).selectFirst("input[name=_csrf]");
      assertThat(input).as("a CSRF field on " + path).isNotNull();
      return input.attr("value");
    }

    HttpResponse<String> post(URI node, String path, Map<String, String> fields) throws Exception {
      String body =
          fields.entrySet().stream()
              .map(
                  e ->
                      URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                          + "="
                          + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
              .collect(Collectors.joining("&"));
      return http.send(
          HttpRequest.newBuilder(URI.create(node + path))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .header("Origin", node.toString())
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }
}
