package dev.paperboy.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Values computed by hand (log2 3 = 1.5849625, log2 5 = 2.3219281). */
class MetricsTest {
  // q1: two relevant documents, found at ranks 2 and 4.
  static final Map<String, Integer> Q1 = Map.of("d1", 1, "d3", 1);
  static final List<String> R1 = List.of("d2", "d1", "d4", "d3");
  // q2: graded judgments, the best document found last.
  static final Map<String, Integer> Q2 = Map.of("a", 2, "b", 1, "c", 0);
  static final List<String> R2 = List.of("b", "c", "a");

  @Test
  void ndcgOfBinaryJudgments() {
    // DCG = 1/log2(3) + 1/log2(5) = 1.0616063; IDCG = 1 + 1/log2(3) = 1.6309298
    assertThat(Metrics.ndcg(R1, Q1, 10)).isCloseTo(0.6509209, within(1e-7));
    // at k = 2 only d1 counts, and the ideal has both relevant documents in the first two
    assertThat(Metrics.ndcg(R1, Q1, 2)).isCloseTo(0.3868528, within(1e-7));
  }

  @Test
  void ndcgUsesLinearGainsLikeTrecEval() {
    // DCG = 1/log2(2) + 0 + 2/log2(4) = 2; IDCG = 2/log2(2) + 1/log2(3) = 2.6309298
    assertThat(Metrics.ndcg(R2, Q2, 10)).isCloseTo(0.7601875, within(1e-7));
  }

  @Test
  void recallAndReciprocalRank() {
    assertThat(Metrics.recall(R1, Q1, 100)).isEqualTo(1.0);
    assertThat(Metrics.recall(R1, Q1, 3)).isEqualTo(0.5);
    assertThat(Metrics.reciprocalRank(R1, Q1, 10)).isEqualTo(0.5);
    assertThat(Metrics.reciprocalRank(R1, Q1, 1)).isEqualTo(0.0);
    assertThat(Metrics.reciprocalRank(R2, Q2, 10)).isEqualTo(1.0);
  }

  @Test
  void aRepeatedIdCountsOnce() {
    assertThat(Metrics.ndcg(List.of("d1", "d1", "d3"), Q1, 10)).isEqualTo(1.0);
    assertThat(Metrics.recall(List.of("d1", "d1"), Q1, 2)).isEqualTo(0.5);
  }

  @Test
  void evaluateAveragesOverQueriesWithARelevantDocument() {
    Map<String, Map<String, Integer>> judgments = new LinkedHashMap<>();
    judgments.put("q1", Q1);
    judgments.put("q2", Q2);
    judgments.put("q3", Map.of("x", 1)); // not in the run: scores 0
    judgments.put("q4", Map.of("y", 0)); // nothing relevant: left out of the mean
    Metrics.Summary s =
        Metrics.evaluate(Map.of("q1", R1, "q2", R2, "q4", List.of("y")), new Qrels(judgments));
    assertThat(s.queries()).isEqualTo(3);
    assertThat(s.ndcg10()).isCloseTo((0.6509209 + 0.7601875) / 3, within(1e-7));
    assertThat(s.recall100()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(s.mrr10()).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void trecOrderSortsByScoreThenIdDescending() {
    Map<String, Double> run = new LinkedHashMap<>();
    run.put("a", 1.0);
    run.put("c", 2.0);
    run.put("b", 1.0);
    run.put("d", 0.5);
    assertThat(Metrics.trecOrder(run)).containsExactly("c", "b", "a", "d");
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> Metrics.ndcg(R1, Q1, 0)).hasMessage("cut-off must be >= 1, k: 0");
    assertThatThrownBy(() -> new Qrels(Map.of("q", Map.of("d", -1))))
        .hasMessage("grade must be >= 0, query: q, document: d, grade: -1");
  }
}
