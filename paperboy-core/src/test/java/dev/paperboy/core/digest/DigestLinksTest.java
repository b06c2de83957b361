package dev.paperboy.core.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.core.testing.MutableClock;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DigestLinksTest {
  static final Instant T0 = Instant.parse("2026-03-02T07:00:00Z");
  final byte[] key = new byte[32];
  final MutableClock clock = new MutableClock(T0);
  final DigestLinks links =
      new DigestLinks(key, clock, "https://papers.example", Duration.ofHours(48));
  final SubscriptionId id = SubscriptionId.random();

  static String token(java.net.URI uri) {
    String q = uri.getRawQuery();
    return URLDecoder.decode(q.substring(q.indexOf("token=") + 6), StandardCharsets.UTF_8);
  }

  @Test
  void linksOpenTheirSubscriptionOnlyForTheirPurpose() throws Exception {
    String confirm = token(links.confirm(id));
    assertThat(links.confirm(id).toString())
        .startsWith("https://papers.example/subscribe/confirm?token=");
    assertThat(links.verify(DigestLinks.CONFIRM, confirm)).isEqualTo(id);
    assertThatThrownBy(() -> links.verify(DigestLinks.UNSUBSCRIBE, confirm))
        .isInstanceOf(DigestLinks.Refused.class)
        .hasMessageContaining("not valid");
    String unsub = token(links.unsubscribe(id, T0));
    assertThat(links.verify(DigestLinks.UNSUBSCRIBE, unsub)).isEqualTo(id);
    assertThat(links.preferences(id, T0).toString())
        .startsWith("https://papers.example/digest/preferences?token=");
  }

  @Test
  void confirmationLinksExpireAndForgedOnesFail() {
    String confirm = token(links.confirm(id));
    clock.advance(Duration.ofHours(48));
    assertThatThrownBy(() -> links.verify(DigestLinks.CONFIRM, confirm))
        .hasMessageContaining("expired")
        .hasMessageContaining("2 days");
    byte[] other = Arrays.copyOf(key, 32);
    other[0] = 1;
    DigestLinks forger =
        new DigestLinks(other, clock, "https://papers.example", Duration.ofHours(48));
    String forged = token(forger.confirm(id));
    assertThatThrownBy(() -> links.verify(DigestLinks.CONFIRM, forged))
        .hasMessageContaining("not valid");
    assertThatThrownBy(() -> links.verify(DigestLinks.CONFIRM, "garbage"))
        .hasMessageContaining("not valid");
  }

  @Test
  void digestLinksAreAFunctionOfTheEditionSoAResentMessageIsTheSame() {
    String a = links.unsubscribeToken(id, T0);
    clock.advance(Duration.ofHours(5));
    assertThat(links.unsubscribeToken(id, T0)).isEqualTo(a);
    assertThat(links.unsubscribeToken(id, T0.plusSeconds(1))).isNotEqualTo(a);
    assertThat(links.https()).isTrue();
  }
}
