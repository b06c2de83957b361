package dev.paperboy.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.mail.TlsMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommunityConfigTest {
  @TempDir Path dir;

  @Test
  void defaultsNeedNoConfiguration() {
    Config c = Config.load(dir, null, Map.of(), Map.of());
    assertThat(c.community().enabled()).isTrue();
    assertThat(c.community().firstAdmin()).isNull();
    assertThat(c.community().web().sessionTtl()).isEqualTo(Duration.ofDays(30));
    assertThat(c.community().web().submissionMaxAge()).isEqualTo(Duration.ofDays(14));
    assertThat(c.community().web().limits().signInPerIp().limit()).isEqualTo(10);
    assertThat(c.mail().smtp()).isNull();
    assertThat(c.mail().directory()).isEqualTo(dir.toAbsolutePath().resolve("mail"));
    assertThat(c.mail().from().value()).isEqualTo("paperboy@localhost.localdomain");
  }

  @Test
  void keysOverrideTheDefaults() {
    Config c =
        Config.load(
            dir,
            null,
            Map.of("PAPERBOY_RATELIMIT_VOTE_USER", "3/10s"),
            Map.of(
                "community.admin.email", "Root@Example.org",
                "community.submit.per.day", "2",
                "server.base.url", "https://papers.example.org",
                "mail.smtp.host", "smtp.example.org",
                "mail.smtp.tls", "implicit",
                "mail.smtp.user", "pb",
                "mail.smtp.password", "secret"));
    assertThat(c.community().firstAdmin().value()).isEqualTo("Root@example.org");
    assertThat(c.community().web().submissionsPerDay()).isEqualTo(2);
    assertThat(c.community().web().limits().votesPerUser().limit()).isEqualTo(3);
    assertThat(c.community().web().limits().votesPerUser().window())
        .isEqualTo(Duration.ofSeconds(10));
    assertThat(c.mail().smtp().tls()).isEqualTo(TlsMode.IMPLICIT);
    assertThat(c.mail().smtp().port()).isEqualTo(465);
    assertThat(c.mail().from().value()).isEqualTo("paperboy@papers.example.org");
    assertThat(c.mail().toString()).doesNotContain("secret");
    assertThat(Config.KEYS).contains("mail.smtp.host", "ratelimit.signin.email");
  }

  @Test
  void badValuesNameTheirKey() {
    assertThatThrownBy(() -> Config.load(dir, null, Map.of(), Map.of("ratelimit.signin.ip", "ten")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("ratelimit.signin.ip: expected COUNT/WINDOW");
    assertThatThrownBy(
            () ->
                Config.load(
                    dir, null, Map.of(), Map.of("mail.smtp.host", "x", "mail.smtp.tls", "ssl")))
        .hasMessageContaining("mail.smtp.tls");
    assertThatThrownBy(
            () -> Config.load(dir, null, Map.of(), Map.of("community.admin.email", "nobody")))
        .hasMessageContaining("community.admin.email");
  }
}
