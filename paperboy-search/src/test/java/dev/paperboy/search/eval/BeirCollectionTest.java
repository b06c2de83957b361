package dev.paperboy.search.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.core.eval.Qrels;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BeirCollectionTest {

  static Path tiny() {
    try {
      return Path.of(BeirCollectionTest.class.getResource("/beir-tiny").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
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
