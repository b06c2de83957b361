package dev.paperboy.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FmtTest {

  @Test
  void keepsOnlyHttpUrls() {
    assertThat(Fmt.safeUrl("https://github.com/a/b")).isEqualTo("https://github.com/a/b");
    assertThat(Fmt.safeUrl(" http://example.org/x ")).isEqualTo("http://example.org/x");
    assertThat(Fmt.safeUrl("javascript:alert(1)")).isNull();
    assertThat(Fmt.safeUrl("JAVASCRIPT:alert(1)")).isNull();
    assertThat(Fmt.safeUrl("data:text/html,<b>")).isNull();
    assertThat(Fmt.safeUrl("//evil.example/x")).isNull();
    assertThat(Fmt.safeUrl("https://example.org/?a=<x>")).isNull();
    assertThat(Fmt.safeUrl("")).isNull();
    assertThat(Fmt.safeUrl(null)).isNull();
  }

  @Test
  void labelsCodeLinks() {
    assertThat(Fmt.codeLabel("https://github.com/google-research/envharness"))
        .isEqualTo("google-research/envharness");
    assertThat(Fmt.codeLabel("https://github.com/owner/repo/tree/main/x")).isEqualTo("owner/repo");
    assertThat(Fmt.codeLabel("https://example.org/")).isEqualTo("example.org");
  }

  @Test
  void formatsDatesAndNumbers() {
    LocalDate d = LocalDate.of(2025, 6, 16);
    assertThat(Fmt.longDay(d)).isEqualTo("Monday, 16 June 2025");
    assertThat(Fmt.day(d)).isEqualTo("16 Jun 2025");
    assertThat(Fmt.iso(d)).isEqualTo("2025-06-16");
    assertThat(Fmt.compact(999)).isEqualTo("999");
    assertThat(Fmt.compact(1000)).isEqualTo("1k");
    assertThat(Fmt.compact(1234)).isEqualTo("1.2k");
    assertThat(Fmt.count(1, "paper", "papers")).isEqualTo("1 paper");
    assertThat(Fmt.count(6872, "paper", "papers")).isEqualTo("6,872 papers");
  }
}
