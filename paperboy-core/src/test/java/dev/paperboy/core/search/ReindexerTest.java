package dev.paperboy.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.testing.InMemoryPaperStore;
import dev.paperboy.core.testing.Papers;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReindexerTest {

  /** Records what a rebuild asks of an index, in order. */
  static final class RecordingIndex implements SearchIndex {
    final List<String> calls = new ArrayList<>();
    final List<ArxivId> indexed = new ArrayList<>();

    @Override
    public void index(Collection<Paper> papers) {
      papers.forEach(p -> indexed.add(p.id()));
      calls.add("index " + papers.size());
    }

    @Override
    public void delete(ArxivId id) {
      calls.add("delete " + id);
    }

    @Override
    public void deleteAll() {
      calls.add("deleteAll");
    }

    @Override
    public void commit() {
      calls.add("commit");
    }

    @Override
    public void refresh() {
      calls.add("refresh at " + indexed.size());
    }

    @Override
    public SearchResult search(SearchQuery query) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long size() {
      return indexed.size();
    }

    @Override
    public void close() {}
  }

  static InMemoryPaperStore store(int papers) {
    InMemoryPaperStore store = new InMemoryPaperStore();
    List<Paper> ps = new ArrayList<>();
    for (int i = 1; i <= papers; i++) {
      ps.add(Papers.paper(String.format("2501.%05d", i), "Paper " + i));
    }
    store.upsertPapers(ps);
    return store;
  }

  @Test
  void emptiesTheIndexIndexesEveryPaperOnceAndCommitsOnceAtTheEnd() {
    RecordingIndex index = new RecordingIndex();
    List<Long> progress = new ArrayList<>();

    long n = Reindexer.rebuild(store(2_500), index, (done, total) -> progress.add(done));

    assertThat(n).isEqualTo(2_500);
    assertThat(index.indexed).hasSize(2_500).doesNotHaveDuplicates();
    assertThat(index.calls)
        .containsExactly("deleteAll", "index 1000", "index 1000", "index 500", "commit");
    assertThat(progress).containsExactly(1_000L, 2_000L, 2_500L);
  }

  @Test
  void showsProgressToSearchesEveryRefreshEveryPapersBeforeTheOneCommit() {
    RecordingIndex index = new RecordingIndex();

    Reindexer.rebuild(store(4_500), index, (done, total) -> {}, 2_000);

    assertThat(index.calls)
        .containsExactly(
            "deleteAll",
            "index 1000",
            "index 1000",
            "refresh at 2000",
            "index 1000",
            "index 1000",
            "refresh at 4000",
            "index 500",
            "commit");
  }

  @Test
  void refusesANonPositiveRefreshInterval() {
    assertThatThrownBy(() -> Reindexer.rebuild(store(1), new RecordingIndex(), (d, t) -> {}, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("refreshEvery must be >= 1, refreshEvery: 0");
  }
}
