package dev.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** The allocation-free passage scorer must rank passages exactly as Lucene's scorer does. */
class PassageBm25Test {

  private final PassageScorer lucene = new PassageScorer(1.2f, 0f, 87f);
  private final PassageScorer ours = new PaperHighlighter.PassageBm25(1.2f, 0f, 87f);

  @Property(tries = 300)
  void sameScoreAsLucenesScorer(
      @ForAll("matches") List<String> terms,
      @ForAll @IntRange(min = 0, max = 1700) int start,
      @ForAll @IntRange(min = 1, max = 400) int length,
      @ForAll @IntRange(min = 1, max = 2000) int contentLength) {
    Passage passage = passage(terms, start, length);
    assertThat(ours.score(passage, contentLength)).isEqualTo(lucene.score(passage, contentLength));
  }

  @Test
  void repeatedTermsCountOnceWithTheirFrequency() {
    Passage twice = passage(List.of("graph", "graph"), 0, 100);
    Passage once = passage(List.of("graph"), 0, 100);
    Passage two = passage(List.of("graph", "neural"), 0, 100);
    assertThat(ours.score(twice, 500)).isGreaterThan(ours.score(once, 500));
    assertThat(ours.score(two, 500)).isGreaterThan(ours.score(twice, 500));
    assertThat(ours.score(passage(List.of(), 0, 100), 500)).isZero();
  }

  @Provide
  Arbitrary<List<String>> matches() {
    return Arbitraries.of("graph", "neural", "network", "retrieval", "x").list().ofMaxSize(12);
  }

  /** A passage whose i-th match is term i, each term occurring (index + 1) times in the doc. */
  private static Passage passage(List<String> terms, int start, int length) {
    Passage p = new Passage();
    p.setStartOffset(start);
    p.setEndOffset(start + length);
    int offset = start;
    for (String t : terms) {
      p.addMatch(offset, offset + t.length(), new BytesRef(t), 1 + (t.hashCode() & 7));
      offset = Math.min(start + length - 1, offset + t.length() + 1);
    }
    return p;
  }
}
