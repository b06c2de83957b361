package dev.paperboy.core.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AuthorNamesTest {
  @Test
  void oneKeyForCaseAccentsPunctuationAndSpacing() {
    assertThat(AuthorNames.key("Yann LeCun")).isEqualTo("yann lecun");
    assertThat(AuthorNames.key("  yann   LECUN ")).isEqualTo("yann lecun");
    assertThat(AuthorNames.key("Jürgen Schmidhuber")).isEqualTo("jurgen schmidhuber");
    assertThat(AuthorNames.key("Jean-Pierre Serre")).isEqualTo("jean pierre serre");
    assertThat(AuthorNames.key("J. R. R. Tolkien")).isEqualTo("j r r tolkien");
    assertThat(AuthorNames.key("Łukasz Kaiser")).isEqualTo("łukasz kaiser");
  }

  @Test
  void differentNamesStayDifferent() {
    assertThat(AuthorNames.key("J. Smith")).isNotEqualTo(AuthorNames.key("John Smith"));
  }

  @Test
  void aNameWithoutLettersIsRefused() {
    assertThatThrownBy(() -> AuthorNames.key(" -- "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\" -- \"");
  }
}
