package dev.paperboy.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.app.config.Config;
import dev.paperboy.core.embed.EmbeddingJob;
import dev.paperboy.core.ingest.Importer;
import dev.paperboy.core.search.IndexFollower;
import dev.paperboy.core.testing.SharedData;
import dev.paperboy.ingest.Sources;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the index follower costs during an embedding backfill in {@code serve}: every batch the
 * backfill embeds stamps its papers (a new vector changes their documents), so the follower indexes
 * them once more after the backfill indexed them. Compares the backfill's time for N papers (ONNX
 * embedding + its own indexing and commits) with the follower's re-indexing of the same papers in
 * pages of the backfill's batch size (a commit each, as when it polls between batches). Reported,
 * never asserted. Runs only when asked:
 *
 * <pre>
 * mvn -B -o -pl paperboy-app -am verify -Dtest=FollowerCostBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dpaperboy.bench=true [-Dpaperboy.bench.papers=1000]
 * </pre>
 */
@EnabledIfSystemProperty(named = "paperboy.bench", matches = "true")
class FollowerCostBenchmark {
  @TempDir Path data;

  @Test
  void followerCostDuringEmbeddingBackfill() throws Exception {
    Path arxiv = SharedData.require("arxiv");
    int n = Integer.getInteger("paperboy.bench.papers", 1000);
    Path subset = data.resolve("subset.jsonl");
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(
                    new GZIPInputStream(
                        Files.newInputStream(arxiv.resolve("arxiv-cs-listings-2025-03.jsonl.gz"))),
                    StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(Files.newBufferedWriter(subset))) {
      String line;
      for (int i = 0; i < n && (line = in.readLine()) != null; i++) {
        out.println(line);
      }
    }
    try (AppContext app = AppContext.open(Config.load(data, null, Map.of(), Map.of()))) {
      new Importer(app.store(), app.index()).run(Sources.open(subset, null), r -> {}, s -> {});
      int batch = app.config().search().embedBatch();
      IndexFollower follower = new IndexFollower(app.store(), app.index(), batch);
      long t0 = System.nanoTime();
      long first = follower.catchUp(); // an index without a position: everything once
      long t1 = System.nanoTime();

      EmbeddingJob.Result r = app.embeddingJob().run(p -> {});
      long t2 = System.nanoTime();
      long again = follower.catchUp(); // the papers the backfill stamped
      long t3 = System.nanoTime();
      assertThat(again).isEqualTo(r.embedded());
      System.out.printf(
          Locale.ROOT,
          "papers %,d, batch %d, %d cores%n"
              + "catch-up from 0 (no vectors): %,d papers in %.2f s%n"
              + "embedding backfill: %,d papers in %.2f s (%.1f papers/s)%n"
              + "follower re-indexing them (with vectors), %d per commit: %.2f s = %.1f%% of the"
              + " backfill%n",
          n,
          batch,
          Runtime.getRuntime().availableProcessors(),
          first,
          (t1 - t0) / 1e9,
          r.embedded(),
          (t2 - t1) / 1e9,
          r.embedded() / ((t2 - t1) / 1e9),
          batch,
          (t3 - t2) / 1e9,
          100.0 * (t3 - t2) / (t2 - t1));
    }
  }
}
