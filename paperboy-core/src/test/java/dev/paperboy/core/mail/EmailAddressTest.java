package dev.paperboy.core.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailAddressTest {

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      value = {
        "ada@example.org => ada@example.org",
        "Ada.Lovelace@Example.ORG => Ada.Lovelace@example.org",
        "a+tag@mail.example.co.uk => a+tag@mail.example.co.uk",
        "o'brien!#$%&*/=?^_`{}|~-@example.org => o'brien!#$%&*/=?^_`{}|~-@example.org",
        "user@localhost => user@localhost",
        "jörg@xn--bcher-kva.example => ",
        "info@bücher.example => info@xn--bcher-kva.example",
      })
  void acceptsAndNormalises(String text, String expected) {
    if (expected == null) {
      assertThatThrownBy(() -> new EmailAddress(text)).hasMessageContaining("SMTPUTF8");
      return;
    }
    EmailAddress a = new EmailAddress(text);
    assertThat(a.value()).isEqualTo(expected);
    assertThat(a).isEqualTo(new EmailAddress(expected));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "adaexample.org | no '@'",
        "@example.org | nothing before",
        "ada@ | nothing after",
        ".ada@example.org | starts or ends with a dot",
        "a..b@example.org | two dots in a row",
        "a b@example.org | not allowed",
        "\"a b\"@example.org | quoted local parts",
        "ada@[192.0.2.1] | address literals",
        "ada@192.0.2.1 | all-numeric",
        "ada@exa_mple.org | not a valid host name",
        "ada@-example.org | not a valid host name",
        "ada@example..org | not a valid host name",
        "ada@example.org. | ends with a dot",
        "ada@example.org> | not a valid host name",
      })
  void rejectsWithAReason(String text, String reason) {
    assertThatThrownBy(() -> EmailAddress.parse("to", text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("to is not a valid email address")
        .hasMessageContaining(reason)
        .hasMessageContaining("to: '");
  }

  @Test
  void rejectsLineBreaksAndShowsThemEscaped() {
    assertThatThrownBy(() -> EmailAddress.parse("to", "ada@example.org\r\nBcc: eve@example.org"))
        .hasMessageContaining("\\r\\n")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\r", "\n"));
    assertThatThrownBy(() -> new EmailAddress("ada\n@example.org"))
        .hasMessageContaining("email address");
  }

  @Test
  void enforcesLengthLimits() {
    String local64 = "a".repeat(64);
    assertThat(new EmailAddress(local64 + "@example.org").localPart()).isEqualTo(local64);
    assertThatThrownBy(() -> new EmailAddress("a".repeat(65) + "@example.org"))
        .hasMessageContaining("64");
    String label = "b".repeat(63);
    String longDomain = label + "." + label + "." + label + "." + "c".repeat(50) + ".org";
    assertThatThrownBy(() -> new EmailAddress(local64 + "@" + longDomain))
        .hasMessageContaining("254");
    assertThatThrownBy(() -> new EmailAddress("a@" + "b".repeat(64) + ".org"))
        .hasMessageContaining("not a valid host name");
  }

  @Test
  void parseStripsWhitespaceAndSplits() {
    EmailAddress a = EmailAddress.parse("email", "  Bob@Example.org \n");
    assertThat(a.value()).isEqualTo("Bob@example.org");
    assertThat(a.localPart()).isEqualTo("Bob");
    assertThat(a.domain()).isEqualTo("example.org");
    assertThatThrownBy(() -> EmailAddress.parse("email", null))
        .hasMessage("email must not be null");
  }
}
