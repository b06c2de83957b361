package dev.paperboy.core.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.search.SearchIndex;
import dev.paperboy.core.search.SearchQuery;
import dev.paperboy.core.search.SearchResult;
import dev.paperboy.core.testing.InMemoryEmbeddingStore;
import dev.paperboy.core.testing.InMemoryPaperStore;
import dev.paperboy.core.testing.Papers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EmbeddingJobTest {
  final InMemoryPaperStore papers = new InMemoryPaperStore();
  final InMemoryEmbeddingStore vectors = new InMemoryEmbeddingStore();
  final AtomicLong clock = new AtomicLong();
  final CountingEmbedder embedder = new CountingEmbedder("m1", clock);
  final RecordingIndex index = new RecordingIndex();

  EmbeddingJob job(Embedder e) {
    return new EmbeddingJob(papers, vectors, e, index, 2, clock::get);
  }

  void addPapers(int n) {
    List<Paper> list = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      list.add(Papers.paper(String.format("2501.%05d", i), "Paper " + i));
    }
    papers.upsertPapers(list);
  }

  @Test
  void embedsEveryPaperOnceStoresAndIndexesIt() {
    addPapers(5);
    List<EmbeddingJob.Progress> seen = new ArrayList<>();
    EmbeddingJob.Result r = job(embedder).run(seen::add);
    assertThat(r.scanned()).isEqualTo(5);
    assertThat(r.embedded()).isEqualTo(5);
    assertThat(r.cancelled()).isFalse();
    assertThat(embedder.embedded).isEqualTo(5);
    assertThat(vectors.countVectors("m1")).isEqualTo(5);
    assertThat(index.indexed).hasSize(5);
    assertThat(index.commits).isEqualTo(3); // batches of 2, 2, 1
    assertThat(seen).hasSize(3);
    EmbeddingJob.Progress last = seen.get(2);
    assertThat(last.fraction()).isEqualTo(1.0);
    assertThat(last.eta()).isEqualTo(Duration.ZERO);
    EmbeddingJob.Progress first = seen.get(0);
    assertThat(first.embedded()).isEqualTo(2);
    assertThat(first.toEmbed()).isEqualTo(5);
    assertThat(first.rate()).isCloseTo(2.0, within(1e-9)); // one simulated second per batch
    assertThat(first.eta()).isEqualTo(Duration.ofMillis(1500)); // 3 left at 2 per second
    assertThat(job(embedder).coverage()).isEqualTo(new Coverage(5, 5));
  }

  @Test
  void aSecondRunEmbedsNothingAndAChangedPaperAgain() {
    addPapers(3);
    job(embedder).run(p -> {});
    embedder.embedded = 0;
    index.indexed.clear();

    EmbeddingJob.Result again = job(embedder).run(p -> {});
    assertThat(again.embedded()).isZero();
    assertThat(again.upToDate()).isEqualTo(3);
    assertThat(embedder.embedded).isZero();
    assertThat(index.indexed).isEmpty();

    Paper changed =
        papers.findPaper(ArxivId.parse("2501.00002")).orElseThrow().toBuilder()
            .version(2)
            .abstractText("A new abstract in version 2.")
            .build();
    papers.upsertPapers(List.of(changed));
    EmbeddingJob.Result third = job(embedder).run(p -> {});
    assertThat(third.embedded()).isEqualTo(1);
    assertThat(index.indexed).extracting(Paper::id).containsExactly(changed.id());
    assertThat(vectors.currentVectors(List.of(changed), "m1").get(changed.id()))
        .containsExactly(CountingEmbedder.vectorOf(DocumentText.of(changed)));
  }

  @Test
  void aNewModelEmbedsEverythingUnderItsOwnName() {
    addPapers(2);
    job(embedder).run(p -> {});
    CountingEmbedder other = new CountingEmbedder("m2", clock);
    assertThat(job(other).coverage().fraction()).isZero();
    job(other).run(p -> {});
    assertThat(other.embedded).isEqualTo(2);
    assertThat(vectors.countVectors("m1")).isEqualTo(2);
    assertThat(vectors.countVectors("m2")).isEqualTo(2);
  }

  @Test
  void cancelStopsAfterTheCurrentBatchAndTheNextRunResumes() {
    addPapers(6);
    EmbeddingJob job = job(embedder);
    EmbeddingJob.Result r = job.run(p -> job.cancel());
    assertThat(r.cancelled()).isTrue();
    assertThat(r.embedded()).isEqualTo(2);
    assertThat(job.coverage()).isEqualTo(new Coverage(6, 2));
    assertThat(job.coverage().fraction()).isCloseTo(1.0 / 3, within(1e-12));

    EmbeddingJob.Result rest = job.run(p -> {});
    assertThat(rest.cancelled()).isFalse();
    assertThat(rest.embedded()).isEqualTo(4);
    assertThat(rest.upToDate()).isEqualTo(2);
    assertThat(embedder.embedded).isEqualTo(6);
  }

  static final class CountingEmbedder implements Embedder {
    final String name;
    final AtomicLong clock;
    int embedded;

    /** Every call to embed documents takes one simulated second on {@code clock}. */
    CountingEmbedder(String name, AtomicLong clock) {
      this.name = name;
      this.clock = clock;
    }

    static float[] vectorOf(String text) {
      return Vectors.normalizeInPlace(new float[] {text.length(), 1});
    }

    @Override
    public String modelName() {
      return name;
    }

    @Override
    public int dimension() {
      return 2;
    }

    @Override
    public float[] embedQuery(String query) {
      return vectorOf(query);
    }

    @Override
    public List<float[]> embedDocuments(List<String> texts) {
      embedded += texts.size();
      clock.addAndGet(1_000_000_000L);
      return texts.stream().map(CountingEmbedder::vectorOf).toList();
    }

    @Override
    public void close() {}
  }

  static final class RecordingIndex implements SearchIndex {
    final List<Paper> indexed = new ArrayList<>();
    int commits;

    @Override
    public void index(Collection<Paper> papers) {
      indexed.addAll(papers);
    }

    @Override
    public void delete(ArxivId id) {}

    @Override
    public void deleteAll() {}

    @Override
    public void commit() {
      commits++;
    }

    @Override
    public SearchResult search(SearchQuery query) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<dev.paperboy.core.search.SearchHit> similar(ArxivId id, int limit) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long size() {
      return indexed.size();
    }

    @Override
    public void close() {}
  }
}
