package dev.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.search.Highlighted;
import dev.paperboy.core.search.Highlighted.Fragment;
import dev.paperboy.core.search.SearchHit;
import dev.paperboy.core.search.SearchMode;
import dev.paperboy.core.search.SearchQuery;
import dev.paperboy.core.search.SearchResult;
import dev.paperboy.core.testing.Papers;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only the embedded engine has: options, parallel indexing, the index directory on disk.
 * Everything every engine must do is in {@link LuceneSearchIndexContractTest}.
 */
class LuceneSearchIndexTest {

  private final LuceneSearchIndex index = LuceneSearchIndex.inMemory();

  @AfterEach
  void close() {
    index.close();
  }

  private void add(Paper... papers) {
    index.index(List.of(papers));
    index.commit();
  }

  private SearchResult search(String text) {
    return index.search(SearchQuery.of(text, SearchMode.BM25, 100));
  }

  /** The marked words of a highlight. */
  private static List<String> marked(Highlighted h) {
    return h.fragments().stream().filter(Fragment::match).map(Fragment::text).toList();
  }

  private List<String> ids(SearchResult r) {
    return r.hits().stream().map(h -> h.id().value()).toList();
  }

  @Test
  void titleBoostIsOffByDefaultAndAnOption() {
    Paper inTitle =
        Papers.paper(
            "2501.00001",
            "Quantum error correction",
            "We present a scheme for storing information reliably on noisy hardware with few extra parts.");
    Paper inAbstract =
        Papers.paper(
            "2501.00002",
            "A scheme for noisy hardware",
            "Quantum error correction, quantum codes and quantum error correction again.");
    add(inTitle, inAbstract);
    assertThat(ids(search("quantum error correction")).get(0)).isEqualTo("2501.00002");
    try (LuceneSearchIndex boosted =
        LuceneSearchIndex.inMemory(LuceneSearchIndex.Options.DEFAULTS.withTitleBoost(3f))) {
      boosted.index(List.of(inTitle, inAbstract));
      boosted.commit();
      SearchResult r =
          boosted.search(SearchQuery.of("quantum error correction", SearchMode.BM25, 10));
      assertThat(ids(r).get(0)).isEqualTo("2501.00001");
      assertThat(r.total()).isEqualTo(2);
    }
  }

  @Test
  void optionsAreValidated() {
    assertThatThrownBy(() -> new LuceneSearchIndex.Options(-1f, 0.4f, 0f, 240, 1))
        .hasMessageContaining("k1");
    assertThatThrownBy(() -> new LuceneSearchIndex.Options(0.9f, 1.5f, 0f, 240, 1))
        .hasMessageContaining("b must be between 0 and 1, b: 1.5");
    assertThatThrownBy(() -> new LuceneSearchIndex.Options(0.9f, 0.4f, Float.NaN, 240, 1))
        .hasMessageContaining("titleBoost");
    assertThatThrownBy(() -> new LuceneSearchIndex.Options(0.9f, 0.4f, 0f, 5, 1))
        .hasMessageContaining("snippetChars");
    assertThatThrownBy(() -> new LuceneSearchIndex.Options(0.9f, 0.4f, 0f, 240, 0))
        .hasMessageContaining("indexThreads must be between 1 and 64, indexThreads: 0");
  }

  @Test
  void largeBatchesAreSharedAmongThreadsAndTheLastDuplicateWins() {
    for (int threads : new int[] {1, 3}) {
      try (LuceneSearchIndex parallel =
          LuceneSearchIndex.inMemory(
              LuceneSearchIndex.Options.DEFAULTS.withIndexThreads(threads))) {
        List<Paper> batch = new ArrayList<>();
        for (int i = 1; i <= 2000; i++) {
          batch.add(Papers.paper(String.format("2501.%05d", i), "Batch paper old" + i));
        }
        // The same ids again, later in the batch (and so in another thread's share).
        for (int i = 1; i <= 2000; i += 100) {
          batch.add(Papers.paper(String.format("2501.%05d", i), "Batch paper new" + i));
        }
        parallel.index(batch);
        parallel.commit();
        assertThat(parallel.size()).as("threads %d", threads).isEqualTo(2000);
        assertThat(parallel.search(SearchQuery.of("old1", SearchMode.BM25, 10)).total()).isZero();
        assertThat(parallel.search(SearchQuery.of("new1", SearchMode.BM25, 10)).total())
            .isEqualTo(1);
        assertThat(parallel.search(SearchQuery.of("old2", SearchMode.BM25, 10)).total())
            .isEqualTo(1);
        assertThat(parallel.search(SearchQuery.of("batch", SearchMode.BM25, 10)).total())
            .isEqualTo(2000);
      }
    }
  }

