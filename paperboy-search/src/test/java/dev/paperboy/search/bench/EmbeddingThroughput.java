package dev.paperboy.search.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.core.embed.DocumentText;
import dev.paperboy.core.paper.Text;
import dev.paperboy.search.embed.ModelSpec;
import dev.paperboy.search.embed.OnnxEmbedder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Measures document embedding throughput over real arXiv abstracts (title + abstract).
 *
 * <pre>
 * java -cp ... dev.paperboy.search.bench.EmbeddingThroughput FILE.jsonl.gz COUNT WORKERS BATCH [WORKERS BATCH ...]
 * </pre>
 */
public final class EmbeddingThroughput {
  private EmbeddingThroughput() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    int count = Integer.parseInt(args[1]);
    List<String> texts = readAbstracts(file, count);
    for (int i = 2; i + 1 < args.length; i += 2) {
      int workers = Integer.parseInt(args[i]);
      int batch = Integer.parseInt(args[i + 1]);
      try (OnnxEmbedder embedder =
          OnnxEmbedder.create(ModelSpec.BGE_SMALL_EN_V15_Q, workers, batch)) {
        embedder.embedDocuments(texts.subList(0, Math.min(32, texts.size()))); // warm up
        long tokens = 0;
        for (String t : texts) {
          tokens += embedder.tokenCount(t);
        }
        double loadBefore =
            java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage();
        long start = System.nanoTime();
        long cpuStart = cpuNanos();
        embedder.embedDocuments(texts);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (cpuNanos() - cpuStart) / 1e9;
        // On a shared machine the wall-clock rate depends on the neighbours; documents per
        // CPU-second does not, and times the core count it bounds what an idle machine reaches.
        System.out.printf(
            "workers=%d batch=%d docs=%d tokens/doc=%.0f seconds=%.1f docs/s=%.1f"
                + " cpu-seconds=%.1f docs/cpu-s=%.2f load-before=%.1f%n",
            workers,
            batch,
            texts.size(),
            (double) tokens / texts.size(),
            seconds,
            texts.size() / seconds,
            cpu,
            texts.size() / cpu,
            loadBefore);
      }
    }
  }

  static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  static List<String> readAbstracts(Path file, int count) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> texts = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      String line;
      while (texts.size() < count && (line = in.readLine()) != null) {
        JsonNode n = json.readTree(line);
        texts.add(
            DocumentText.of(
                Text.oneLine(n.path("title").asText("")),
                Text.paragraphs(n.path("summary").asText(""))));
      }
    }
    return texts;
  }
}
