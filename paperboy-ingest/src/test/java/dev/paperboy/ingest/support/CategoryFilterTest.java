package dev.paperboy.ingest.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CategoryFilterTest {
  @Test
  void keepsCanonicalCategoriesAndCountsTheRest() {
    CategoryFilter f = new CategoryFilter();
    assertThat(f.keep(List.of("cs.CV", "I.2.10", "68T45", "cs.SY", "cs.CV, cs.MM", "na", "cs.CV")))
        .containsExactly("cs.CV", "eess.SY", "cs.MM");
    assertThat(f.dropped()).isEqualTo(3);
    assertThat(f.keep("hep-th math-ph math.MP cmp-lg"))
        .containsExactly("hep-th", "math-ph", "cs.CL");
    assertThat(f.dropped()).isEqualTo(3);
    assertThat(f.keep(List.of())).isEmpty();
  }
}
