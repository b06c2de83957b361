package dev.paperboy.search.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.core.eval.Qrels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BeirCollectionTest {

  /**
   * A five-document collection in BEIR's layout, written by us for these tests (nothing from a real
   * collection), in a temporary directory made once per run.
   */
  static synchronized Path tiny() {
    if (tiny == null) {
      try {
        Path dir = Files.createTempDirectory("beir-tiny-");
        dir.toFile().deleteOnExit();
        writeTiny(dir);
        tiny = dir;
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return tiny;
  }

  private static Path tiny;

  private static void writeTiny(Path dir) throws IOException {
    Files.writeString(
        dir.resolve("corpus.jsonl"),
        """
        {"_id": "d1", "title": "Vaccines and immune memory", "text": "Vaccination trains the immune system to remember a pathogen by producing memory cells and antibodies."}
        {"_id": "d2", "title": "Sharks", "text": "The immune system of sharks produces unusual single-domain antibodies."}
        {"_id": "d3", "title": "Railways", "text": "European train timetables were harmonised in the nineteenth century."}
        {"_id": "d4", "title": "Protein folding", "text": "Deep learning predicts the three-dimensional structure of proteins from their amino acid sequence."}
        {"_id": "d5", "title": "", "text": "Gradient descent minimises a loss function by following the negative gradient."}
        """);
    Files.writeString(
        dir.resolve("queries.jsonl"),
        """
        {"_id": "q1", "text": "vaccines create immune memory"}
        {"_id": "q2", "text": "predicting protein structure with neural networks"}
        {"_id": "q3", "text": "history of train schedules"}
        {"_id": "q4", "text": "shark antibodies"}
        """);
    Path qrels = Files.createDirectories(dir.resolve("qrels"));
    Files.writeString(
        qrels.resolve("test.tsv"),
        "query-id\tcorpus-id\tscore\nq1\td1\t1\nq1\td2\t0\nq2\td4\t1\nq3\td3\t1\n");
    Files.writeString(qrels.resolve("train.tsv"), "query-id\tcorpus-id\tscore\nq4\td2\t1\n");
    for (Path p :
        List.of(
            dir.resolve("corpus.jsonl"),
            dir.resolve("queries.jsonl"),
            qrels,
            qrels.resolve("test.tsv"),
            qrels.resolve("train.tsv"))) {
      p.toFile().deleteOnExit();
    }
  }

  @Test
  void readsCorpusQueriesAndBothSplits() {
    BeirCollection c = BeirCollection.read(tiny());
    assertThat(c.corpus()).hasSize(5);
    assertThat(c.corpus().get(0))
        .isEqualTo(
            new BeirCollection.Doc(
                "d1",
                "Vaccines and immune memory",
                "Vaccination trains the immune system to remember a pathogen by producing memory"
                    + " cells and antibodies."));
    assertThat(c.corpus().get(4).title()).isEmpty();
    assertThat(c.queries()).containsOnlyKeys("q1", "q2", "q3", "q4");
    Qrels test = c.qrels("test");
    assertThat(test.judgments()).containsOnlyKeys("q1", "q2", "q3");
    assertThat(test.of("q1")).isEqualTo(Map.of("d1", 1, "d2", 0));
    assertThat(c.qrels("train").of("q4")).isEqualTo(Map.of("d2", 1));
    assertThat(c.hasSplit("dev")).isFalse();
  }

  @Test
  void errorsNameTheFileAndLine(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("corpus.jsonl"), "{\"_id\": \"a\", \"text\": \"x\"}\n{oops\n");
    Files.writeString(dir.resolve("queries.jsonl"), "{\"_id\": \"q\", \"text\": \"x\"}\n");
    assertThatThrownBy(() -> BeirCollection.read(dir))
        .hasMessageStartingWith(dir.resolve("corpus.jsonl") + ":2: not a JSON object");

    Files.writeString(dir.resolve("corpus.jsonl"), "{\"title\": \"no id\"}\n");
    assertThatThrownBy(() -> BeirCollection.read(dir))
        .hasMessage(dir.resolve("corpus.jsonl") + ":1: record has no _id");

    Files.writeString(dir.resolve("corpus.jsonl"), "{\"_id\": \"a\", \"text\": \"x\"}\n");
    Files.createDirectories(dir.resolve("qrels"));
    Files.writeString(dir.resolve("qrels/test.tsv"), "query-id\tcorpus-id\tscore\nq\ta\tyes\n");
    BeirCollection c = BeirCollection.read(dir);
    assertThatThrownBy(() -> c.qrels("test"))
        .hasMessage(dir.resolve("qrels/test.tsv") + ":2: score must be an integer, got 'yes'");
    Files.writeString(dir.resolve("qrels/test.tsv"), "nobody\ta\t1\n");
    assertThatThrownBy(() -> c.qrels("test"))
        .hasMessage(
            dir.resolve("qrels/test.tsv") + ":1: query-id 'nobody' is not in queries.jsonl");
    assertThatThrownBy(() -> BeirCollection.read(dir.resolve("missing")))
        .hasMessageContaining("corpus.jsonl: not found");
  }
}
