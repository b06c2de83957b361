package dev.paperboy.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.DailyEntry;
import dev.paperboy.core.paper.EntrySource;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.search.SearchIndex;
import dev.paperboy.core.search.SearchQuery;
import dev.paperboy.core.search.SearchResult;
import dev.paperboy.core.testing.InMemoryPaperStore;
import dev.paperboy.core.testing.Papers;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImporterTest {

  /** Records what was indexed. */
  static final class RecordingIndex implements SearchIndex {
    final List<ArxivId> indexed = new ArrayList<>();
    int commits;

    @Override
    public void index(Collection<Paper> papers) {
      papers.forEach(p -> indexed.add(p.id()));
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
    public long size() {
      return indexed.size();
    }

    @Override
    public void close() {}
  }

  private static PaperSource source(List<Paper> papers, List<Rejection> bad) {
    return new PaperSource() {
      @Override
      public String describe() {
        return "fixture";
      }

      @Override
      public void read(RecordSink sink) {
        int line = 0;
        for (Paper p : papers) {
          line++;
          DailyEntry e =
              new DailyEntry(LocalDate.of(2025, 6, 16), p.id(), EntrySource.ARXIV, null, 0, null);
          sink.accept(new SourceRecord("fixture:" + line, p, List.of(e)));
        }
        bad.forEach(sink::reject);
      }
    };
  }

  @Test
  void importsCountsAndIsIdempotent() throws Exception {
    InMemoryPaperStore store = new InMemoryPaperStore();
    RecordingIndex index = new RecordingIndex();
    Importer importer = new Importer(store, index, 2);
    List<Paper> papers =
        List.of(
            Papers.paper("2503.00001", "One"),
            Papers.paper("2503.00002", "Two"),
            Papers.paper("2503.00003", "Three"));
    List<Rejection> bad = List.of(new Rejection("fixture:4", "missing title"));
    List<Rejection> seen = new ArrayList<>();

    ImportSummary first = importer.run(source(papers, bad), seen::add, s -> {});

    assertThat(first.toString()).isEqualTo("read 4, added 3, updated 0, unchanged 0, rejected 1");
    assertThat(seen).containsExactlyElementsOf(bad);
    assertThat(index.indexed).hasSize(3);
    assertThat(store.entriesOn(LocalDate.of(2025, 6, 16))).hasSize(3);

    ImportSummary second = importer.run(source(papers, List.of()), r -> {}, s -> {});
    assertThat(second.toString()).isEqualTo("read 3, added 0, updated 0, unchanged 3, rejected 0");
    assertThat(index.indexed).as("nothing re-indexed").hasSize(3);
    assertThat(index.commits).isEqualTo(2);
  }

  @Test
  void keepsWhatWasReadWhenTheSourceFailsPartWay() throws Exception {
    InMemoryPaperStore store = new InMemoryPaperStore();
    RecordingIndex index = new RecordingIndex();
    PaperSource truncated =
        new PaperSource() {
          @Override
          public String describe() {
            return "truncated.gz";
          }

          @Override
          public void read(RecordSink sink) throws java.io.IOException {
            sink.accept(
                new SourceRecord("truncated.gz:1", Papers.paper("2503.00001", "One"), List.of()));
            throw new java.io.EOFException("truncated.gz: unexpected end of gzip stream");
          }
        };

    ImportSummary s = new Importer(store, index, 100).run(truncated, r -> {}, x -> {});

    assertThat(s.complete()).isFalse();
    assertThat(s.toString())
        .isEqualTo(
            "read 1, added 1, updated 0, unchanged 0, rejected 0; stopped early: truncated.gz:"
                + " unexpected end of gzip stream");
    assertThat(store.stats().papers()).isEqualTo(1);
    assertThat(index.indexed).hasSize(1);
  }

  @Test
  void aSourceThatCannotBeReadAtAllIsAnError() {
    PaperSource missing =
        new PaperSource() {
          @Override
          public String describe() {
            return "missing.json";
          }

          @Override
          public void read(RecordSink sink) throws java.io.IOException {
            throw new java.nio.file.NoSuchFileException("missing.json");
          }
        };
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new Importer(new InMemoryPaperStore(), new RecordingIndex())
                    .run(missing, r -> {}, x -> {}))
        .isInstanceOf(java.nio.file.NoSuchFileException.class);
  }
}
