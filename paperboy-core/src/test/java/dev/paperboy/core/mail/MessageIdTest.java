package dev.paperboy.core.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageIdTest {

  @Test
  void keepsTheValueExactlyAndAddsBracketsForTheHeader() {
    MessageId id = new MessageId("Digest.2026-03-02.S42@Paperboy.example");
    assertThat(id.value()).isEqualTo("Digest.2026-03-02.S42@Paperboy.example");
    assertThat(id.headerValue()).isEqualTo("<Digest.2026-03-02.S42@Paperboy.example>");
    assertThat(MessageId.parse(" <Digest.2026-03-02.S42@Paperboy.example> ")).isEqualTo(id);
    assertThat(MessageId.parse("a/b+c=d@x")).isEqualTo(new MessageId("a/b+c=d@x"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "no-at-sign",
        "@example.org",
        "a@",
        "a b@example.org",
        "a@example.org\r\nBcc: eve@example.org",
        "a@[127.0.0.1]",
        "a..b@example.org",
        "<a@b",
        "a@b@c",
        "dé@example.org"
      })
  void rejectsInvalid(String text) {
    assertThatThrownBy(() -> MessageId.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("messageId")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\r", "\n"));
  }

  @Test
  void limitsTheLength() {
    String ok = "a".repeat(MessageId.MAX_LENGTH - 2) + "@b";
    assertThat(new MessageId(ok).value()).hasSize(MessageId.MAX_LENGTH);
    assertThatThrownBy(() -> new MessageId("a" + ok)).hasMessageContaining("longer than 250");
  }
}
