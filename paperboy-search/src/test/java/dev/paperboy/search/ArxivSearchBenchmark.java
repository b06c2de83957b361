package dev.paperboy.search;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.paper.Text;
import dev.paperboy.core.search.SearchMode;
import dev.paperboy.core.search.SearchQuery;
import dev.paperboy.core.testing.SharedData;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Indexing speed, index size and BM25 latency on the shared arXiv listings (about 75k papers) with
 * the 100 real Semantic Scholar queries. A benchmark, not a test: it asserts nothing and runs only
 * with {@code -Dpaperboy.bench=true}:
 *
 * <pre>
 * mvn -o -pl paperboy-search -am test -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dtest=ArxivSearchBenchmark -Dpaperboy.bench=true
 * </pre>
 */
class ArxivSearchBenchmark {

  @Test
  void indexAndSearchTheSharedArxivListings(@TempDir Path dir) throws Exception {
    assumeTrue(Boolean.getBoolean("paperboy.bench"), "benchmark: run with -Dpaperboy.bench=true");
    List<Paper> papers = readListings(SharedData.require("arxiv"));
    List<String> queries = readQueries(SharedData.require("s2-queries").resolve("s2_query.json"));
    long textChars =
        papers.stream().mapToLong(p -> p.title().length() + p.abstractText().length()).sum();

    try (LuceneSearchIndex index = LuceneSearchIndex.open(dir)) {
      var os =
          (com.sun.management.OperatingSystemMXBean)
              java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      for (int i = 0; i < papers.size(); i += 1000) {
        index.index(papers.subList(i, Math.min(i + 1000, papers.size())));
      }
      index.commit();
      double seconds = (System.nanoTime() - t0) / 1e9;
      double cpuSeconds = (os.getProcessCpuTime() - cpu0) / 1e9;
      long bytes;
      java.util.Map<String, Long> byKind = new java.util.TreeMap<>();
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.toList()) {
          String name = f.getFileName().toString();
          String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
          byKind.merge(ext, f.toFile().length(), Long::sum);
        }
      }
      bytes = byKind.values().stream().mapToLong(Long::longValue).sum();
      System.out.println("index files by extension (bytes): " + byKind);
      System.out.printf(
          Locale.ROOT,
          "indexed %d papers (%.1f MB of title+abstract text) in %.1f s (%.1f s of CPU, all"
              + " threads): %.0f papers/s; index %.1f MB on disk (%d documents)%n",
          papers.size(),
          textChars / 1e6,
          seconds,
          cpuSeconds,
          papers.size() / seconds,
          bytes / 1e6,
          index.size());

      for (int round = 0; round < 5; round++) { // warm-up
        for (String q : queries) {
          index.search(SearchQuery.of(q, SearchMode.BM25, 10));
        }
      }
      int rounds = 20;
      var threadMx = java.lang.management.ManagementFactory.getThreadMXBean();
      long[] wall = new long[rounds * queries.size()];
      long[] cpu = new long[wall.length];
      long[] perQueryCpu = new long[queries.size()];
      int n = 0;
      for (int round = 0; round < rounds; round++) {
        for (int q = 0; q < queries.size(); q++) {
          long c = threadMx.getCurrentThreadCpuTime();
          long s = System.nanoTime();
          index.search(SearchQuery.of(queries.get(q), SearchMode.BM25, 10));
          wall[n] = System.nanoTime() - s;
          cpu[n] = threadMx.getCurrentThreadCpuTime() - c;
          perQueryCpu[q] += cpu[n];
          n++;
        }
      }
      System.out.printf(
          Locale.ROOT,
          "BM25, first page of 10 with highlights, one client, %d searches:%n  wall %s%n  cpu  %s%n",
          wall.length,
          percentiles(wall),
          percentiles(cpu));
      Integer[] order = new Integer[queries.size()];
      Arrays.setAll(order, i -> i);
      Arrays.sort(order, (a, b) -> Long.compare(perQueryCpu[b], perQueryCpu[a]));
      for (int i = 0; i < 5; i++) {
        int q = order[i];
        System.out.printf(
            Locale.ROOT,
            "  slow query: %-60s %.2f ms cpu, %d hits%n",
            queries.get(q),
            perQueryCpu[q] / 1e6 / rounds,
            index.search(SearchQuery.of(queries.get(q), SearchMode.BM25, 10)).total());
      }
    }
  }

  private static String percentiles(long[] nanos) {
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

  static List<Paper> readListings(Path folder) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<Paper> papers = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(folder)) {
      files = s.filter(f -> f.getFileName().toString().endsWith(".jsonl.gz")).sorted().toList();
    }
    for (Path f : files) {
      try (BufferedReader r =
          new BufferedReader(
              new InputStreamReader(
                  new GZIPInputStream(Files.newInputStream(f)), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          JsonNode n = json.readTree(line);
          List<String> authors = new ArrayList<>();
          n.path("authors").forEach(a -> authors.add(a.asText()));
          List<String> categories = new ArrayList<>();
          n.path("categories").forEach(c -> categories.add(c.asText()));
          String date = n.path("listing_date").asText(null);
          papers.add(
              Paper.builder(
                      ArxivId.parse(n.get("id").asText()), Text.oneLine(n.get("title").asText()))
                  .abstractText(Text.paragraphs(n.path("summary").asText("")))
                  .authors(authors)
                  .categories(categories)
                  .listingDate(date == null ? null : LocalDate.parse(date))
                  .build());
        }
      }
    }
    return papers;
  }

  static List<String> readQueries(Path file) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<String> queries = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.isBlank()) {
        queries.add(json.readTree(line).get("query").asText());
      }
    }
    return queries;
  }
}
