package dev.paperboy.core.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArxivIdTest {

  @ParameterizedTest
  @CsvSource({
    "2503.11731, 2503.11731, 0",
    "2503.11731v2, 2503.11731, 2",
    "arXiv:2503.11731v12, 2503.11731, 12",
    "ARXIV: 0704.0001, 0704.0001, 0",
    "1412.9999v1, 1412.9999, 1",
    "hep-th/9901001, hep-th/9901001, 0",
    "hep-th/9901001v3, hep-th/9901001, 3",
    "math.GT/0309136, math/0309136, 0",
    "cs/0112017v1, cs/0112017, 1",
  })
  void parsesAndNormalises(String text, String id, int version) {
    VersionedId v = VersionedId.parse(text);
    assertThat(v.id().value()).isEqualTo(id);
    assertThat(v.version()).isEqualTo(version);
    assertThat(ArxivId.parse(text)).isEqualTo(new ArxivId(id));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "2503.1173",
        "2513.11731",
        "2500.11731",
        "1501.1234",
        "0612.1234",
        "2503.117311",
        "2503.11731v0",
        "hep-th/991301",
        "HEP-TH/9901001",
        "12345",
        "2503.11731 extra"
      })
  void rejectsInvalid(String text) {
    assertThatThrownBy(() -> ArxivId.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("arXiv id");
  }

  @Test
  void constructorRejectsUnnormalisedValues() {
    assertThatThrownBy(() -> new ArxivId("2503.11731v2")).hasMessageContaining("2503.11731v2");
    assertThatThrownBy(() -> new ArxivId("math.GT/0309136")).hasMessageContaining("normalised");
  }

  @ParameterizedTest
  @CsvSource({
    "https://arxiv.org/abs/2503.11731v2, 2503.11731v2",
    "http://arxiv.org/pdf/2503.11731.pdf, 2503.11731",
    "arxiv.org/abs/hep-th/9901001, hep-th/9901001",
    "https://www.arxiv.org/abs/2503.11731?context=cs, 2503.11731",
    "  2503.11731  , 2503.11731",
  })
  void acceptsUserInput(String text, String expected) {
    assertThat(ArxivId.fromUserInput(text).toString()).isEqualTo(expected);
  }

  @Test
  void userInputErrorsAreReadable() {
    assertThatThrownBy(() -> ArxivId.fromUserInput(" "))
        .hasMessage("enter an arXiv id such as 2503.11731 or an arxiv.org URL");
    assertThatThrownBy(() -> ArxivId.fromUserInput("https://example.com/abs/2503.11731"))
        .hasMessageContaining("not an arXiv id");
  }

  @Test
  void knowsItsMonthAndLinks() {
    assertThat(ArxivId.parse("2503.11731").yearMonth()).isEqualTo(YearMonth.of(2025, 3));
    assertThat(ArxivId.parse("hep-th/9901001").yearMonth()).isEqualTo(YearMonth.of(1999, 1));
    assertThat(ArxivId.parse("hep-th/9901001").isOldStyle()).isTrue();
    assertThat(ArxivId.parse("2503.11731").absUrl()).isEqualTo("https://arxiv.org/abs/2503.11731");
    assertThat(ArxivId.parse("2503.11731").pdfUrl()).isEqualTo("https://arxiv.org/pdf/2503.11731");
  }
}
