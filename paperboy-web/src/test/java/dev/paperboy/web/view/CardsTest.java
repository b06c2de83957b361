package dev.paperboy.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import java.util.List;
import org.junit.jupiter.api.Test;

class CardsTest {

  @Test
  void teaserCutsAtAWordWithAnEllipsis() {
    String text = "word ".repeat(200).strip();
    String teaser = Cards.teaser(text);
    assertThat(teaser).endsWith("word\u2026").hasSizeLessThanOrEqualTo(Cards.TEASER + 1);
    assertThat(Cards.teaser("Short abstract.")).isEqualTo("Short abstract.");
  }

  @Test
  void categoriesHaveNamesPrimaryFirstAndDropNonCategories() {
    Paper p =
        Paper.builder(ArxivId.parse("2503.11731"), "T")
            .categories(List.of("cs.CV", "I.2.7", "cs.SY", "cs.CV"))
            .build();
    assertThat(Cards.categories(p))
        .containsExactly(
            new Views.CategoryTag("cs.CV", "Computer Vision and Pattern Recognition", true),
            new Views.CategoryTag("eess.SY", "Systems and Control", false));
  }

  @Test
  void manyAuthorsAreShortened() {
    Paper p =
        Paper.builder(ArxivId.parse("2503.11731"), "T")
            .authors(List.of("A", "B", "C", "D", "E", "F", "G", "H", "I", "J"))
            .build();
    Views.PaperCard card = Cards.card(1, p, null, 3, null);
    assertThat(card.authors()).hasSize(Cards.AUTHORS_ON_CARD);
    assertThat(card.moreAuthors()).isEqualTo(4);
    Paper seven = p.toBuilder().authors(List.of("A", "B", "C", "D", "E", "F", "G")).build();
    assertThat(Cards.card(1, seven, null, 0, null).moreAuthors()).isZero();
  }
}
