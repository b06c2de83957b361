package dev.paperboy.ingest.arxiv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.ingest.Rejection;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.paper.PaperVersion;
import dev.paperboy.ingest.support.CollectingSink;
import dev.paperboy.ingest.support.Fixtures;
import dev.paperboy.ingest.support.InputFile;
import dev.paperboy.ingest.support.JsonLinesSource;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class KaggleSnapshotMapperTest {

  @Test
  void readsSnapshotRecords() throws IOException {
    CollectingSink sink =
        CollectingSink.readAll(
            new JsonLinesSource(
                InputFile.of(Fixtures.path("kaggle/arxiv-metadata-oai-snapshot.json")),
                "kaggle",
                KaggleSnapshotMapper::new));
    String file = "arxiv-metadata-oai-snapshot.json";

    assertThat(sink.wheres()).containsExactly(file + ":1", file + ":2", file + ":3", file + ":4");
    assertThat(sink.entries()).isEmpty();
    assertThat(sink.papers())
        .containsExactly(
            Paper.builder(ArxivId.parse("0704.0001"), "A Calculation of Something in Two Lines")
                .version(2)
                .abstractText(
                    "A fully differential calculation is presented here.\n\nSecond paragraph.")
                .authors(List.of("A. Example", "B. Sample", "C. Test Jr"))
                .categories(List.of("hep-ph"))
                .comments("37 pages, 15 figures; published version")
                .journalRef("J. Example Phys. 1 (2007) 1")
                .doi("10.1234/example.0001")
                .versions(
                    List.of(
                        new PaperVersion(1, LocalDate.of(2007, 4, 2)),
                        new PaperVersion(2, LocalDate.of(2007, 7, 24))))
                .submitted(LocalDate.of(2007, 4, 2))
                // The latest version's day, not update_date (2008-11-13, a metadata re-stamp).
                .updated(LocalDate.of(2007, 7, 24))
                .build(),
            // No authors_parsed: the authors string is split. 23:30 at -05:00 is the next UTC day.
            Paper.builder(ArxivId.parse("hep-th/9901001"), "Strings Before the Millennium")
                .version(1)
                .abstractText("Old style.")
                .authors(List.of("D. Writer", "E. Author"))
                .categories(List.of("hep-th", "math-ph"))
                .license("http://arxiv.org/licenses/nonexclusive-distrib/1.0/")
                .versions(List.of(new PaperVersion(1, LocalDate.of(1999, 1, 1))))
                .submitted(LocalDate.of(1999, 1, 1))
                .updated(LocalDate.of(1999, 1, 1))
                .build(),
            Paper.builder(ArxivId.parse("1501.00003"), "Retracted Result")
                .version(3)
                .abstractText("Claims.")
                .authors(List.of("F. Sorry"))
                .categories(List.of("math.CO"))
                .comments("This paper has been withdrawn")
                .versions(
                    List.of(
                        new PaperVersion(1, LocalDate.of(2015, 1, 1)),
                        new PaperVersion(2, LocalDate.of(2015, 1, 3)),
                        new PaperVersion(3, LocalDate.of(2015, 1, 7))))
                .submitted(LocalDate.of(2015, 1, 1))
                .updated(LocalDate.of(2015, 1, 7))
                .withdrawn(true)
                .build(),
            // No versions: update_date is all there is.
            Paper.builder(ArxivId.parse("2001.00004"), "No Versions Given")
                .abstractText("Learning.")
                .authors(List.of("G. Net"))
                .categories(List.of("cs.LG", "stat.ML"))
                .updated(LocalDate.of(2020, 5, 1))
                .build());

    assertThat(sink.rejections).hasSize(6);
    assertThat(sink.rejections.subList(0, 5))
        .containsExactly(
            new Rejection(file + ":5", "bad versions[0].version \"1\": expected v1, v2, ..."),
            new Rejection(
                file + ":6",
                "bad versions[1].created \"yesterday\": expected an RFC 1123 date such as \"Mon, 2"
                    + " Apr 2007 19:18:42 GMT\""),
            new Rejection(file + ":7", "id: expected a string but was a number (1234)"),
            new Rejection(file + ":8", "missing title"),
            new Rejection(
                file + ":9",
                "authors_parsed[1]: expected an array [last, first, suffix] but was a string"
                    + " (\"oops\")"));
    assertThat(sink.rejections.get(5).where()).isEqualTo(file + ":10");
    assertThat(sink.rejections.get(5).reason()).startsWith("invalid JSON");
  }
}
