package dev.paperboy.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.app.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI end to end: import a file with good and bad records, search it, rebuild the index. */
class ImportSearchEndToEndTest {
  @TempDir Path data;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream oldOut;
  private PrintStream oldErr;

  @BeforeEach
  void capture() {
    oldOut = System.out;
    oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(oldOut);
    System.setErr(oldErr);
  }

  private int run(String... args) {
    out.reset();
    err.reset();
    return Main.commandLine().execute(args);
  }

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(ImportSearchEndToEndTest.class.getResource("/fixtures/" + name).toURI());
  }

  @Test
  void importHelpNamesEveryFormat() {
    assertThat(run("import", "--help")).isZero();
    String help = out.toString(StandardCharsets.UTF_8);
    assertThat(help).doesNotContain("null");
    for (var f : dev.paperboy.ingest.SourceFormat.values()) {
      assertThat(help).contains(f.cliName());
    }
  }

  @Test
  void importReportsBadRecordsSearchFindsTheRestAndReimportChangesNothing() throws Exception {
    Path file = fixture("arxiv-small.jsonl");

    assertThat(run("import", "--data", data.toString(), file.toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains(file + ": read 6, added 3, updated 0, unchanged 0, rejected 3");
    String errors = err.toString(StandardCharsets.UTF_8);
    assertThat(errors)
        .contains("arxiv-small.jsonl:4")
        .contains("arxiv-small.jsonl:5")
        .contains("title");
    try (var logs = Files.list(data.resolve("logs"))) {
      assertThat(logs.toList())
          .singleElement()
          .satisfies(log -> assertThat(Files.readAllLines(log)).hasSize(3));
    }

    assertThat(
            run(
                "search",
                "--data",
                data.toString(),
                "--no-color",
                "--mode",
                "bm25",
                "sparse mixture of experts"))
        .isZero();
    String hits = out.toString(StandardCharsets.UTF_8);
    assertThat(hits).contains("1 papers match").contains("2503.10001").contains("*Sparse*");
    assertThat(hits).doesNotContain("2503.10002");

    assertThat(
            run(
                "search",
                "--data",
                data.toString(),
                "--no-color",
                "--mode",
                "bm25",
                "-c",
                "cs.CV",
                "scenes"))
        .isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("2503.10002").contains("cs.CV");

    assertThat(run("import", "--data", data.toString(), file.toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("read 6, added 0, updated 0, unchanged 3, rejected 3");

    assertThat(run("reindex", "--data", data.toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("reindexed 3 papers");

    assertThat(run("stats", "--data", data.toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .containsPattern("papers\\s+3")
        .containsPattern("index documents\\s+3")
        .contains("2025-03-18 .. 2025-03-19");
  }

  @Test
  void nothingReadableExitsNonZeroWithAClearMessage() throws Exception {
    Path garbage = data.resolve("notes.txt");
    Files.writeString(garbage, "hello, these are not papers\n");
    assertThat(
            run(
                "import",
                "--data",
                data.resolve("d").toString(),
                garbage.toString(),
                data.resolve("missing.jsonl").toString()))
        .isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("cannot tell the format of")
        .contains("missing.jsonl");
  }

  @Test
  void badOptionsAreUsageErrors() {
    assertThat(run("search", "--data", data.toString(), "--mode", "fuzzy", "x")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown search mode 'fuzzy'");
    assertThat(run("search", "--data", data.toString(), "--from", "2025-13-01", "x")).isEqualTo(2);
    assertThat(run("search", "--data", data.toString(), "--limit", "0", "x")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("limit must be between 1 and 1000");
  }
}
