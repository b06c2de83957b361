package dev.paperboy.search.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.search.SearchMode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BeirEvaluationTest {

  @Test
  void printsOneParseableLinePerModeAndCachesVectors(@TempDir Path cacheDir) {
    BeirCollection tiny = BeirCollection.read(BeirCollectionTest.tiny());
    FakeEmbedder model = new FakeEmbedder("fake");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<BeirEvaluation.ModeResult> results =
        BeirEvaluation.evaluate(
            tiny,
            model,
            VectorCache.open(cacheDir, model),
            BeirEvaluation.Settings.DEFAULTS,
            new PrintStream(bytes, true, StandardCharsets.UTF_8),
            (done, total) -> {});
    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines[0]).isEqualTo(BeirEvaluation.HEADER);
    assertThat(lines).hasSize(4);
    assertThat(lines[1]).matches("bm25 +\\d\\.\\d{4} +\\d\\.\\d{4} +\\d\\.\\d{4} +\\d+\\.\\d");
    assertThat(lines[2]).startsWith("semantic ");
    assertThat(lines[3]).startsWith("hybrid ");
    assertThat(results)
        .extracting(BeirEvaluation.ModeResult::mode)
        .containsExactly(SearchMode.BM25, SearchMode.SEMANTIC, SearchMode.HYBRID);
    // Three judged test queries, each with one relevant document that shares a word with it.
    BeirEvaluation.ModeResult bm25 = results.get(0);
    assertThat(bm25.metrics().queries()).isEqualTo(3);
    assertThat(bm25.metrics().recall100()).isEqualTo(1.0);
    // q1 (d1) and q2 (d4) are found first by keywords, so MRR@10 is at least 2/3.
    assertThat(bm25.metrics().mrr10()).isGreaterThanOrEqualTo(2.0 / 3);
    assertThat(model.documents.get()).isEqualTo(5);

    // A second run reads every vector from the cache.
    FakeEmbedder again = new FakeEmbedder("fake");
    BeirEvaluation.evaluate(
        tiny,
        again,
        VectorCache.open(cacheDir, again),
        BeirEvaluation.Settings.DEFAULTS.withModes(List.of(SearchMode.SEMANTIC)),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        (done, total) -> {});
    assertThat(again.documents.get()).isZero();
  }

  @Test
  void keywordSearchAloneEmbedsNothing(@TempDir Path cacheDir) {
    BeirCollection tiny = BeirCollection.read(BeirCollectionTest.tiny());
    FakeEmbedder model = new FakeEmbedder("fake");
    List<BeirEvaluation.ModeResult> results =
        BeirEvaluation.evaluate(
            tiny,
            model,
            VectorCache.open(cacheDir, model),
            BeirEvaluation.Settings.DEFAULTS.withModes(List.of(SearchMode.BM25)),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            (done, total) -> {});
    assertThat(results)
        .extracting(BeirEvaluation.ModeResult::mode)
        .containsExactly(SearchMode.BM25);
    assertThat(results.get(0).metrics().recall100()).isEqualTo(1.0);
    assertThat(model.documents.get()).isZero();
  }

  @Test
  void aMissingSplitIsNamed(@TempDir Path cacheDir) {
    BeirCollection tiny = BeirCollection.read(BeirCollectionTest.tiny());
    FakeEmbedder model = new FakeEmbedder("fake");
    assertThatThrownBy(
            () ->
                BeirEvaluation.evaluate(
                    tiny,
                    model,
                    VectorCache.open(cacheDir, model),
                    BeirEvaluation.Settings.DEFAULTS.withSplit("dev"),
                    System.out,
                    (d, t) -> {}))
        .hasMessageEndingWith("qrels/dev.tsv: not found (the split to evaluate)");
  }

  @Test
  void syntheticIdsAreValidAndDistinct() {
    assertThat(BeirEvaluation.syntheticId(0)).isEqualTo(new ArxivId("1501.00001"));
    assertThat(BeirEvaluation.syntheticId(99_998)).isEqualTo(new ArxivId("1501.99999"));
    assertThat(BeirEvaluation.syntheticId(99_999)).isEqualTo(new ArxivId("1502.00001"));
    assertThat(BeirEvaluation.syntheticId(12 * 99_999)).isEqualTo(new ArxivId("1601.00001"));
  }

  @Test
  void aDocumentWithoutTitleIsIndexedByItsText() {
    var p =
        BeirEvaluation.toPaper(
            BeirEvaluation.syntheticId(0), new BeirCollection.Doc("x", "", "Only text."));
    assertThat(p.title()).isEqualTo("Only text.");
    assertThat(p.abstractText()).isEmpty();
    assertThat(
            BeirEvaluation.toPaper(
                BeirEvaluation.syntheticId(0), new BeirCollection.Doc("x", " ", "")))
        .isNull();
  }
}
