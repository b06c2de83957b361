package dev.paperboy.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperboy.app.cli.MultiNodeTest.Browser;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.search.solr.SolrAdmin;
import dev.paperboy.search.solr.SolrSearchIndex;
import dev.paperboy.search.solr.SolrSettings;
import dev.paperboy.store.PostgresCluster;
import dev.paperboy.store.PostgresExtension;
import java.io.File;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two app nodes on one PostgreSQL and one SolrCloud, the scale-out deployment of issue 8: a paper
 * written through node A is found by a BM25 search on node B (the index is shared, not per node),
 * and upvotes pressed at once on both nodes count once.
 *
 * <p>The SolrCloud (2 nodes, the collection with 2 shards and replication factor 2, as {@code
 * paperboy solr init --shards 2 --replicas 2} makes it) runs in its own JVM: Solr brings Jetty 10,
 * which cannot share a classpath with the app's Jetty 12. That JVM runs paperboy-search-solr's
 * {@code LocalSolrCloud} on the classpath that module's build writes to {@code
 * target/solr-test-classpath.txt}; Maven's surefire names the module's {@code target} directory in
 * the {@code paperboy.solr.target} system property.
 */
@ExtendWith(PostgresExtension.class)
class MultiNodeSolrTest {
  static final String COLLECTION = "papers_multinode";
  private static final long SOLR_START_SECONDS = 120;

  @TempDir Path dirA;
  @TempDir Path dirB;
  @TempDir Path solrDir;

