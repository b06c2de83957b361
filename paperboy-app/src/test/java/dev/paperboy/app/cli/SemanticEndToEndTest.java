package dev.paperboy.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.app.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Embedding, search by meaning and the evaluation table, through the CLI with the real model. */
class SemanticEndToEndTest {
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

  private String run(int expectedExit, String... args) {
    out.reset();
    err.reset();
    int exit = Main.commandLine().execute(args);
    assertThat(exit).as("exit of %s, stderr: %s", List.of(args), err).isEqualTo(expectedExit);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Three questions over five abstracts, in BEIR's layout, written by us for this test. */
  private static Path tinyBeir(Path dir) throws Exception {
    Files.createDirectories(dir.resolve("qrels"));
    Files.writeString(
        dir.resolve("corpus.jsonl"),
        """
        {"_id": "d1", "title": "Aspirin and heart attacks", "text": "Daily low-dose aspirin reduces the risk of a first myocardial infarction in adults over fifty."}
        {"_id": "d2", "title": "Vitamin D and bone density", "text": "Vitamin D supplements did not change bone mineral density in healthy adults over two years."}
        {"_id": "d3", "title": "Sleep and memory", "text": "Sleep after learning consolidates declarative memories; deprivation impairs recall the next day."}
        {"_id": "d4", "title": "Coffee consumption", "text": "Moderate coffee drinking was not associated with higher cardiovascular mortality in a large cohort."}
        {"_id": "d5", "title": "Exercise and depression", "text": "Aerobic exercise three times a week lowered depressive symptoms as much as medication in a trial."}
        """);
    Files.writeString(
        dir.resolve("queries.jsonl"),
        """
        {"_id": "q1", "text": "aspirin prevents myocardial infarction"}
        {"_id": "q2", "text": "losing sleep hurts remembering things"}
        {"_id": "q3", "text": "physical activity helps with low mood"}
        """);
    Files.writeString(
        dir.resolve("qrels").resolve("test.tsv"),
        "query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td3\t1\nq3\td5\t1\n");
    return dir;
  }

  private static Path fixture(String name) throws Exception {
    return Path.of(SemanticEndToEndTest.class.getResource("/fixtures/" + name).toURI());
  }

  @Test
  void embedThenSearchByMeaning() throws Exception {
    String d = data.toString();
    run(0, "import", "--data", d, fixture("arxiv-small.jsonl").toString());

    assertThat(run(0, "embed", "--data", d))
        .contains("embedded 3 papers")
        .contains("3 of 3 papers have vectors (100.0%)");
    assertThat(run(0, "embed", "--data", d))
        .as("a second run computes nothing")
        .contains("embedded 0 papers")
        .contains("3 already up to date");

    // No word of the query is in the paper, only its meaning.
    String semantic =
        run(
            0,
            "search",
            "--data",
            d,
            "--no-color",
            "--mode",
            "semantic",
            "-n",
            "1",
            "photorealistic rendering of street environments for self-driving cars");
    assertThat(semantic).contains("2503.10002");

    String hybrid =
        run(
            0,
            "search",
            "--data",
            d,
            "--no-color",
            "-n",
            "1",
            "answering questions using retrieved documents");
    assertThat(hybrid).contains("(hybrid,").contains("2503.10003");
  }

  @Test
  void evalPrintsOneLinePerModeInTheDocumentedFormat() throws Exception {
    Path beir = tinyBeir(data.resolve("beir"));
    String table =
        run(
            0,
            "eval",
            "--data",
            data.toString(),
            "--beir",
            beir.toString(),
            "--cache",
            data.resolve("cache").toString());
    List<String> lines =
        table.lines().filter(l -> l.matches("^(bm25|semantic|hybrid) .*")).toList();
    assertThat(lines).hasSize(3);
    for (String line : lines) {
      assertThat(line)
          .matches(
              "^(bm25|semantic|hybrid)\\s+[01]\\.\\d{4}\\s+[01]\\.\\d{4}\\s+[01]\\.\\d{4}\\s+\\d+\\.\\d$");
    }
    // Three easy queries: meaning finds every answer first.
    assertThat(lines.get(1)).startsWith("semantic").contains("1.0000");
  }

  @Test
  void evalReportsAMissingCollection() {
    run(2, "eval", "--data", data.toString(), "--beir", data.resolve("nope").toString());
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--beir: no such directory");
  }

  @Test
  void benchReportsAMissingQueryFile() {
    run(2, "bench", "--data", data.toString(), "--queries", data.resolve("nope.json").toString());
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--queries: no such file");
  }
}
