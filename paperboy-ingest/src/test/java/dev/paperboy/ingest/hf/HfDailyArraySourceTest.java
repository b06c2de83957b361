package dev.paperboy.ingest.hf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.core.ingest.Rejection;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.DailyEntry;
import dev.paperboy.core.paper.EntrySource;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.ingest.support.CollectingSink;
import dev.paperboy.ingest.support.Fixtures;
import dev.paperboy.ingest.support.InputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HfDailyArraySourceTest {
  private static final LocalDate JUNE_16 = LocalDate.of(2025, 6, 16);

  private static CollectingSink read(Path file) throws IOException {
    return CollectingSink.readAll(new HfDailyArraySource(InputFile.of(file)));
  }

  @Test
  void readsEntriesOfADatedResponse() throws IOException {
    CollectingSink sink = read(Fixtures.path("hf/2025-06-16.json"));

    assertThat(sink.wheres())
        .containsExactly("2025-06-16.json:2", "2025-06-16.json:30", "2025-06-16.json:73");
    assertThat(sink.papers())
        .containsExactly(
            Paper.builder(ArxivId.parse("2506.10001"), "Teaching Engines to Weave Patterns")
                .abstractText(
                    "We weave algebraic patterns with an analytical engine.\n\nA second paragraph.")
                .authors(List.of("Ada Lovelace", "Grace Hopper"))
                .submitted(LocalDate.of(2025, 6, 13))
                .codeUrl("https://github.com/example/weave")
                .projectPage("https://example.org/weave/")
                .aiSummary("An engine weaves patterns.")
                .aiKeywords(List.of("analytical engine", "weaving"))
                .githubStars(8)
                .build(),
            Paper.builder(ArxivId.parse("2405.15001"), "On Computable Numbers, Again")
                .abstractText("A minimal entry as the API wrote them in 2024.")
                .authors(List.of("Alan Turing"))
                .submitted(LocalDate.of(2024, 5, 24))
                .build(),
            Paper.builder(ArxivId.parse("2506.10006"), "Symmetries Everywhere")
                .version(2)
                .abstractText("Conserved quantities.")
                .authors(List.of("Emmy Noether"))
                .submitted(LocalDate.of(2025, 6, 12))
                .build());
    // The file name gives the day, even where the entry says another (2506.10006: 06-17).
    assertThat(sink.entries())
        .containsExactly(
            new DailyEntry(
                JUNE_16,
                ArxivId.parse("2506.10001"),
                EntrySource.HUGGING_FACE,
                "cbabbage",
                20,
                Instant.parse("2025-06-16T04:13:42.201Z")),
            new DailyEntry(
                JUNE_16,
                ArxivId.parse("2405.15001"),
                EntrySource.HUGGING_FACE,
                null,
                0,
                Instant.parse("2024-05-27T03:50:58.348Z")),
            new DailyEntry(
                JUNE_16,
                ArxivId.parse("2506.10006"),
                EntrySource.HUGGING_FACE,
                "fklein",
                3,
                Instant.parse("2025-06-17T09:00:00Z")));
    assertThat(sink.rejections)
        .containsExactly(
            new Rejection(
                "2025-06-16.json:43",
                "bad paper.id: not an arXiv id: 'not-an-id' (expected e.g. 2503.11731, 0704.0001,"
                    + " hep-th/9901001, optionally with v2)"),
            new Rejection("2025-06-16.json:53", "missing paper.title"),
            new Rejection(
                "2025-06-16.json:63",
                "paper.upvotes: expected an integer but was a string (\"12\")"),
            new Rejection(
                "2025-06-16.json:72",
                "record: expected an object but was a string (\"{'paper': {'id': '2506.10005'}}\")"));
  }

  @Test
  void withoutADatedNameTheDayComesFromTheEntry() throws IOException {
    CollectingSink sink = read(Fixtures.path("hf/undated.json"));

    assertThat(sink.entries())
        .extracting(DailyEntry::paperId, DailyEntry::day)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                ArxivId.parse("2506.11001"), LocalDate.of(2025, 6, 17)),
            org.assertj.core.groups.Tuple.tuple(
                ArxivId.parse("2506.11002"), LocalDate.of(2024, 5, 27)));
    assertThat(sink.rejections)
        .containsExactly(
            new Rejection(
                "undated.json:11",
                "no day for the entry: the file name is not YYYY-MM-DD.json and neither"
                    + " paper.submittedOnDailyAt nor publishedAt is given"),
            new Rejection(
                "undated.json:14",
                "bad paper.submittedOnDailyAt \"yesterday\": expected an ISO-8601 time such as"
                    + " 2025-06-16T04:13:42.201Z"));
  }

  @Test
  void brokenJsonRejectsTheEntryAndStops() throws IOException {
    CollectingSink sink = read(Fixtures.path("hf/broken.json"));

    assertThat(sink.wheres()).containsExactly("broken.json:2");
    assertThat(sink.rejections).hasSize(1);
    Rejection r = sink.rejections.get(0);
    assertThat(r.where()).isEqualTo("broken.json:3");
    assertThat(r.reason())
        .startsWith("invalid JSON at line 3 column 52: Unexpected character ('\"'")
        .endsWith("; the rest of the file was not read");
  }

  @Test
  void aFileThatIsNotAnArrayIsAnError(@TempDir Path dir) throws IOException {
    Path f = Files.writeString(dir.resolve("object.json"), "{\"papers\": []}");
    assertThatThrownBy(() -> read(f))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("object.json: not a Hugging Face daily_papers response")
        .hasMessageContaining("starts with {");
  }

  @Test
  void anEmptyArrayAndAnEmptyFileHoldNothing(@TempDir Path dir) throws IOException {
    assertThat(read(Files.writeString(dir.resolve("a.json"), " [ ] ")).records).isEmpty();
    CollectingSink empty = read(Files.writeString(dir.resolve("b.json"), ""));
    assertThat(empty.records).isEmpty();
    assertThat(empty.rejections).isEmpty();
  }

  @Test
  void aTruncatedArrayIsRejectedAtItsEnd(@TempDir Path dir) throws IOException {
    Path f =
        Files.writeString(
            dir.resolve("cut.json"),
            "[\n{\"paper\": {\"id\": \"2506.20001\", \"title\": \"T\"},"
                + " \"publishedAt\": \"2025-06-16T00:00:00Z\"},\n");
    CollectingSink sink = read(f);
    assertThat(sink.wheres()).containsExactly("cut.json:2");
    assertThat(sink.rejections).hasSize(1);
    assertThat(sink.rejections.get(0).where()).isEqualTo("cut.json:3");
    assertThat(sink.rejections.get(0).reason()).startsWith("invalid JSON");
  }

  @Test
  void dayInNameNeedsAValidDate() {
    assertThat(HfDailyArraySource.dayInName("2024-05-27.json")).isEqualTo("2024-05-27");
    assertThat(HfDailyArraySource.dayInName("2024-05-27.json.gz")).isEqualTo("2024-05-27");
    assertThat(HfDailyArraySource.dayInName("2024-02-30.json")).isNull();
    assertThat(HfDailyArraySource.dayInName("daily-2024-05-27.json")).isNull();
  }
}
