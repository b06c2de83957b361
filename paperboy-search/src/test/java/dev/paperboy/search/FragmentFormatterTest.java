package dev.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.search.Highlighted;
import org.junit.jupiter.api.Test;

class FragmentFormatterTest {

  @Test
  void leadKeepsShortTextWhole() {
    assertThat(FragmentFormatter.lead("A short abstract.", 240))
        .isEqualTo(Highlighted.plain("A short abstract."));
    assertThat(FragmentFormatter.lead("", 240).fragments()).isEmpty();
  }

  @Test
  void leadCutsLongTextAtAWordAndDropsADanglingComma() {
    String text = "alpha beta, gamma delta epsilon";
    assertThat(FragmentFormatter.lead(text, 13).text()).isEqualTo("alpha beta…");
    assertThat(FragmentFormatter.lead(text, 17).text()).isEqualTo("alpha beta, gamma…");
  }

  @Test
  void leadCutsInsideAGiantWordRatherThanShowNothing() {
    assertThat(FragmentFormatter.lead("x".repeat(500), 100).text())
        .isEqualTo("x".repeat(100) + "…");
  }
}
