package dev.paperboy.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.app.AppContext;
import dev.paperboy.app.cli.MultiNodeTest.Browser;
import dev.paperboy.app.config.Config;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.DailyEntry;
import dev.paperboy.core.paper.EntrySource;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.testing.Papers;
import dev.paperboy.store.PostgresCluster;
import dev.paperboy.store.PostgresExtension;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Votes on two app nodes sharing one PostgreSQL store: a reader's upvote counts once however many
 * times, and on whichever nodes, the button is pressed at the same moment, and both nodes show the
 * same total at once (no per-node cache of counts).
 */
@ExtendWith(PostgresExtension.class)
class MultiNodeVotesTest {
  @TempDir Path dirA;
  @TempDir Path dirB;

  static final ObjectMapper JSON = new ObjectMapper();
  static final ArxivId PAPER = ArxivId.parse("2506.10001");
  static final int BASELINE = 7;

  @Test
  void concurrentUpvotesOnBothNodesCountOnceAndEveryNodeAgrees(PostgresCluster pg)
      throws Exception {
    String url = pg.createDatabase();
    try (ServeCommand.Served a = ServeCommand.open(config(dirA, url, "web-a", Map.of()));
        ServeCommand.Served b = ServeCommand.open(config(dirB, url, "web-b", Map.of()))) {
      seed(a.app());
      upvotesOnBothNodesCountOnce(a, b, dirB.resolve("mail"));
    }
  }

  /** Stores {@link #PAPER} with {@link #BASELINE} upvotes from its daily entry; returns it. */
  static Paper seed(AppContext app) {
    Paper paper = Papers.paper(PAPER.value(), "Shared votes");
    app.store().upsertPapers(List.of(paper));
    app.store()
        .upsertEntries(
            List.of(
                new DailyEntry(
                    LocalDate.of(2025, 6, 16),
                    PAPER,
                    EntrySource.HUGGING_FACE,
                    null,
                    BASELINE,
                    null)));
    return paper;
  }

  /**
   * The scenario on two running nodes (after {@link #seed}): a reader signs in across both, presses
   * upvote sixteen times at once on both, then takes it back on each.
   */
  static void upvotesOnBothNodesCountOnce(
      ServeCommand.Served a, ServeCommand.Served b, Path mailOfB) throws Exception {
    URI nodeA = URI.create("http://127.0.0.1:" + a.web().port());
    URI nodeB = URI.create("http://127.0.0.1:" + b.web().port());
    Browser browser = new Browser();
    signIn(browser, nodeA, nodeB, mailOfB);
    String csrf = browser.csrf(nodeB, "/account");

    // Sixteen presses of the button at once, half on each node (a double-click storm behind a
    // round-robin load balancer).
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<HttpResponse<String>>> presses = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        URI node = i % 2 == 0 ? nodeA : nodeB;
        presses.add(() -> vote(browser, node, "POST", csrf));
      }
      int changed = 0;
      for (Future<HttpResponse<String>> f : pool.invokeAll(presses)) {
        HttpResponse<String> r = f.get();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("upvoted").asBoolean()).isTrue();
        assertThat(body.get("upvotes").asInt()).isEqualTo(BASELINE + 1);
        changed += body.get("changed").asBoolean() ? 1 : 0;
      }
      assertThat(changed).as("exactly one press changed anything").isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(upvotes(browser, nodeA)).isEqualTo(BASELINE + 1);
    assertThat(upvotes(browser, nodeB)).isEqualTo(BASELINE + 1);

    // Taking it back on one node is seen on the other.
    HttpResponse<String> removed = vote(browser, nodeB, "DELETE", csrf);
    assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
    assertThat(upvotes(browser, nodeA)).isEqualTo(BASELINE);
    HttpResponse<String> again = vote(browser, nodeA, "DELETE", csrf);
    assertThat(JSON.readTree(again.body()).get("changed").asBoolean()).isFalse();
    assertThat(upvotes(browser, nodeB)).isEqualTo(BASELINE);
  }

  /** A node on the shared store at {@code url}, with {@code extra} settings on top. */
  static Config config(Path dir, String url, String name, Map<String, String> extra) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("server.port", "0");
    settings.put("server.base.url", MultiNodeTest.PUBLIC);
    settings.put("store.url", url);
    settings.put("store.user", PostgresCluster.USER);
    settings.put("search.semantic", "false");
    settings.put("node.name", name);
    settings.putAll(extra);
    return Config.load(dir, null, Map.of(), settings);
  }

  /** Signs in: the form on node A, the mail from node B, the confirmation on node A. */
  private static void signIn(Browser browser, URI nodeA, URI nodeB, Path mailOfB) throws Exception {
    String csrf = browser.csrf(nodeA, "/signin");
    HttpResponse<String> sent =
        browser.post(nodeB, "/signin", Map.of("email", "grace@example.org", "_csrf", csrf));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    String link = MultiNodeTest.signInLink(mailOfB);
    Document confirm = browser.page(nodeA, link.substring(MultiNodeTest.PUBLIC.length()));
    Map<String, String> fields = new LinkedHashMap<>();
    for (Element input : confirm.select("form[action=/signin/confirm] input")) {
      fields.put(input.attr("name"), input.attr("value"));
    }
    assertThat(browser.post(nodeA, "/signin/confirm", fields).statusCode()).isEqualTo(303);
  }

  private static HttpResponse<String> vote(Browser browser, URI node, String method, String csrf)
      throws Exception {
    return browser.http.send(
        HttpRequest.newBuilder(URI.create(node + "/api/papers/" + PAPER.value() + "/upvote"))
            .header("X-CSRF-Token", csrf)
            .header("Origin", node.toString())
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int upvotes(Browser browser, URI node) throws Exception {
    HttpResponse<String> r = browser.get(node, "/api/papers/" + PAPER.value());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body()).get("upvotes").asInt();
  }
}
