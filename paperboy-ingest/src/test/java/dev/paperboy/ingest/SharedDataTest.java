package dev.paperboy.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.ingest.PaperSource;
import dev.paperboy.core.ingest.RecordSink;
import dev.paperboy.core.ingest.Rejection;
import dev.paperboy.core.ingest.SourceRecord;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.DailyEntry;
import dev.paperboy.core.paper.EntrySource;
import dev.paperboy.core.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reads the real shared data (skipped when absent) and checks the counts its PROVENANCE.md files
 * state.
 */
class SharedDataTest {

  /** Counts and checks without keeping the records. */
  private static final class Tally implements RecordSink {
    final Set<ArxivId> ids = new HashSet<>();
    final List<Rejection> rejections = new ArrayList<>();
    final Set<LocalDate> days = new HashSet<>();
    long records;
    long entries;
    long withCategories;
    long withCode;

    @Override
    public void accept(SourceRecord r) {
      records++;
      ids.add(r.paper().id());
      entries += r.entries().size();
      r.entries().forEach(e -> days.add(e.day()));
      if (!r.paper().categories().isEmpty()) {
        withCategories++;
      }
      if (r.paper().hasCode()) {
        withCode++;
      }
    }

    @Override
    public void reject(Rejection rejection) {
      rejections.add(rejection);
    }
  }

  @Test
  void theArxivFolderReadsWithoutRejections() throws IOException {
    Path arxiv = SharedData.require("arxiv");
    List<Path> files;
    try (Stream<Path> s = Files.list(arxiv)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".jsonl.gz")).sorted().toList();
    }
    assertThat(files).hasSize(17);
    Tally t = new Tally();
    for (Path f : files) {
      PaperSource source = Sources.open(f, null);
      assertThat(source.describe()).endsWith("(arxiv-jsonl)");
      source.read(
          new RecordSink() {
            @Override
            public void accept(SourceRecord r) {
              assertThat(r.entries())
                  .singleElement()
                  .extracting(DailyEntry::source, DailyEntry::day)
                  .containsExactly(EntrySource.ARXIV, r.paper().listingDate());
              t.accept(r);
            }

            @Override
            public void reject(Rejection rejection) {
              t.reject(rejection);
            }
          });
      assertThat(source.fractionRead()).isEqualTo(1.0);
    }
    assertThat(t.rejections).isEmpty();
    assertThat(t.records).isEqualTo(74_728);
    assertThat(t.ids).hasSize(74_728);
    assertThat(t.days).hasSize(322);
    // Every record has arXiv categories; ACM/MSC values among them were dropped, not rejected.
    assertThat(t.withCategories).isEqualTo(74_728);
  }

  @Test
  void theHfByDateFileHasAllItsEntries() throws IOException {
    Path file = SharedData.require("hf-daily").resolve("hf-daily-papers-by-date.jsonl.gz");
    PaperSource source = Sources.open(file, null);
    assertThat(source.describe()).endsWith("(hf-daily-jsonl)");
    Tally t = new Tally();
    source.read(t);
    assertThat(t.rejections).isEmpty();
    assertThat(t.records).isEqualTo(9_881);
    assertThat(t.entries).isEqualTo(9_881);
    assertThat(t.ids).hasSize(9_877);
    assertThat(t.days).hasSize(580);
    assertThat(t.withCode).isEqualTo(3_692); // githubRepo, per PROVENANCE.md
  }

  @Test
  void theRawHfResponsesReadWithoutRejections() throws IOException {
    Path raw = SharedData.require("hf-daily").resolve("raw");
    for (var expected :
        List.of(
            new Object[] {"2024-05-27.json", 13},
            new Object[] {"2025-06-16.json", 9},
            new Object[] {"2026-08-21.json", 17})) {
      String name = (String) expected[0];
      PaperSource source = Sources.open(raw.resolve(name), null);
      assertThat(source.describe()).endsWith("(hf-daily)");
      Tally t = new Tally();
      source.read(t);
      assertThat(t.rejections).as(name).isEmpty();
      assertThat(t.records).as(name).isEqualTo((int) expected[1]);
      assertThat(t.days).as(name).containsExactly(LocalDate.parse(name.replace(".json", "")));
    }
  }
}
