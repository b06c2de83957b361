package dev.paperboy.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.app.AppContext;
import dev.paperboy.app.Backfill;
import dev.paperboy.app.Main;
import dev.paperboy.app.config.Config;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.search.IndexFollower;
import dev.paperboy.core.search.SearchHit;
import dev.paperboy.core.search.SearchIndex;
import dev.paperboy.core.search.SearchMode;
import dev.paperboy.core.search.SearchQuery;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands next to a running server: the server holds the embedded index (as {@code serve} does),
 * {@code import} stores the papers only and says so, and the server's follower indexes them; {@code
 * reindex} and {@code embed} refuse with what to do.
 */
class ImportNextToServerTest {
  @TempDir Path data;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream oldOut;
  private PrintStream oldErr;

  @BeforeEach
  void capture() throws Exception {
    oldOut = System.out;
    oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    // Keyword search only: no model to load for this test.
    Files.writeString(data.resolve("paperboy.properties"), "search.semantic=false\n");
  }

  @AfterEach
  void restore() {
    System.setOut(oldOut);
    System.setErr(oldErr);
  }

  private int run(String... args) {
    out.reset();
    err.reset();
    return Main.commandLine().execute(args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void importStoresThePapersAndTheServersFollowerIndexesThem() throws Exception {
    Path file =
        Path.of(ImportNextToServerTest.class.getResource("/fixtures/arxiv-small.jsonl").toURI());
    try (AppContext server = AppContext.open(Config.load(data, null, Map.of(), Map.of()))) {
      SearchIndex index = server.index(); // holds the index's write lock, as serve does
      IndexFollower follower = server.indexFollower();
      assertThat(follower).isNotNull();
      assertThat(follower.catchUp()).isZero();

      assertThat(run("import", "--data", data.toString(), file.toString())).isZero();
      assertThat(out())
          .contains("read 6, added 3, updated 0, unchanged 0, rejected 3")
          .contains(
              "The search index is in use by a running server; 3 papers were stored and the"
                  + " server will index them within 5 s.");
      assertThat(err()).doesNotContain("Exception").doesNotContain("\tat ");
      assertThat(server.store().stats().papers()).isEqualTo(3);
      assertThat(index.size()).isZero();

      assertThat(follower.catchUp()).isEqualTo(3);
      assertThat(index.size()).isEqualTo(3);
      assertThat(
              index.search(SearchQuery.of("sparse mixture of experts", SearchMode.BM25, 10)).hits())
          .extracting(SearchHit::id)
          .containsExactly(ArxivId.parse("2503.10001"));

      // The same file again changes nothing, so there is nothing more to index.
      assertThat(run("import", "--data", data.toString(), file.toString())).isZero();
      assertThat(out()).contains("0 papers were stored");
      assertThat(follower.catchUp()).isZero();
      assertThat(index.size()).isEqualTo(3);

      assertThat(run("reindex", "--data", data.toString())).isEqualTo(3);
      assertThat(err())
          .contains("in use by a running server")
          .contains("stop the server")
          .doesNotContain("\tat ");

      Path semantic = data.resolve("semantic.properties");
      Files.writeString(semantic, "search.semantic=true\n");
      assertThat(run("embed", "--data", data.toString(), "--config", semantic.toString()))
          .isEqualTo(3);
      assertThat(err())
          .contains("in use by a running server, which embeds new papers in the background")
          .doesNotContain("\tat ");
    }
  }

  @Test
  void importWithoutAServerIndexesOnceAndRecordsHowFarTheIndexFollowed() throws Exception {
    Path file =
        Path.of(ImportNextToServerTest.class.getResource("/fixtures/arxiv-small.jsonl").toURI());
    assertThat(run("import", "--data", data.toString(), file.toString())).isZero();
    assertThat(out()).contains("added 3").contains("indexed 3 papers").doesNotContain("in use");

    try (AppContext server = AppContext.open(Config.load(data, null, Map.of(), Map.of()))) {
      SearchIndex index = server.index();
      assertThat(index.size()).isEqualTo(3);
      // The import left the index at the store's horizon: a server starting now has nothing to
      // index again (before, it re-indexed every paper the command had indexed already).
      assertThat(index.followedTo()).hasValue(server.store().changeHorizon());
      assertThat(server.indexFollower().catchUp()).isZero();
      assertThat(
              index.search(SearchQuery.of("sparse mixture of experts", SearchMode.BM25, 10)).hits())
          .extracting(SearchHit::id)
          .containsExactly(ArxivId.parse("2503.10001"));
    }
  }

  /** Waits (up to 60 s, polling) until the index holds {@code n} documents. */
  private static void awaitSize(SearchIndex index, long n) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (index.size() != n && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(index.size()).isEqualTo(n);
  }

  @Test
  void serveFollowsTheStoreInTheBackgroundAndCatchesUpAtStart() throws Exception {
    Path file =
        Path.of(ImportNextToServerTest.class.getResource("/fixtures/arxiv-small.jsonl").toURI());
    Map<String, String> fast = Map.of("search.follow.interval", "100ms");
    try (AppContext server = AppContext.open(Config.load(data, null, Map.of(), fast));
        Backfill backfill = new Backfill(server)) {
      SearchIndex index = server.index();
      backfill.start();
      assertThat(run("import", "--data", data.toString(), file.toString())).isZero();
      assertThat(out()).contains("3 papers were stored and the server will index them");
      awaitSize(index, 3);
    }
    // While the server is down, a process stores a paper and dies before it indexes it.
    try (AppContext crashed = AppContext.open(Config.load(data, null, Map.of(), fast))) {
      crashed
          .store()
          .upsertPapers(
              java.util.List.of(
                  dev.paperboy.core.testing.Papers.paper("2503.19999", "Stored before a crash")));
    }
    try (AppContext server = AppContext.open(Config.load(data, null, Map.of(), fast));
        Backfill backfill = new Backfill(server)) {
      SearchIndex index = server.index();
      assertThat(index.size()).isEqualTo(3);
      backfill.start();
      awaitSize(index, 4);
      assertThat(index.search(SearchQuery.of("crash", SearchMode.BM25, 10)).hits())
          .extracting(SearchHit::id)
          .containsExactly(ArxivId.parse("2503.19999"));
    }
  }
}
