package dev.paperboy.ingest.arxiv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.ingest.Rejection;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.DailyEntry;
import dev.paperboy.core.paper.EntrySource;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.ingest.support.CollectingSink;
import dev.paperboy.ingest.support.Fixtures;
import dev.paperboy.ingest.support.InputFile;
import dev.paperboy.ingest.support.JsonLinesSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArxivListingMapperTest {
  private static final LocalDate MARCH_18 = LocalDate.of(2025, 3, 18);

  private static CollectingSink read(Path file) throws IOException {
    return CollectingSink.readAll(
        new JsonLinesSource(InputFile.of(file), "arxiv-jsonl", ArxivListingMapper::new));
  }

  @Test
  void readsListingRecords() throws IOException {
    CollectingSink sink = read(Fixtures.path("arxiv/listing.jsonl"));

    assertThat(sink.wheres())
        .containsExactly(
            "listing.jsonl:1",
            "listing.jsonl:2",
            "listing.jsonl:3",
            "listing.jsonl:10",
            "listing.jsonl:11",
            "listing.jsonl:12");
    assertThat(sink.papers().subList(0, 4))
        .containsExactly(
            // ACM and MSC classes (I.2.10, 68T45) are dropped, not a reason to reject.
            Paper.builder(ArxivId.parse("2503.00001"), "Sensor Simulation at Scale")
                .abstractText("Line one wraps here.\n\nA second paragraph.")
                .authors(List.of("Ada Lovelace", "Alan Turing"))
                .categories(List.of("cs.CV", "cs.RO"))
                .listingDate(MARCH_18)
                .build(),
            // cs.SY is an alias of eess.SY; "cs.CV, cs.MM" holds two categories; "na" is none.
            Paper.builder(ArxivId.parse("2503.00002"), "Control Systems for Video")
                .abstractText("Short.")
                .authors(List.of("Grace Hopper"))
                .categories(List.of("eess.SY", "cs.CV", "cs.MM"))
                .comments("12 pages, 3 figures")
                .listingDate(MARCH_18)
                .build(),
            Paper.builder(ArxivId.parse("2503.00003"), "A Flawed Lemma")
                .abstractText("We prove a lemma.")
                .authors(List.of("Emmy Noether"))
                .categories(List.of("math.RA"))
                .comments(
                    "This paper has been withdrawn by the author due to a crucial error in Lemma"
                        + " 2")
                .listingDate(LocalDate.of(2025, 3, 19))
                .withdrawn(true)
                .build(),
            // No listing_date and a file name without a date: a paper without a day.
            Paper.builder(ArxivId.parse("2503.00010"), "No Listing Date")
                .version(3)
                .abstractText("Undecidable.")
                .authors(List.of("Kurt Goedel"))
                .categories(List.of("math.LO"))
                .build());
    assertThat(sink.papers().get(1).primaryCategory()).isEqualTo("eess.SY");
    assertThat(sink.paper("2503.00011").withdrawn()).isTrue();
    assertThat(sink.paper("2503.00012").withdrawn()).isFalse();

    assertThat(sink.records.get(3).entries()).isEmpty();
    assertThat(sink.entries())
        .extracting(DailyEntry::day)
        .containsExactly(
            MARCH_18,
            MARCH_18,
            LocalDate.of(2025, 3, 19),
            LocalDate.of(2025, 3, 20),
            LocalDate.of(2025, 3, 20));
    assertThat(sink.entries().get(0))
        .isEqualTo(
            new DailyEntry(
                MARCH_18, ArxivId.parse("2503.00001"), EntrySource.ARXIV, null, 0, null));

    assertThat(sink.rejections).hasSize(7);
    assertThat(sink.rejections.get(0))
        .isEqualTo(
            new Rejection(
                "listing.jsonl:4",
                "bad id: not an arXiv id: '2503.1' (expected e.g. 2503.11731, 0704.0001,"
                    + " hep-th/9901001, optionally with v2)"));
    assertThat(sink.rejections.subList(1, 3))
        .containsExactly(
            new Rejection("listing.jsonl:5", "missing title"),
            new Rejection("listing.jsonl:6", "blank title"));
    assertThat(sink.rejections.get(3).where()).isEqualTo("listing.jsonl:7");
    assertThat(sink.rejections.get(3).reason()).startsWith("invalid JSON at column ");
    assertThat(sink.rejections.subList(4, 7))
        .containsExactly(
            new Rejection(
                "listing.jsonl:8",
                "authors: expected an array of strings but was a string (\"Ada Lovelace\")"),
            new Rejection(
                "listing.jsonl:9", "bad listing_date \"2025-13-01\": expected a date YYYY-MM-DD"),
            new Rejection(
                "listing.jsonl:13", "id: expected a string but was a number (2503.00013)"));
  }

  @Test
  void aDailyCrawlFileNamesTheListingDay(@TempDir Path dir) throws IOException {
    Path dated = Fixtures.copy("arxiv/undated-crawl.jsonl", dir, "2025-03-18.jsonl");
    CollectingSink sink = read(dated);
    assertThat(sink.papers()).extracting(Paper::listingDate).containsExactly(MARCH_18);
    assertThat(sink.entries())
        .containsExactly(
            new DailyEntry(
                MARCH_18, ArxivId.parse("2503.00101"), EntrySource.ARXIV, null, 0, null));

    CollectingSink undated = read(Fixtures.path("arxiv/undated-crawl.jsonl"));
    assertThat(undated.papers()).extracting(Paper::listingDate).containsOnlyNulls();
    assertThat(undated.entries()).isEmpty();
  }

  @Test
  void countsDroppedCategories() {
    ArxivListingMapper mapper = new ArxivListingMapper();
    CollectingSink sink = new CollectingSink();
    mapper.map(
        dev.paperboy.ingest.support.Json.MAPPER
            .createObjectNode()
            .put("id", "2503.00001")
            .put("title", "T")
            .put("categories", "cs.AI I.2.7 68T50"),
        "x:1",
        "x",
        sink);
    assertThat(sink.papers().get(0).categories()).containsExactly("cs.AI");
    assertThat(mapper.droppedCategories()).isEqualTo(2);
  }
}
