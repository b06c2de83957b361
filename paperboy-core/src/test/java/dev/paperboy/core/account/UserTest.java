package dev.paperboy.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserTest {

  @Test
  void displayNamesAreStrippedAndMayBeInAnyScript() {
    assertThat(User.checkDisplayName("  Ada Lovelace ")).isEqualTo("Ada Lovelace");
    assertThat(User.checkDisplayName("محمد")).isEqualTo("محمد");
    // Zero-width (non-)joiners belong to the spelling of names in several scripts.
    assertThat(User.checkDisplayName("می\u200cخواهم")).isEqualTo("می\u200cخواهم");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u202e", "\u202a", "\u202b", "\u202c", "\u202d", "\u2066", "\u2067"})
  void directionControlsAreRefused(String control) {
    // An override (U+202E) before "nimda" shows it as "admin" (Unicode UAX #9 explicit
    // formatting; CVE-2021-42574, "Trojan Source").
    assertThatThrownBy(() -> User.checkDisplayName("x" + control + "nimda"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("text-direction");
  }

  @Test
  void aNameStoredBeforeTheRuleStillLoads() {
    User u =
        new User(
            UserId.random(),
            dev.paperboy.core.mail.EmailAddress.parse("email", "a@example.org"),
            "x\u202enimda",
            dev.paperboy.core.security.Role.USER,
            java.time.Instant.EPOCH,
            null);
    assertThat(u.displayName()).isEqualTo("x\u202enimda");
  }

  @Test
  void controlCharactersAndLengthAreRefused() {
    assertThatThrownBy(() -> User.checkDisplayName("a\nb")).hasMessageContaining("control");
    assertThatThrownBy(() -> User.checkDisplayName(" ")).hasMessageContaining("empty");
    assertThatThrownBy(() -> User.checkDisplayName("a".repeat(User.MAX_DISPLAY_NAME + 1)))
        .hasMessageContaining("at most");
  }
}
