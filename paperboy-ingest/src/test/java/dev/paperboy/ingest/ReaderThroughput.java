package dev.paperboy.ingest;

import dev.paperboy.core.ingest.PaperSource;
import dev.paperboy.core.ingest.RecordSink;
import dev.paperboy.core.ingest.Rejection;
import dev.paperboy.core.ingest.SourceRecord;
import dev.paperboy.core.testing.SharedData;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Reader throughput over the shared data: records parsed and mapped per second, nothing stored. Not
 * a test that asserts timings; it runs only when asked:
 *
 * <pre>
 * mvn -o -q -pl paperboy-ingest -am test -Dtest=ReaderThroughput -Dsurefire.failIfNoSpecifiedTests=false -Dpaperboy.bench=true
 * </pre>
 *
 * Each data set is read {@value #ROUNDS} times in one JVM; the first round includes JIT warm-up,
 * the best of the later ones is reported.
 */
class ReaderThroughput {
  static final int ROUNDS = 5;

  /**
   * @param seconds wall-clock time
   * @param cpuSeconds CPU time of the reading thread: steadier than wall time on a shared machine
   */
  record Result(
      String name, long records, long rejected, long bytes, double seconds, double cpuSeconds) {
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%-34s %,7d records, %d rejected, %5.1f MB on disk: %6.2f s wall %,8.0f records/s;"
              + " %6.2f s CPU %,8.0f records/CPU-s",
          name,
          records,
          rejected,
          bytes / 1e6,
          seconds,
          records / seconds,
          cpuSeconds,
          records / cpuSeconds);
    }
  }

  static Result measure(String name, List<Path> files) throws IOException {
    long bytes = 0;
    for (Path f : files) {
      bytes += Files.size(f);
    }
    long[] counts = new long[2];
    RecordSink sink =
        new RecordSink() {
          @Override
          public void accept(SourceRecord record) {
            counts[0]++;
          }

          @Override
          public void reject(Rejection rejection) {
            counts[1]++;
          }
        };
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    for (Path f : files) {
      PaperSource source = Sources.open(f, null);
      source.read(sink);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    return new Result(name, counts[0], counts[1], bytes, seconds, cpu);
  }

  static List<Path> arxivFiles(Path arxiv) throws IOException {
    try (Stream<Path> s = Files.list(arxiv)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".jsonl.gz")).sorted().toList();
    }
  }

  static List<Result> run() throws IOException {
    Path arxiv = SharedData.root().resolve("arxiv");
    Path hf = SharedData.root().resolve("hf-daily").resolve("hf-daily-papers-by-date.jsonl.gz");
    List<Result> best = new ArrayList<>();
    Result bestArxiv = null;
    Result bestHf = null;
    for (int round = 1; round <= ROUNDS; round++) {
      Result a = measure("arxiv/ (17 files, arxiv-jsonl)", arxivFiles(arxiv));
      Result h = measure("hf-daily by-date (hf-daily-jsonl)", List.of(hf));
      System.out.println("round " + round + ": " + a);
      System.out.println("round " + round + ": " + h);
      if (round > 1) {
        bestArxiv = bestArxiv == null || a.seconds() < bestArxiv.seconds() ? a : bestArxiv;
        bestHf = bestHf == null || h.seconds() < bestHf.seconds() ? h : bestHf;
      }
    }
    best.add(bestArxiv);
    best.add(bestHf);
    return best;
  }

  @Test
  @EnabledIfSystemProperty(named = "paperboy.bench", matches = "true")
  void throughput() throws IOException {
    SharedData.require("arxiv");
    SharedData.require("hf-daily");
    System.out.println(
        "reader throughput, "
            + Runtime.getRuntime().availableProcessors()
            + " cores, Java "
            + Runtime.version()
            + ", load average "
            + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    for (Result r : run()) {
      System.out.println("best: " + r);
    }
  }

  public static void main(String[] args) throws IOException {
    for (Result r : run()) {
      System.out.println("best: " + r);
    }
  }
}
