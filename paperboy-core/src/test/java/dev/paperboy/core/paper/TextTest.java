package dev.paperboy.core.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
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

  @Test
  void dropsControlCharacters() {
    assertThat(Text.oneLine("Null\u0000 byte\u0007")).isEqualTo("Null byte");
    assertThat(Text.paragraphs("a\u0000b\n  c\u001b")).isEqualTo("ab\n\nc");
  }

  // The rule as regular expressions, kept as the reference the fast loop must agree with:
  // arXiv abstracts wrap lines at ~80 columns; a line that starts with whitespace begins a new
  // paragraph (that is how the abs page places paragraph breaks).
  private static final Pattern PARAGRAPH = Pattern.compile("\\n[ \\t]+|\\n{2,}");

  static String reference(String s) {
    s = s.replaceAll("[\\p{Cntrl}&&[^\\s]]", "");
    StringBuilder out = new StringBuilder();
    for (String p : PARAGRAPH.split(s.replace("\r\n", "\n").strip())) {
      String line = Text.oneLine(p);
      if (!line.isEmpty()) {
        out.append(out.isEmpty() ? "" : "\n\n").append(line);
      }
    }
    return out.toString();
  }

  @Property(tries = 2000)
  void loopAgreesWithTheRegularExpressions(
      @ForAll @Chars({'a', 'b', ' ', '\n', '\t', '\r', '\f', '\u0000'}) @StringLength(max = 30)
          String s) {
    assertThat(Text.paragraphs(s)).isEqualTo(reference(s));
  }
}
