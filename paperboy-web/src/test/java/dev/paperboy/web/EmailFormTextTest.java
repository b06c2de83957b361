package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.paperboy.core.mail.EmailAddress;
import org.junit.jupiter.api.Test;

class EmailFormTextTest {

  private static String problem(String typed) {
    IllegalArgumentException e =
        catchThrowableOfType(
            IllegalArgumentException.class, () -> EmailAddress.parse("email", typed));
    assertThat(e).as("refused: %s", typed).isNotNull();
    return EmailFormText.problem("email", typed, e);
  }

  @Test
  void anEmptyFieldAsksForAnAddress() {
    assertThat(problem("")).isEqualTo("Please enter an email address, like name@example.org.");
    assertThat(problem("   ")).isEqualTo("Please enter an email address, like name@example.org.");
  }

  @Test
  void aWrongAddressSaysWhatIsWrongWithoutFieldNamesOrQuotes() {
    assertThat(problem("not an address"))
        .isEqualTo(
            "That is not an email address we can send to (no '@'). Please enter one like"
                + " name@example.org.");
    assertThat(problem("ada@example.")).contains("(the domain ends with a dot)");
    // A reason with parentheses of its own is kept whole.
    assertThat(problem("ada@exa_mple.org"))
        .startsWith("That is not an email address we can send to (the domain is not a valid host")
        .doesNotContain("email:");
  }

  @Test
  void aMessageOfAnotherShapeStillGivesASentence() {
    assertThat(EmailFormText.reason("email", "something else")).isNull();
    assertThat(EmailFormText.problem("email", "x", new IllegalArgumentException("something else")))
        .isEqualTo(
            "That is not an email address we can send to. Please enter one like"
                + " name@example.org.");
  }
}
