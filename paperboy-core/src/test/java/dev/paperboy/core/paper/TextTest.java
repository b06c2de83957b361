package dev.paperboy.core.paper;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {
  @Test
  void titlesGoOnOneLine() {
    assertThat(
            Text.oneLine(
                "ConvLLaVA: Hierarchical Backbones as Visual Encoder for Large\n  Multimodal Models"))
        .isEqualTo(
            "ConvLLaVA: Hierarchical Backbones as Visual Encoder for Large Multimodal Models");
    assertThat(Text.oneLineOrNull("  \n ")).isNull();
  }

  @Test
  void abstractsJoinWrappedLinesAndKeepParagraphs() {
    String raw = "First line\nwraps here.\n  Second paragraph\nalso wraps.\n\nThird.";
    assertThat(Text.paragraphs(raw))
        .isEqualTo("First line wraps here.\n\nSecond paragraph also wraps.\n\nThird.");
    assertThat(Text.paragraphs(null)).isEmpty();
  }
}
