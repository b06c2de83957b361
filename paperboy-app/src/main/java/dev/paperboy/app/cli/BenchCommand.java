package dev.paperboy.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.app.AppContext;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.paper.PaperStore;
import dev.paperboy.core.search.SearchIndex;
import dev.paperboy.core.search.SearchMode;
import dev.paperboy.core.search.SearchQuery;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code paperboy bench search}: query latency and throughput of this install's index, over a file
 * of real queries. A measuring tool for operators and for BENCHMARKS.md, not a test.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measure search latency over a query file against this data directory's index:",
      "one client (latency p50/p90/p99) or several (throughput). Each query asks for the first",
      "page of 10 hits with highlighted snippets, as the site does; semantic and hybrid times",
      "include embedding the query."
    })
public final class BenchCommand implements Callable<Integer> {
  @Mixin DataOptions data = new DataOptions();

  @Option(
      names = "--queries",
      required = true,
      paramLabel = "FILE",
      description = "Queries: JSON lines with a \"query\" field (s2_query.json), or one per line.")
  Path queries;

  @Option(
      names = "--mode",
      split = ",",
      description = "Modes to measure, comma-separated (default: bm25,hybrid,semantic).")
  List<String> modes = List.of("bm25", "hybrid", "semantic");

  @Option(
      names = "--rounds",
      defaultValue = "5",
      description = "Passes over the queries (default 5).")
  int rounds;

  @Option(
      names = "--warmup",
      defaultValue = "2",
      description = "Unmeasured passes first (default 2).")
  int warmup;

  @Option(names = "--clients", defaultValue = "1", description = "Concurrent clients (default 1).")
  int clients;

  @Option(
      names = "--within",
      defaultValue = "0",
      paramLabel = "N",
      description = {
        "Search within N papers drawn at random (seeded, so every run draws the same) instead of",
        "the whole index, as a reader's saved list is searched; at most "
            + SearchIndex.MAX_WITHIN
            + " (default 0: the whole index)."
      })
  int within;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(queries)) {
      throw new IllegalArgumentException("--queries: no such file: " + queries);
    }
    List<String> texts = readQueries(queries);
    if (texts.isEmpty()) {
      throw new IllegalArgumentException("--queries: no queries in " + queries);
    }
    if (rounds < 1 || clients < 1 || warmup < 0) {
      throw new IllegalArgumentException("--rounds and --clients must be >= 1, --warmup >= 0");
    }
    if (within < 0 || within > SearchIndex.MAX_WITHIN) {
      throw new IllegalArgumentException(
          "--within: expected 0 to " + SearchIndex.MAX_WITHIN + ", was " + within);
    }
    try (AppContext app = AppContext.open(data.load(System.getenv(), Map.of()))) {
      SearchIndex index = app.index();
      Set<ArxivId> set = within == 0 ? null : sample(app.store(), within);
      System.out.printf(
          Locale.ROOT,
          "%,d documents%s, %d queries x %d rounds, %d client(s), %d cores%n",
          index.size(),
          set == null
              ? ""
              : String.format(Locale.ROOT, ", searching within %,d of them", set.size()),
          texts.size(),
          rounds,
          clients,
          Runtime.getRuntime().availableProcessors());
      System.out.println("mode      p50 ms  p90 ms  p99 ms  max ms  queries/s");
      for (String m : modes) {
        SearchMode mode = SearchMode.parse(m);
        for (int i = 0; i < warmup; i++) {
          for (String q : texts) {
            run(index, SearchQuery.of(q, mode, 10), set);
          }
        }
        long[] nanos = new long[texts.size() * rounds];
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
          List<Future<?>> work = new ArrayList<>();
          for (int c = 0; c < clients; c++) {
            int client = c;
            work.add(
                pool.submit(
                    () -> {
                      for (int i = client; i < nanos.length; i += clients) {
                        String q = texts.get(i % texts.size());
                        long t0 = System.nanoTime();
                        run(index, SearchQuery.of(q, mode, 10), set);
                        nanos[i] = System.nanoTime() - t0;
                      }
                    }));
          }
          for (Future<?> f : work) {
            f.get();
          }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(nanos);
        System.out.printf(
            Locale.ROOT,
            "%-8s %7.1f %7.1f %7.1f %7.1f %10.0f%n",
            mode.label(),
            percentile(nanos, 50),
            percentile(nanos, 90),
            percentile(nanos, 99),
            nanos[nanos.length - 1] / 1e6,
            nanos.length / seconds);
      }
      return 0;
    }
  }

  private static void run(SearchIndex index, SearchQuery query, @Nullable Set<ArxivId> within) {
    if (within == null) {
      index.search(query);
    } else {
      index.searchWithin(query, within);
    }
  }

  /** {@code n} ids of the store's papers, drawn with a fixed seed (all of them when fewer). */
  static Set<ArxivId> sample(PaperStore store, int n) {
    List<ArxivId> all = new ArrayList<>();
    ArxivId after = null;
    for (List<Paper> page = store.papersAfter(null, 5_000);
        !page.isEmpty();
        page = store.papersAfter(after, 5_000)) {
      for (Paper p : page) {
        all.add(p.id());
      }
      after = page.getLast().id();
    }
    Collections.shuffle(all, new Random(42));
    return new LinkedHashSet<>(all.subList(0, Math.min(n, all.size())));
  }

  /** The p-th percentile in milliseconds (nearest rank). */
  static double percentile(long[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
  }

  static List<String> readQueries(Path file) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String t = line.strip();
      if (t.isEmpty()) {
        continue;
      }
      if (t.startsWith("{")) {
        JsonNode n = mapper.readTree(t);
        String q = n.path("query").asText(n.path("text").asText(""));
        if (!q.isBlank()) {
          out.add(q);
        }
      } else {
        out.add(t);
      }
    }
    return out;
  }
}
