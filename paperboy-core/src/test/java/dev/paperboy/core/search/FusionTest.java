package dev.paperboy.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class FusionTest {

  // ---- reciprocal rank fusion, hand-computed ----

  @Test
  void rrfAddsReciprocalRanks() {
    // a: 1/(60+1) + 1/(60+2); b: 1/(60+2) + 1/(60+1); c: 1/(60+3); d: 1/(60+3)
    List<Scored<String>> fused =
        Fusion.reciprocalRank(List.of(List.of("a", "b", "c"), List.of("b", "a", "d")));
    assertThat(Fusion.ids(fused)).containsExactly("a", "b", "c", "d");
    assertThat(fused.get(0).score()).isCloseTo(1.0 / 61 + 1.0 / 62, within(1e-12));
    assertThat(fused.get(2).score()).isCloseTo(1.0 / 63, within(1e-12));
  }

  @Test
  void rrfWeightsAndKChangeTheOrder() {
    List<List<String>> rankings = List.of(List.of("a", "b"), List.of("b", "c"));
    // k = 0, weights 1 and 3: a = 1, b = 1/2 + 3/1 = 3.5, c = 3/2
    List<Scored<String>> fused = Fusion.reciprocalRank(rankings, List.of(1.0, 3.0), 0);
    assertThat(Fusion.ids(fused)).containsExactly("b", "c", "a");
    assertThat(fused.get(0).score()).isEqualTo(3.5);
  }

  @Test
  void rrfCountsARepeatedIdAtItsBestRank() {
    List<Scored<String>> fused = Fusion.reciprocalRank(List.of(List.of("a", "b", "a")));
    assertThat(fused.get(0).score()).isCloseTo(1.0 / 61, within(1e-15));
  }

  // ---- convex combination, hand-computed ----

  @Test
  void convexCombinationMinMaxNormalisesEachRanking() {
    List<Scored<String>> bm25 =
        List.of(new Scored<>("a", 12.0), new Scored<>("b", 8.0), new Scored<>("c", 4.0));
    List<Scored<String>> cosine =
        List.of(new Scored<>("b", 0.9), new Scored<>("d", 0.8), new Scored<>("a", 0.5));
    // bm25 norm: a 1, b 0.5, c 0; cosine norm: b 1, d 0.75, a 0
    // alpha 0.4: a 0.4, b 0.2 + 0.6 = 0.8, c 0, d 0.45
    List<Scored<String>> fused = Fusion.convexCombination(bm25, cosine, 0.4);
    assertThat(Fusion.ids(fused)).containsExactly("b", "d", "a", "c");
    assertThat(fused.get(0).score()).isCloseTo(0.8, within(1e-12));
    assertThat(fused.get(1).score()).isCloseTo(0.45, within(1e-12));
    assertThat(fused.get(3).score()).isEqualTo(0.0);
  }

  @Test
  void aDocumentWithoutAVectorStillRanksThroughItsKeywordScore() {
    // "new" has no vector yet: it is only in the keyword ranking, where it is best.
    List<Scored<String>> bm25 = List.of(new Scored<>("new", 20.0), new Scored<>("old", 10.0));
    List<Scored<String>> cosine = List.of(new Scored<>("old", 0.7), new Scored<>("other", 0.6));
    assertThat(Fusion.ids(Fusion.convexCombination(bm25, cosine, 0.5))).contains("new");
    assertThat(Fusion.ids(Fusion.reciprocalRank(List.of(Fusion.ids(bm25), Fusion.ids(cosine)))))
        .contains("new");
  }

  @Test
  void equalScoresNormaliseToOne() {
    List<Scored<String>> flat = List.of(new Scored<>("a", 3.0), new Scored<>("b", 3.0));
    List<Scored<String>> fused = Fusion.convexCombination(List.of(flat), List.of(1.0));
    assertThat(fused).containsExactly(new Scored<>("a", 1.0), new Scored<>("b", 1.0));
  }

  @Test
  void badArgumentsAreRejectedWithTheirValue() {
    assertThatThrownBy(() -> Fusion.reciprocalRank(List.of(List.of("a")), List.of(1.0), -1))
        .hasMessageContaining("k must be >= 0, k: -1");
    assertThatThrownBy(() -> Fusion.reciprocalRank(List.of(List.of("a")), List.of(1.0, 2.0), 60))
        .hasMessageContaining("1 rankings, 2 weights");
    assertThatThrownBy(() -> Fusion.reciprocalRank(List.of(List.of("a")), List.of(-0.5), 60))
        .hasMessageContaining("weights[0]: -0.5");
    assertThatThrownBy(
            () -> Fusion.convexCombination(List.<Scored<String>>of(), List.of(), Double.NaN))
        .hasMessageContaining("alpha must be in [0, 1], alpha: NaN");
  }

  // ---- properties ----

  @Property
  void rrfPutsTheDocumentFirstInEveryRankingFirst(
      @ForAll("rankings") List<List<Integer>> rankings,
      @ForAll @IntRange(min = 0, max = 100) int k) {
    Integer top = -1; // not produced by the generator
    List<List<Integer>> withTop = new ArrayList<>();
    for (List<Integer> r : rankings) {
      List<Integer> copy = new ArrayList<>(r);
      copy.add(0, top);
      withTop.add(copy);
    }
    List<Scored<Integer>> fused = Fusion.reciprocalRank(withTop, ones(withTop.size()), k);
    assertThat(fused.get(0).id()).isEqualTo(top);
    if (fused.size() > 1) {
      assertThat(fused.get(0).score()).isGreaterThan(fused.get(1).score());
    }
  }

  @Property
  void convexPutsTheDocumentFirstInEveryRankingFirst(
      @ForAll("scoredRuns") List<List<Scored<Integer>>> runs,
      @ForAll @DoubleRange(min = 0.01, max = 1) double firstWeight) {
    Integer top = -1;
    List<List<Scored<Integer>>> withTop = new ArrayList<>();
    for (List<Scored<Integer>> run : runs) {
      double max = run.stream().mapToDouble(Scored::score).max().orElse(0);
      List<Scored<Integer>> copy = new ArrayList<>(run);
      copy.add(new Scored<>(top, max + 1));
      withTop.add(copy);
    }
    List<Double> weights = new ArrayList<>(ones(withTop.size()));
    weights.set(0, firstWeight);
    List<Scored<Integer>> fused = Fusion.convexCombination(withTop, weights);
    assertThat(fused.get(0).id()).isEqualTo(top);
    if (fused.size() > 1) {
      assertThat(fused.get(0).score()).isGreaterThan(fused.get(1).score());
    }
  }

  @Property
  void fusionIsDeterministicAndIndependentOfCandidateOrder(
      @ForAll("scoredRuns") List<List<Scored<Integer>>> runs, @ForAll long seed) {
    List<List<Scored<Integer>>> shuffled = new ArrayList<>();
    java.util.Random random = new java.util.Random(seed);
    for (List<Scored<Integer>> run : runs) {
      List<Scored<Integer>> copy = new ArrayList<>(run);
      Collections.shuffle(copy, random);
      shuffled.add(copy);
    }
    List<Double> weights = ones(runs.size());
    List<Scored<Integer>> once = Fusion.convexCombination(runs, weights);
    assertThat(Fusion.convexCombination(runs, weights)).isEqualTo(once);
    assertThat(Fusion.convexCombination(shuffled, weights)).isEqualTo(once);

    List<List<Integer>> rankings = runs.stream().map(FusionTest::byScore).toList();
    assertThat(Fusion.reciprocalRank(rankings)).isEqualTo(Fusion.reciprocalRank(rankings));
  }

  @Property
  void everyCandidateAppearsExactlyOnceAndScoresDescend(
      @ForAll("scoredRuns") List<List<Scored<Integer>>> runs) {
    Set<Integer> all = new HashSet<>();
    runs.forEach(r -> r.forEach(s -> all.add(s.id())));
    List<List<Integer>> rankings = runs.stream().map(FusionTest::byScore).toList();
    for (List<Scored<Integer>> fused :
        List.of(
            Fusion.convexCombination(runs, ones(runs.size())), Fusion.reciprocalRank(rankings))) {
      List<Integer> ids = Fusion.ids(fused);
      assertThat(new HashSet<>(ids)).isEqualTo(all);
      assertThat(ids).doesNotHaveDuplicates();
      for (int i = 1; i < fused.size(); i++) {
        Scored<Integer> prev = fused.get(i - 1);
        Scored<Integer> cur = fused.get(i);
        assertThat(prev.score()).isGreaterThanOrEqualTo(cur.score());
        if (prev.score() == cur.score()) {
          assertThat(prev.id()).isLessThan(cur.id());
        }
      }
    }
  }

  @Property
  void convexScoresStayBetweenZeroAndTheSumOfWeights(
      @ForAll("scoredRuns") List<List<Scored<Integer>>> runs,
      @ForAll @DoubleRange(min = 0, max = 5) double w) {
    List<Double> weights = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      weights.add(i == 0 ? w : 1.0);
    }
    double sum = weights.stream().mapToDouble(Double::doubleValue).sum();
    for (Scored<Integer> s : Fusion.convexCombination(runs, weights)) {
      assertThat(s.score()).isBetween(0.0, sum + 1e-9);
    }
  }

  @Property
  void aDocumentRankedAtLeastAsHighEverywhereScoresAtLeastAsHigh(
      @ForAll("rankings") List<List<Integer>> rankings,
      @ForAll @IntRange(min = 0, max = 100) int k) {
    Map<Integer, Double> score = new HashMap<>();
    Fusion.reciprocalRank(rankings, ones(rankings.size()), k)
        .forEach(s -> score.put(s.id(), s.score()));
    List<Integer> ids = new ArrayList<>(score.keySet());
    for (Integer a : ids) {
      for (Integer b : ids) {
        if (dominates(rankings, a, b)) {
          assertThat(score.get(a)).as("%s dominates %s", a, b).isGreaterThanOrEqualTo(score.get(b));
        }
      }
    }
  }

  @Property
  void oneRankingKeepsItsOrder(@ForAll("ranking") List<Integer> ranking) {
    assertThat(Fusion.ids(Fusion.reciprocalRank(List.of(ranking)))).isEqualTo(ranking);
  }

  // ---- generators ----

  @Provide
  Arbitrary<List<Integer>> ranking() {
    return Arbitraries.integers().between(0, 40).list().uniqueElements().ofMaxSize(25);
  }

  @Provide
  Arbitrary<List<List<Integer>>> rankings() {
    return ranking().list().ofMinSize(1).ofMaxSize(4);
  }

  @Provide
  Arbitrary<List<List<Scored<Integer>>>> scoredRuns() {
    Arbitrary<Scored<Integer>> scored =
        Combinators.combine(
                Arbitraries.integers().between(0, 40),
                Arbitraries.doubles().between(-5, 50).ofScale(3))
            .as(Scored::new);
    return scored.list().ofMaxSize(25).uniqueElements(Scored::id).list().ofMinSize(1).ofMaxSize(4);
  }

  private static List<Double> ones(int n) {
    return new ArrayList<>(Collections.nCopies(n, 1.0));
  }

  private static List<Integer> byScore(List<Scored<Integer>> run) {
    List<Scored<Integer>> copy = new ArrayList<>(run);
    copy.sort((x, y) -> Double.compare(y.score(), x.score()));
    return new ArrayList<>(new LinkedHashSet<>(Fusion.ids(copy)));
  }

  /** True when a is ranked at or above b in every ranking (absent counts as below everything). */
  private static boolean dominates(List<List<Integer>> rankings, Integer a, Integer b) {
    for (List<Integer> r : rankings) {
      int ra = r.indexOf(a);
      int rb = r.indexOf(b);
      int rankA = ra < 0 ? Integer.MAX_VALUE : ra;
      int rankB = rb < 0 ? Integer.MAX_VALUE : rb;
      if (rankA > rankB) {
        return false;
      }
    }
    return true;
  }
}
