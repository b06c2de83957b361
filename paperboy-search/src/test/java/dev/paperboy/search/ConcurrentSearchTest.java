package dev.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.search.SearchMode;
import dev.paperboy.core.search.SearchQuery;
import dev.paperboy.core.search.SearchResult;
import dev.paperboy.core.testing.Papers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Searches keep working, and see only committed states, while another thread indexes. */
class ConcurrentSearchTest {

  @Test
  void searchesRunWhileAnotherThreadIndexes() throws Exception {
    int batches = 20;
    int perBatch = 50;
    try (LuceneSearchIndex index = LuceneSearchIndex.inMemory()) {
      ExecutorService pool = Executors.newFixedThreadPool(3);
      AtomicBoolean done = new AtomicBoolean();
      try {
        List<Future<Integer>> searchers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
          searchers.add(
              pool.submit(
                  () -> {
                    int searches = 0;
                    long lastTotal = 0;
                    while (!done.get() || searches == 0) {
                      SearchResult r =
                          index.search(SearchQuery.of("concurrent", SearchMode.BM25, 10));
                      // Commits only add papers here, so the total never goes down, and it is
                      // always a whole number of committed batches.
                      assertThat(r.total()).isGreaterThanOrEqualTo(lastTotal);
                      assertThat(r.total() % perBatch).isZero();
                      lastTotal = r.total();
                      searches++;
                    }
                    return searches;
                  }));
        }
        Future<?> writer =
            pool.submit(
                () -> {
                  for (int b = 0; b < batches; b++) {
                    List<Paper> batch = new ArrayList<>();
                    for (int i = 0; i < perBatch; i++) {
                      int n = b * perBatch + i + 1;
                      batch.add(
                          Papers.paper(String.format("2501.%05d", n), "Concurrent paper " + n));
                    }
                    index.index(batch);
                    index.commit();
                  }
                  done.set(true);
                });
        writer.get(60, TimeUnit.SECONDS);
        for (Future<Integer> s : searchers) {
          assertThat(s.get(60, TimeUnit.SECONDS)).isPositive();
        }
      } finally {
        done.set(true);
        pool.shutdownNow();
      }
      assertThat(index.size()).isEqualTo((long) batches * perBatch);
    }
  }
}
