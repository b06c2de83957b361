package dev.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.search.Highlighted;
import org.junit.jupiter.api.Test;

class FragmentFormatterTest {

  @Test
  void leadKeepsShortTextWhole() {
    assertThat(dev.paperboy.core.search.SnippetText.lead("A short abstract.", 240))
        .isEqualTo(Highlighted.plain("A short abstract."));
    assertThat(dev.paperboy.core.search.SnippetText.lead("", 240).fragments()).isEmpty();
  }

  @Test
  void leadCutsLongTextAtAWordAndDropsADanglingComma() {
    String text = "alpha beta, gamma delta epsilon";
    assertThat(dev.paperboy.core.search.SnippetText.lead(text, 13).text()).isEqualTo("alpha beta…");
    assertThat(dev.paperboy.core.search.SnippetText.lead(text, 17).text())
        .isEqualTo("alpha beta, gamma…");
  }

  @Test
  void leadCutsInsideAGiantWordRatherThanShowNothing() {
    assertThat(dev.paperboy.core.search.SnippetText.lead("x".repeat(500), 100).text())
        .isEqualTo("x".repeat(100) + "…");
  }
}
