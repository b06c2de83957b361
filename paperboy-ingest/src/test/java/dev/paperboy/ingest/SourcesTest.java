package dev.paperboy.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.core.ingest.PaperSource;
import dev.paperboy.core.ingest.RecordSink;
import dev.paperboy.core.ingest.Rejection;
import dev.paperboy.core.ingest.SourceRecord;
import dev.paperboy.ingest.support.CollectingSink;
import dev.paperboy.ingest.support.Fixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourcesTest {
  private static final String NAMES = "(hf-daily, hf-daily-jsonl, arxiv-jsonl, kaggle, oai-pmh)";

  @ParameterizedTest
  @CsvSource({
    "hf/2025-06-16.json, HF_DAILY",
    "hf/broken.json, HF_DAILY",
    "hf/by-date.jsonl, HF_DAILY_JSONL",
    "arxiv/listing.jsonl, ARXIV_JSONL",
    "arxiv/undated-crawl.jsonl, ARXIV_JSONL",
    "kaggle/arxiv-metadata-oai-snapshot.json, KAGGLE",
    "oai/list-records.xml, OAI_PMH",
    "oai/bad-resumption-token.xml, OAI_PMH",
    "detect/bom-listing.jsonl, ARXIV_JSONL",
    "detect/broken-first-line.jsonl, KAGGLE"
  })
  void detectsEachFormatPlainAndGzipped(String fixture, SourceFormat expected, @TempDir Path dir)
      throws IOException {
    assertThat(Sources.detect(Fixtures.path(fixture))).isEqualTo(expected);
    Path gz = Fixtures.gzip(fixture, dir, "renamed.bin");
    assertThat(Sources.detect(gz)).isEqualTo(expected);
  }

  @Test
  void aGzippedFileReadsLikeThePlainOne(@TempDir Path dir) throws IOException {
    for (String fixture :
        List.of(
            "hf/2025-06-16.json",
            "hf/by-date.jsonl",
            "arxiv/listing.jsonl",
            "kaggle/arxiv-metadata-oai-snapshot.json",
            "oai/list-records.xml")) {
      String name = Fixtures.path(fixture).getFileName().toString();
      Path gz = Fixtures.gzip(fixture, dir, name + ".gz");
      CollectingSink plain = CollectingSink.readAll(Sources.open(Fixtures.path(fixture), null));
      CollectingSink zipped = CollectingSink.readAll(Sources.open(gz, null));
      assertThat(zipped.papers()).as(fixture).isEqualTo(plain.papers()).isNotEmpty();
      assertThat(zipped.entries()).as(fixture).isEqualTo(plain.entries());
      assertThat(zipped.rejections).as(fixture).hasSameSizeAs(plain.rejections).isNotEmpty();
      assertThat(zipped.wheres().get(0)).startsWith(name + ".gz");
    }
  }

  @Test
  void unknownContentSaysWhatItSawAndHowToNameTheFormat(@TempDir Path dir) throws IOException {
    Path txt = Fixtures.path("detect/unknown.txt");
    assertThatThrownBy(() -> Sources.open(txt, null))
        .isInstanceOf(UnknownFormatException.class)
        .hasMessage(
            "cannot tell the format of "
                + txt
                + ": it starts with 'h', which is neither JSON ('[' or '{') nor XML ('<'); name"
                + " it with --format "
                + NAMES);
    Path xml = Fixtures.path("detect/plain.xml");
    assertThatThrownBy(() -> Sources.open(xml, null))
        .hasMessage(
            "cannot tell the format of "
                + xml
                + ": it is XML but names no <OAI-PMH> element in its first 95 bytes; name it with"
                + " --format "
                + NAMES);
    Path keys = Fixtures.path("detect/unknown-keys.jsonl");
    assertThatThrownBy(() -> Sources.open(keys, null))
        .hasMessage(
            "cannot tell the format of "
                + keys
                + ": its JSON objects have keys [foo, bar], which no format has; name it with"
                + " --format "
                + NAMES);
    Path pretty = Fixtures.path("detect/pretty-kaggle.json");
    assertThatThrownBy(() -> Sources.open(pretty, null))
        .hasMessageContaining(
            ": it holds a JSON object spread over several lines (keys [id, title, versions,"
                + " update_date]), but the JSON Lines formats need one record per line");
    Path empty = Files.writeString(dir.resolve("empty.json"), "");
    assertThatThrownBy(() -> Sources.open(empty, null))
        .hasMessage(
            "cannot tell the format of "
                + empty
                + ": the file is empty; name it with --format "
                + NAMES);
    Path blank = Files.writeString(dir.resolve("blank.json"), " \n\t\n");
    assertThatThrownBy(() -> Sources.open(blank, null))
        .hasMessageContaining(": the file holds only whitespace;");
    Path gz = Fixtures.gzip("detect/unknown.txt", dir, "unknown.gz");
    assertThatThrownBy(() -> Sources.open(gz, null))
        .hasMessageContaining(": it starts with 'h' (after gunzip), which is neither");
    Path binary = Files.write(dir.resolve("bin"), new byte[] {0x00, 0x01});
    assertThatThrownBy(() -> Sources.open(binary, null))
        .hasMessageContaining(": it starts with the byte 0x00, which is neither");
  }

  @Test
  void aNamedFormatSkipsDetection() throws IOException {
    Path keys = Fixtures.path("detect/unknown-keys.jsonl");
    PaperSource source = Sources.open(keys, SourceFormat.ARXIV_JSONL);
    assertThat(source.describe()).isEqualTo(keys + " (arxiv-jsonl)");
    CollectingSink sink = CollectingSink.readAll(source);
    assertThat(sink.rejections)
        .containsExactly(
            new Rejection("unknown-keys.jsonl:1", "missing id"),
            new Rejection("unknown-keys.jsonl:2", "missing id"));
  }

  @Test
  void missingFilesAndDirectoriesAreErrorsNamingThem(@TempDir Path dir) {
    Path missing = dir.resolve("missing.jsonl.gz");
    assertThatThrownBy(() -> Sources.open(missing, null))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining(missing.toString());
    assertThatThrownBy(() -> Sources.open(dir, SourceFormat.KAGGLE))
        .isInstanceOf(IOException.class)
        .hasMessage(dir + ": is a directory, not a file");
  }

  /** A listing file of {@code n} records with varied text, so gzip cannot shrink it to nothing. */
  private static Path bigListing(Path dir, int n) throws IOException {
    Path gz = dir.resolve("big.jsonl.gz");
    java.util.Random random = new java.util.Random(7);
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
      for (int i = 1; i <= n; i++) {
        StringBuilder summary = new StringBuilder();
        for (int w = 0; w < 60; w++) {
          summary.append(Long.toString(random.nextLong(), 36)).append(' ');
        }
        String line =
            "{\"id\": \"2503.%05d\", \"listing_date\": \"2025-03-18\", \"authors\": [\"A\"],"
                    .formatted(i)
                + " \"title\": \"Paper "
                + i
                + "\", \"categories\": [\"cs.AI\"], \"comment\": null, \"summary\": \""
                + summary
                + "\"}\n";
        o.write(line.getBytes(StandardCharsets.UTF_8));
      }
    }
    return gz;
  }

  @Test
  void progressFollowsTheCompressedBytes(@TempDir Path dir) throws IOException {
    Path gz = bigListing(dir, 5_000);
    PaperSource source = Sources.open(gz, null);
    assertThat(source.fractionRead()).isZero();
    List<Double> seen = new ArrayList<>();
    source.read(
        new RecordSink() {
          @Override
          public void accept(SourceRecord record) {
            seen.add(source.fractionRead());
          }

          @Override
          public void reject(Rejection rejection) {
            throw new AssertionError(rejection.toString());
          }
        });
    assertThat(seen).hasSize(5_000);
    assertThat(seen.get(0)).isGreaterThan(0.0).isLessThan(0.1);
    assertThat(seen).isSorted();
    assertThat(seen.get(seen.size() / 2)).isBetween(0.3, 0.7);
    assertThat(source.fractionRead()).isEqualTo(1.0);
  }

  @Test
  void aTruncatedGzipFailsWithTheFileName(@TempDir Path dir) throws IOException {
    Path gz = bigListing(dir, 5_000);
    byte[] all = Files.readAllBytes(gz);
    Files.write(gz, java.util.Arrays.copyOf(all, all.length / 2));
    PaperSource source = Sources.open(gz, null); // the start is intact: detection works
    CollectingSink sink = new CollectingSink();
    assertThatThrownBy(() -> source.read(sink))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(gz + ": cannot be read: ")
        .hasMessageContaining("truncated or corrupt gzip data");
    assertThat(sink.records).isNotEmpty();

    Files.write(gz, java.util.Arrays.copyOf(all, 30));
    assertThatThrownBy(() -> Sources.open(gz, null))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(gz + ": cannot be read: ");
  }
}