  @Test
  void reopensFromDiskAndCommitsOnClose(@TempDir Path dir) {
    try (LuceneSearchIndex disk = LuceneSearchIndex.open(dir)) {
      disk.index(List.of(Papers.paper("2501.00001", "Persistent homology")));
      disk.commit();
      disk.index(List.of(Papers.paper("2501.00002", "Pending at close")));
    }
    try (LuceneSearchIndex disk = LuceneSearchIndex.open(dir)) {
      assertThat(disk.size()).isEqualTo(2);
      SearchHit hit = disk.search(SearchQuery.of("homology", SearchMode.BM25, 10)).hits().get(0);
      assertThat(hit.id()).isEqualTo(ArxivId.parse("2501.00001"));
      assertThat(marked(hit.title())).containsExactly("homology");
    }
  }

  @Test
  void aRefreshShowsWritesWithoutCommittingThem(@TempDir Path dir) throws Exception {
    try (LuceneSearchIndex disk = LuceneSearchIndex.open(dir)) {
      disk.index(List.of(Papers.paper("2501.00001", "Persistent homology")));
      disk.commit();
      disk.index(List.of(Papers.paper("2501.00002", "Refreshed but not committed")));
      disk.refresh();
      assertThat(disk.size()).isEqualTo(2);
      // What a crash now would leave: the last commit, without the refreshed paper.
      try (FSDirectory d = FSDirectory.open(dir);
          org.apache.lucene.index.DirectoryReader committed =
              org.apache.lucene.index.DirectoryReader.open(d)) {
        assertThat(committed.numDocs()).isEqualTo(1);
      }
    }
  }

  @Test
  void aSecondWriterOnTheSameDirectoryIsRefused(@TempDir Path dir) {
    try (LuceneSearchIndex first = LuceneSearchIndex.open(dir)) {
      assertThatThrownBy(() -> LuceneSearchIndex.open(dir))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("in use by another process")
          .hasMessageContaining(dir.toString());
      assertThat(first.size()).isZero();
    }
  }

  @Test
  void aDamagedIndexIsReportedWithWhatToDo(@TempDir Path dir) throws Exception {
    try (LuceneSearchIndex disk = LuceneSearchIndex.open(dir)) {
      disk.index(List.of(Papers.paper("2501.00001", "Soon damaged")));
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f :
          files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
        Files.write(f, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
      }
    }
    assertThatThrownBy(() -> LuceneSearchIndex.open(dir))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(dir.toString())
        .hasMessageContaining("delete the directory and rebuild it");
    // The failed open released the lock and the directory: a fresh index can be made there.
    Files.walk(dir)
        .sorted(Comparator.reverseOrder())
        .filter(p -> !p.equals(dir))
        .forEach(p -> p.toFile().delete());
    try (LuceneSearchIndex fresh = LuceneSearchIndex.open(dir)) {
      assertThat(fresh.size()).isZero();
    }
  }

  @Test
  void anIndexWithAnotherSchemaVersionIsEmptiedOnOpen(@TempDir Path dir) throws Exception {
    try (FSDirectory d = FSDirectory.open(dir);
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new PaperAnalyzer()))) {
      Document doc = new Document();
      doc.add(new StringField("id", "2501.00001", Field.Store.YES));
      w.addDocument(doc);
      w.setLiveCommitData(Map.of(LuceneSearchIndex.SCHEMA_KEY, "0").entrySet());
      w.commit();
    }
    try (LuceneSearchIndex disk = LuceneSearchIndex.open(dir)) {
      assertThat(disk.size()).isZero();
      disk.index(List.of(Papers.paper("2501.00001", "Rebuilt")));
    }
    try (LuceneSearchIndex disk = LuceneSearchIndex.open(dir)) {
      assertThat(disk.size()).isEqualTo(1); // same schema now: kept
    }
  }
}
