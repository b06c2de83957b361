package dev.paperboy.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.testing.InMemoryPaperStore;
import dev.paperboy.core.testing.Papers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {
  @TempDir Path dir;

  @Test
  void percentilesUseNearestRank() {
    long[] ms = new long[100];
    for (int i = 0; i < 100; i++) {
      ms[i] = (i + 1) * 1_000_000L;
    }
    assertThat(BenchCommand.percentile(ms, 50)).isEqualTo(50.0);
    assertThat(BenchCommand.percentile(ms, 99)).isEqualTo(99.0);
    assertThat(BenchCommand.percentile(new long[] {7_000_000L}, 99)).isEqualTo(7.0);
  }

  @Test
  void readsJsonLinesAndPlainLines() throws Exception {
    Path json = dir.resolve("q.json");
    Files.writeString(
        json, "{\"qid\": \"1\", \"query\": \"deep learning\"}\n\n{\"text\": \"lstm\"}\n");
    assertThat(BenchCommand.readQueries(json)).containsExactly("deep learning", "lstm");
    Path plain = dir.resolve("q.txt");
    Files.writeString(plain, "seq2seq\n  edx coursera \n");
    assertThat(BenchCommand.readQueries(plain)).containsExactly("seq2seq", "edx coursera");
  }

  @Test
  void theWithinSampleIsDrawnFromEveryPageOfTheStoreTheSameWayEachRun() {
    InMemoryPaperStore store = new InMemoryPaperStore();
    List<Paper> papers = new ArrayList<>();
    for (int i = 0; i < 12_000; i++) {
      papers.add(Papers.paper(String.format("2501.%05d", i), "Paper " + i));
    }
    store.upsertPapers(papers);

    Set<ArxivId> sample = BenchCommand.sample(store, 100);

    assertThat(sample).hasSize(100).isEqualTo(BenchCommand.sample(store, 100));
    // Drawn from the whole store, not its first page of 5,000 ids.
    assertThat(sample).anyMatch(id -> id.toString().compareTo("2501.10000") > 0);
    assertThat(BenchCommand.sample(store, 20_000)).hasSize(12_000);
  }
}
