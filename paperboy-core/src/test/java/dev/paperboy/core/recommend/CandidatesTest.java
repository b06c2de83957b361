package dev.paperboy.core.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.core.paper.ArxivId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CandidatesTest {

  /** Vectors of {@code dim} with {@code nonZeros} random non-zero slots each. */
  static Map<ArxivId, float[]> vectors(int n, int dim, int nonZeros, long seed) {
    Random r = new Random(seed);
    Map<ArxivId, float[]> out = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      float[] v = new float[dim];
      for (int k = 0; k < nonZeros; k++) {
        v[r.nextInt(dim)] = (float) r.nextGaussian();
      }
      out.put(ArxivId.parse(String.format("2603.%05d", i + 1)), v);
    }
    return out;
  }

  @Test
  void sparseRowsScoreExactlyAsDenseOnes() {
    // 5 of 256 slots set: kept as sparse rows; 200 of 256: dense. Same arithmetic either way.
    for (int nonZeros : new int[] {5, 200}) {
      Map<ArxivId, float[]> v = vectors(40, 256, nonZeros, 7);
      Candidates c = Candidates.of(v);
      float[] w = vectors(1, 256, 256, 8).values().iterator().next();
      double[] all = c.dotAll(w);
      int row = 0;
      for (Map.Entry<ArxivId, float[]> e : v.entrySet()) {
        float expected = 0f;
        for (int j = 0; j < 256; j++) {
          expected += e.getValue()[j] * w[j];
        }
        assertThat(c.id(row)).isEqualTo(e.getKey());
        assertThat(c.vector(row)).isEqualTo(e.getValue());
        assertThat(all[row]).isEqualTo((double) expected);
        assertThat(c.dot(row, w)).isEqualTo((double) expected);
        row++;
      }
      assertThat(c.dimension()).isEqualTo(256);
    }
  }

  @Test
  void aVectorOfAnotherLengthIsRefused() {
    Candidates c = Candidates.of(vectors(3, 128, 2, 1));
    assertThatThrownBy(() -> c.dotAll(new float[64]))
        .hasMessage("vector has dimension 64, candidates have 128");
  }
}
