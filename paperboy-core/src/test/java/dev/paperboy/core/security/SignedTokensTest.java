package dev.paperboy.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SignedTokensTest {
  static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
  static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  static SignedTokens at(Instant t) {
    return new SignedTokens(KEY, Clock.fixed(t, ZoneOffset.UTC));
  }

  @Test
  void roundTripsTheSubjectWithinItsLifetime() throws Exception {
    String token = at(T0).issue("signin", "ada@example.org\nnonce", Duration.ofMinutes(15));
    assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    assertThat(at(T0.plusSeconds(899)).verify("signin", token)).isEqualTo("ada@example.org\nnonce");
  }

  @Test
  void expiredTokenIsRefused() {
    String token = at(T0).issue("signin", "x", Duration.ofMinutes(15));
    assertThatThrownBy(() -> at(T0.plusSeconds(900)).verify("signin", token))
        .isInstanceOfSatisfying(
            InvalidTokenException.class,
            e -> assertThat(e.reason()).isEqualTo(InvalidTokenException.Reason.EXPIRED));
  }

  @Test
  void changedPayloadOrSignatureIsForged() {
    String token = at(T0).issue("signin", "ada@example.org", Duration.ofMinutes(15));
    String payload = token.substring(0, token.indexOf('.'));
    String sig = token.substring(token.indexOf('.') + 1);
    String other =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)
                    .replace("ada@", "eve@")
                    .getBytes(StandardCharsets.UTF_8));
    assertReason(other + "." + sig, InvalidTokenException.Reason.FORGED);
    char last = sig.charAt(0) == 'A' ? 'B' : 'A';
    assertReason(payload + "." + last + sig.substring(1), InvalidTokenException.Reason.FORGED);
    byte[] otherKey = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
    String foreign =
        new SignedTokens(otherKey, Clock.fixed(T0, ZoneOffset.UTC))
            .issue("signin", "ada@example.org", Duration.ofMinutes(15));
    assertReason(foreign, InvalidTokenException.Reason.FORGED);
  }

  @Test
  void tokenOfAnotherPurposeIsRefused() {
    String token = at(T0).issue("unsubscribe", "s42", Duration.ofDays(30));
    assertReason(token, InvalidTokenException.Reason.WRONG_PURPOSE);
  }

  @Test
  void garbageIsMalformed() {
    for (String bad : new String[] {"", "abc", "a.b.c", "!!.??", ".x"}) {
      assertReason(bad, InvalidTokenException.Reason.MALFORMED);
    }
  }

  @Test
  void macIsDeterministicPerPurposeAndChecked() {
    SignedTokens t = at(T0);
    String mac = t.mac("csrf", "session-1");
    assertThat(t.mac("csrf", "session-1")).isEqualTo(mac);
    assertThat(t.mac("csrf", "session-2")).isNotEqualTo(mac);
    assertThat(t.mac("other", "session-1")).isNotEqualTo(mac);
    assertThat(t.checkMac("csrf", "session-1", mac)).isTrue();
    assertThat(t.checkMac("csrf", "session-2", mac)).isFalse();
    assertThat(t.checkMac("csrf", "session-1", null)).isFalse();
    assertThat(t.checkMac("csrf", "session-1", "")).isFalse();
  }

  @Test
  void shortKeysAndBadPurposesAreRefused() {
    assertThatThrownBy(() -> new SignedTokens(new byte[16], Clock.systemUTC()))
        .hasMessageContaining("at least 32 bytes");
    assertThatThrownBy(() -> at(T0).issue("Sign In", "x", Duration.ofMinutes(1)))
        .hasMessageContaining("purpose");
  }

  @Test
  void keyComesFromTheStoreAndIsKeptOnceCreated() {
    byte[][] stored = new byte[1][];
    SecretStore store =
        (name, fresh) -> {
          if (stored[0] == null) {
            stored[0] = fresh;
          }
          return stored[0];
        };
    Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    String token = SignedTokens.fromStore(store, clock).issue("x", "s", Duration.ofMinutes(1));
    // A second node with the same store accepts it.
    assertThat(catchVerify(SignedTokens.fromStore(store, clock), token)).isEqualTo("s");
  }

  private static String catchVerify(SignedTokens t, String token) {
    try {
      return t.verify("x", token);
    } catch (InvalidTokenException e) {
      throw new AssertionError(e);
    }
  }

  private static void assertReason(String token, InvalidTokenException.Reason reason) {
    assertThatThrownBy(() -> at(T0).verify("signin", token))
        .as(token)
        .isInstanceOfSatisfying(
            InvalidTokenException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
