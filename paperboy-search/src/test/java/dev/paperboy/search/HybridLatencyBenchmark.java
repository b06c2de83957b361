package dev.paperboy.search;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.paperboy.core.embed.DocumentText;
import dev.paperboy.core.embed.Vectors;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.search.SearchMode;
import dev.paperboy.core.search.SearchQuery;
import dev.paperboy.core.testing.SharedData;
import dev.paperboy.search.embed.OnnxEmbedder;
import dev.paperboy.search.eval.VectorCache;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Latency of BM25, semantic and hybrid search over the shared arXiv listings (about 75k papers)
 * with the 100 real Semantic Scholar queries, one client, first page of 10 with highlights; the
 * semantic and hybrid times include embedding the query with the bundled model.
 *
 * <p>Paper vectors come from a vector cache when {@code -Dpaperboy.vectors=DIR} holds them (fill it
 * with {@code bench.EmbedArxiv}); papers without a cached vector get a seeded random unit vector,
 * so the HNSW graph has its full size even before a backfill (random vectors are a hard case for
 * HNSW: no clusters to exploit). The run prints how many vectors were real.
 *
 * <pre>
 * mvn -o -pl paperboy-search -am test -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dtest=HybridLatencyBenchmark -Dpaperboy.bench=true [-Dpaperboy.vectors=DIR]
 * </pre>
 */
class HybridLatencyBenchmark {

  @Test
  void searchLatencyOnTheSharedArxivListings(@TempDir Path dir) throws Exception {
    assumeTrue(Boolean.getBoolean("paperboy.bench"), "benchmark: run with -Dpaperboy.bench=true");
    List<Paper> papers = ArxivSearchBenchmark.readListings(SharedData.require("arxiv"));
    List<String> queries =
        ArxivSearchBenchmark.readQueries(SharedData.require("s2-queries").resolve("s2_query.json"));
    try (OnnxEmbedder embedder = OnnxEmbedder.bgeSmallEnV15()) {
      Map<ArxivId, float[]> vectors = new HashMap<>();
      int real = 0;
      String cacheDir = System.getProperty("paperboy.vectors");
      if (cacheDir != null) {
        VectorCache cache = VectorCache.open(Path.of(cacheDir), embedder);
        // Only look up: papers missing from the cache are not embedded here.
        List<float[]> cached =
            cache.cachedDocuments(papers.stream().map(DocumentText::of).toList());
        for (int i = 0; i < papers.size(); i++) {
          if (cached.get(i) != null) {
            vectors.put(papers.get(i).id(), cached.get(i));
            real++;
          }
        }
      }
      for (Paper p : papers) {
        vectors.computeIfAbsent(p.id(), id -> randomUnit(id, embedder.dimension()));
      }
      System.out.printf(
          Locale.ROOT, "%d papers, %d with real vectors, the rest random%n", papers.size(), real);
      try (LuceneSearchIndex index =
          LuceneSearchIndex.open(
              dir,
              LuceneSearchIndex.Options.DEFAULTS,
              new LuceneSearchIndex.Semantic(
                  embedder,
                  batch -> {
                    Map<ArxivId, float[]> m = new HashMap<>();
                    batch.forEach(p -> m.put(p.id(), vectors.get(p.id())));
                    return m;
                  },
                  HybridOptions.DEFAULTS))) {
        long t0 = System.nanoTime();
        for (int i = 0; i < papers.size(); i += 1000) {
          index.index(papers.subList(i, Math.min(i + 1000, papers.size())));
        }
        index.commit();
        System.out.printf(
            Locale.ROOT, "indexed with vectors in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        for (SearchMode mode : List.of(SearchMode.BM25, SearchMode.SEMANTIC, SearchMode.HYBRID)) {
          for (int round = 0; round < 3; round++) { // warm-up
            for (String q : queries) {
              index.search(SearchQuery.of(q, mode, 10));
            }
          }
          int rounds = 10;
          long[] wall = new long[rounds * queries.size()];
          int n = 0;
          for (int round = 0; round < rounds; round++) {
            for (String q : queries) {
              long s = System.nanoTime();
              index.search(SearchQuery.of(q, mode, 10));
              wall[n++] = System.nanoTime() - s;
            }
          }
          System.out.printf(
              Locale.ROOT, "%-8s %d searches: %s%n", mode.label(), wall.length, percentiles(wall));
        }
        long[] embed = new long[queries.size() * 5];
        int n = 0;
        for (int round = 0; round < 5; round++) {
          for (String q : queries) {
            long s = System.nanoTime();
            embedder.embedQuery(q);
            embed[n++] = System.nanoTime() - s;
          }
        }
        System.out.printf(Locale.ROOT, "embedQuery alone: %s%n", percentiles(embed));
      }
    }
  }

  static float[] randomUnit(ArxivId id, int dim) {
    Random r = new Random(id.value().hashCode());
    float[] v = new float[dim];
    for (int i = 0; i < dim; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return Vectors.normalizeInPlace(v);
  }

  static String percentiles(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return String.format(
        Locale.ROOT,
        "p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms",
        sorted[sorted.length / 2] / 1e6,
        sorted[(int) Math.ceil(sorted.length * 0.90) - 1] / 1e6,
        sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6,
        sorted[sorted.length - 1] / 1e6);
  }
}
