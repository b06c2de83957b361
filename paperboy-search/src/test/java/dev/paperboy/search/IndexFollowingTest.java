package dev.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.search.IndexFollower;
import dev.paperboy.core.search.IndexInUseException;
import dev.paperboy.core.search.Reindexer;
import dev.paperboy.core.search.SearchHit;
import dev.paperboy.core.search.SearchMode;
import dev.paperboy.core.search.SearchQuery;
import dev.paperboy.core.testing.InMemoryPaperStore;
import dev.paperboy.core.testing.Papers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded index follows the store's change sequence (core IndexFollower). */
class IndexFollowingTest {

  private static List<Paper> papers(int from, int to, String title) {
    List<Paper> out = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      out.add(Papers.paper(String.format("2501.%05d", i), title + " " + i));
    }
    return out;
  }

  private static List<ArxivId> hits(LuceneSearchIndex index, String text) {
    return index.search(SearchQuery.of(text, SearchMode.BM25, 100)).hits().stream()
        .map(SearchHit::id)
        .toList();
  }

  @Test
  void thePositionIsCommittedWithTheDocumentsAndSurvivesReopening(@TempDir Path dir) {
    try (LuceneSearchIndex index = LuceneSearchIndex.open(dir)) {
      assertThat(index.followedTo()).isEmpty();
      index.index(papers(1, 2, "Kept"));
      index.commitFollowedTo(42);
      assertThat(index.followedTo()).hasValue(42);
      // A plain commit by another writer in the same process keeps the position.
      index.index(papers(3, 3, "Kept"));
      index.commit();
    }
    try (LuceneSearchIndex index = LuceneSearchIndex.open(dir)) {
      assertThat(index.followedTo()).hasValue(42);
      assertThat(index.size()).isEqualTo(3);
      index.deleteAll();
      assertThat(index.followedTo()).isEmpty();
      index.commit();
    }
    try (LuceneSearchIndex index = LuceneSearchIndex.open(dir)) {
      assertThat(index.followedTo()).isEmpty();
      assertThatThrownBy(() -> index.commitFollowedTo(-1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("seq");
    }
  }

  @Test
  void aLockedIndexSaysSoWithItsOwnException(@TempDir Path dir) {
    try (LuceneSearchIndex first = LuceneSearchIndex.open(dir)) {
      assertThatThrownBy(() -> LuceneSearchIndex.open(dir))
          .isInstanceOf(IndexInUseException.class)
          .hasMessageContaining("in use by another process");
    }
  }

  @Test
  void theFollowerIndexesPapersWrittenToTheStoreOnly(@TempDir Path dir) {
    InMemoryPaperStore store = new InMemoryPaperStore();
    try (LuceneSearchIndex index = LuceneSearchIndex.open(dir)) {
      IndexFollower follower = new IndexFollower(store, index, 2);
      assertThat(follower.catchUp()).isZero();

      // Another process imports: the store only, never this index.
      store.upsertPapers(papers(1, 5, "Stored elsewhere"));
      assertThat(index.size()).isZero();

      assertThat(follower.catchUp()).isEqualTo(5);
      assertThat(index.size()).isEqualTo(5);
      assertThat(index.followedTo()).hasValue(store.changeHorizon());
      assertThat(hits(index, "elsewhere")).hasSize(5).doesNotHaveDuplicates();
      assertThat(follower.catchUp()).isZero();

      // An update is indexed again in place: the same number of documents, the new words.
      store.upsertPapers(
          List.of(
              Papers.paper("2501.00002", "Stored elsewhere 2").toBuilder()
                  .version(2)
                  .title("Revised zebra title")
                  .build()));
      assertThat(follower.catchUp()).isEqualTo(1);
      assertThat(index.size()).isEqualTo(5);
      assertThat(hits(index, "zebra")).containsExactly(ArxivId.parse("2501.00002"));
      // (its abstract still says "elsewhere": five hits, one per paper)
      assertThat(hits(index, "elsewhere")).hasSize(5).doesNotHaveDuplicates();
    }
    // Reopened (a server restart), it goes on from where it was.
    try (LuceneSearchIndex index = LuceneSearchIndex.open(dir)) {
      store.upsertPapers(papers(6, 6, "While down"));
      assertThat(new IndexFollower(store, index).catchUp()).isEqualTo(1);
      assertThat(index.size()).isEqualTo(6);
    }
  }

  @Test
  void theFollowerRepairsACrashBetweenStoreWriteAndIndexCommit(@TempDir Path tmp)
      throws IOException {
    InMemoryPaperStore store = new InMemoryPaperStore();
    Path dir = tmp.resolve("index");
    Path crashed = tmp.resolve("crashed");
    store.upsertPapers(papers(1, 3, "Before"));
    try (LuceneSearchIndex index = LuceneSearchIndex.open(dir)) {
      assertThat(Reindexer.rebuild(store, index, (d, t) -> {})).isEqualTo(3);
      assertThat(index.followedTo()).hasValue(store.changeHorizon());

      // A writer stores an update and two new papers and indexes them, but dies before its commit.
      store.upsertPapers(
          List.of(
              Papers.paper("2501.00002", "x").toBuilder()
                  .version(2)
                  .title("Revised zebra title")
                  .build()));
      store.upsertPapers(papers(4, 5, "After"));
      index.index(store.findPapers(store.changesAfter(0, 100).stream().map(c -> c.id()).toList()));
      index.refresh();
      copyAsACrashLeavesIt(dir, crashed);
    }
    try (LuceneSearchIndex index = LuceneSearchIndex.open(crashed)) {
      assertThat(index.size()).isEqualTo(3); // the last commit: the crash lost the rest
      assertThat(hits(index, "zebra")).isEmpty();

      assertThat(new IndexFollower(store, index).catchUp()).isEqualTo(3);
      assertThat(index.size()).isEqualTo(5);
      assertThat(hits(index, "zebra")).containsExactly(ArxivId.parse("2501.00002"));
      assertThat(hits(index, "after")).hasSize(2).doesNotHaveDuplicates();
      assertThat(index.followedTo()).isEqualTo(OptionalLong.of(store.changeHorizon()));
    }
  }

  /**
   * Copies an open index's directory: the last commit point and the uncommitted segment files a
   * crash would leave behind (opening it deletes those, as after a real crash).
   */
  private static void copyAsACrashLeavesIt(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) {
        if (!f.getFileName().toString().equals("write.lock")) {
          Files.copy(f, to.resolve(f.getFileName()));
        }
      }
    }
  }

  @Test
  void anIndexWithoutAPositionCatchesUpFromTheStart(@TempDir Path dir) {
    InMemoryPaperStore store = new InMemoryPaperStore();
    store.upsertPapers(papers(1, 4, "Old"));
    try (LuceneSearchIndex index = LuceneSearchIndex.open(dir)) {
      // As an earlier version left it: the papers indexed, no position recorded.
      index.index(store.findPapers(List.of(ArxivId.parse("2501.00001"))));
      index.commit();
      assertThat(index.followedTo()).isEmpty();
      assertThat(new IndexFollower(store, index).catchUp()).isEqualTo(4);
      assertThat(index.size()).isEqualTo(4);
    }
  }
}
