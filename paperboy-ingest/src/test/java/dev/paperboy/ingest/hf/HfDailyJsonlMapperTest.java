package dev.paperboy.ingest.hf;

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
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HfDailyJsonlMapperTest {

  @Test
  void readsDaysAndSingleEntries() throws IOException {
    CollectingSink sink =
        CollectingSink.readAll(
            new JsonLinesSource(
                InputFile.of(Fixtures.path("hf/by-date.jsonl")),
                "hf-daily-jsonl",
                HfDailyJsonlMapper::new));

    assertThat(sink.wheres())
        .containsExactly(
            "by-date.jsonl:1 papers[0]", "by-date.jsonl:5", "by-date.jsonl:8 papers[0]");
    assertThat(sink.papers().get(0))
        .isEqualTo(
            Paper.builder(ArxivId.parse("2506.30001"), "Looms and Engines")
                .abstractText("Punched cards.")
                .authors(List.of("Ada Lovelace"))
                .submitted(LocalDate.of(2025, 6, 13))
                .aiSummary("Cards drive looms.")
                .build());
    assertThat(sink.entries())
        .containsExactly(
            new DailyEntry(
                LocalDate.of(2025, 6, 16),
                ArxivId.parse("2506.30001"),
                EntrySource.HUGGING_FACE,
                "alice",
                5,
                Instant.parse("2025-06-16T05:00:00Z")),
            new DailyEntry(
                LocalDate.of(2025, 6, 18),
                ArxivId.parse("2506.30002"),
                EntrySource.HUGGING_FACE,
                null,
                2,
                Instant.parse("2025-06-18T10:00:00Z")),
            new DailyEntry(
                LocalDate.of(2025, 6, 20),
                ArxivId.parse("2506.30001"),
                EntrySource.HUGGING_FACE,
                "bob",
                7,
                null));

    assertThat(sink.rejections).hasSize(6);
    assertThat(sink.rejections.get(0))
        .isEqualTo(new Rejection("by-date.jsonl:1 papers[1]", "missing paper"));
    assertThat(sink.rejections.get(1).where()).isEqualTo("by-date.jsonl:3");
    assertThat(sink.rejections.get(1).reason())
        .startsWith("invalid JSON at column ")
        .contains("Unexpected end-of-input");
    assertThat(sink.rejections.subList(2, 6))
        .containsExactly(
            new Rejection("by-date.jsonl:4", "bad date \"16/06/2025\": expected a date YYYY-MM-DD"),
            new Rejection(
                "by-date.jsonl:6",
                "expected a day {\"date\", \"papers\"} or an entry {\"paper\", ...} but the keys"
                    + " are [hello]"),
            new Rejection("by-date.jsonl:7", "missing papers"),
            new Rejection("by-date.jsonl:9", "record: expected an object but was an array"));
  }
}
