package dev.paperboy.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RoleTest {
  @Test
  void rolesAreOrderedAndParsed() {
    assertThat(Role.ADMIN.atLeast(Role.MODERATOR)).isTrue();
    assertThat(Role.MODERATOR.atLeast(Role.MODERATOR)).isTrue();
    assertThat(Role.USER.atLeast(Role.MODERATOR)).isFalse();
    assertThat(Role.parse(" Admin ")).isEqualTo(Role.ADMIN);
    assertThatThrownBy(() -> Role.parse("root")).hasMessageContaining("'root'");
  }

  @Test
  void secretsAreRandomAndHashed() {
    String a = Secrets.newSecret();
    assertThat(a).hasSize(43).isNotEqualTo(Secrets.newSecret());
    assertThat(Secrets.hash("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(Secrets.isId(Secrets.newId())).isTrue();
    assertThat(Secrets.isId("0000000000000000")).isFalse();
    assertThat(Secrets.constantTimeEquals("abc", "abc")).isTrue();
    assertThat(Secrets.constantTimeEquals("abc", "abd")).isFalse();
  }
}