  @Test
  void twoNodesShareOneSolrCloudAndCountVotesOnce(PostgresCluster pg) throws Exception {
    String url = pg.createDatabase();
    Process solr = startSolrCloud(solrDir);
    try {
      List<String> urls = awaitUrls(solr, solrDir);
      try (SolrAdmin admin = new SolrAdmin(SolrSettings.of(urls, COLLECTION))) {
        SolrAdmin.InitResult init = admin.init(COLLECTION, 2, 2, false);
        assertThat(init.collectionCreated()).isTrue();
      }
      Map<String, String> solrEngine =
          Map.of(
              "search.engine",
              "solr",
              "search.solr.urls",
              String.join(",", urls),
              "search.solr.collection",
              COLLECTION);
      try (ServeCommand.Served a =
              ServeCommand.open(MultiNodeVotesTest.config(dirA, url, "solr-a", solrEngine));
          ServeCommand.Served b =
              ServeCommand.open(MultiNodeVotesTest.config(dirB, url, "solr-b", solrEngine))) {
        assertThat(a.app().index()).isInstanceOf(SolrSearchIndex.class);
        assertThat(b.app().index()).isInstanceOf(SolrSearchIndex.class);
        URI nodeB = URI.create("http://127.0.0.1:" + b.web().port());
        Browser reader = new Browser();
        assertThat(found(reader, nodeB, "shared")).as("empty collection").isEmpty();

        // Written through node A: the store row and the Solr documents.
        Paper paper = MultiNodeVotesTest.seed(a.app());
        a.app().index().index(List.of(paper));
        a.app().index().commit();

        // Node B never saw the paper in its own process: only the shared collection has it.
        assertThat(b.app().index().size()).isEqualTo(1);
        JsonNode hits = found(reader, nodeB, "shared votes");
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).get("paper").get("id").asText())
            .isEqualTo(MultiNodeVotesTest.PAPER.value());
        assertThat(hits.get(0).get("title").asText()).isEqualTo("Shared votes");
        assertThat(found(reader, nodeB, "lovelace")).as("authors are searched too").hasSize(1);

        MultiNodeVotesTest.upvotesOnBothNodesCountOnce(a, b, dirB.resolve("mail"));
        // Search results take their counts from the shared store, on either node.
        URI nodeA = URI.create("http://127.0.0.1:" + a.web().port());
        assertThat(found(reader, nodeA, "shared").get(0).get("paper").get("upvotes").asInt())
            .isEqualTo(MultiNodeVotesTest.BASELINE);
      }
    } finally {
      stop(solr);
    }
  }

  /** The results of {@code GET /api/papers/search?mode=bm25} on {@code node}. */
  private static JsonNode found(Browser reader, URI node, String q) throws Exception {
    HttpResponse<String> r =
        reader.get(
            node,
            "/api/papers/search?mode=bm25&q="
                + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return MultiNodeVotesTest.JSON.readTree(r.body());
  }

  /** {@code LocalSolrCloud 2 DIR} in its own JVM, logging to {@code DIR/solr.log}. */
  private static Process startSolrCloud(Path dir) throws Exception {
    String target = System.getProperty("paperboy.solr.target");
    if (target == null || target.isBlank()) {
      abort(
          "paperboy.solr.target is not set: run this test through Maven (mvn -pl paperboy-app -am"
              + " verify), which builds the SolrCloud's classpath in paperboy-search-solr");
    }
    Path module = Path.of(target);
    Path classpathFile = module.resolve("solr-test-classpath.txt");
    if (!Files.isRegularFile(classpathFile) || !Files.isDirectory(module.resolve("test-classes"))) {
      fail(
          classpathFile
              + " or test-classes is missing: build paperboy-search-solr in the same reactor"
              + " (mvn -am), its generate-test-resources phase writes the classpath");
    }
    String classpath =
        String.join(
            File.pathSeparator,
            module.resolve("test-classes").toString(),
            module.resolve("classes").toString(),
            Files.readString(classpathFile).strip());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path data = dir.resolve("cloud");
    return new ProcessBuilder(
            java,
            "-Xmx512m",
            "-Djava.net.preferIPv4Stack=true",
            "-Dsolr.metrics.jvm.enabled=false",
            "-cp",
            classpath,
            "dev.paperboy.search.solr.LocalSolrCloud",
            "2",
            data.toString())
        .redirectErrorStream(true)
        .redirectOutput(
            ProcessBuilder.Redirect.appendTo(new File(dir.resolve("solr.log").toString())))
        .start();
  }

  /**
   * Waits for LocalSolrCloud's {@code urls} file. A JVM that dies for a reason of this machine (no
   * free port, no memory, no disk) skips the test with that reason; any other death, or no cluster
   * in time, fails it with the end of the log.
   */
  private static List<String> awaitUrls(Process solr, Path dir) throws Exception {
    Path urls = dir.resolve("cloud").resolve("urls");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SOLR_START_SECONDS);
    while (System.nanoTime() < deadline) {
      if (Files.isRegularFile(urls)) {
        String text = Files.readString(urls).strip();
        if (!text.isEmpty()) {
          return Arrays.asList(text.split(","));
        }
      }
      if (!solr.isAlive()) {
        String log = logTail(dir);
        for (String environmental :
            List.of(
                "java.net.BindException",
                "OutOfMemoryError",
                "No space left on device",
                "Cannot allocate memory")) {
          if (log.contains(environmental)) {
            abort(
                "the SolrCloud JVM could not start on this machine ("
                    + environmental
                    + "):\n"
                    + log);
          }
        }
        fail("the SolrCloud JVM exited with " + solr.exitValue() + " before it was up:\n" + log);
      }
      Thread.sleep(100);
    }
    fail("no SolrCloud after " + SOLR_START_SECONDS + " s:\n" + logTail(dir));
    throw new AssertionError("unreachable");
  }

  private static String logTail(Path dir) throws Exception {
    Path log = dir.resolve("solr.log");
    if (!Files.isRegularFile(log)) {
      return "(no log at " + log + ")";
    }
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  /** SIGTERM (LocalSolrCloud shuts the cluster down in a hook), then SIGKILL if that hangs. */
  private static void stop(Process solr) throws InterruptedException {
    solr.destroy();
    if (!solr.waitFor(15, TimeUnit.SECONDS)) {
      solr.destroyForcibly();
      solr.waitFor(15, TimeUnit.SECONDS);
    }
  }
}
