package dev.paperboy.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.core.mail.EmailAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Properties;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmtpConfigTest {

  @Test
  void defaultsAndWithers() {
    SmtpConfig c =
        SmtpConfig.of("smtp.example.org", 587, TlsMode.STARTTLS)
            .withCredentials("paperboy", "s3cret")
            .withEnvelopeFrom(new EmailAddress("bounces@paperboy.example"))
            .withHeloName("paperboy.example")
            .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(20))
            .withMaxMessagesPerConnection(50);
    assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(c.readTimeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(c.maxMessagesPerConnection()).isEqualTo(50);
    assertThat(c.describe()).isEqualTo("smtp://paperboy@smtp.example.org:587 (STARTTLS)");
    assertThat(c.toString()).contains("password=****").doesNotContain("s3cret");
    SmtpConfig d = SmtpConfig.of("::1", 465, TlsMode.IMPLICIT);
    assertThat(d.readTimeout()).isEqualTo(SmtpConfig.DEFAULT_READ_TIMEOUT);
    assertThat(d.describe()).isEqualTo("smtps://[::1]:465");
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " | ",
      value = {
        "smtp://mail.example.org | 25 | NONE | no URL",
        "mail example.org | 25 | NONE | no URL",
        "' ' | 25 | NONE | must not be blank",
        "mail.example.org | 0 | NONE | port must be 1..65535, port: 0",
        "mail.example.org | 70000 | NONE | port must be 1..65535",
      })
  void rejectsBadServers(String host, int port, TlsMode tls, String message) {
    assertThatThrownBy(() -> SmtpConfig.of(host, port, tls)).hasMessageContaining(message);
  }

  @Test
  void rejectsBadSettings() {
    SmtpConfig c = SmtpConfig.of("mail.example.org", 587, TlsMode.STARTTLS);
    assertThatThrownBy(() -> c.withCredentials("user", null))
        .hasMessageContaining("username and password must be set together")
        .hasMessageContaining("password: (none)");
    assertThatThrownBy(() -> c.withCredentials(null, "pw"))
        .hasMessageContaining("password: (set)")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("pw"));
    assertThatThrownBy(() -> c.withCredentials("user", "pw\r\nQUIT"))
        .hasMessageContaining("control characters");
    assertThatThrownBy(() -> c.withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
        .hasMessageContaining("connectTimeout must be positive");
    assertThatThrownBy(() -> c.withHeloName("bad name"))
        .hasMessageContaining("heloName must be a host name");
    assertThatThrownBy(() -> c.withMaxMessagesPerConnection(0))
        .hasMessageContaining("maxMessagesPerConnection must be >= 1");
  }

  @Test
  void refusesPasswordsInClearTextExceptToThisMachine() {
    assertThatThrownBy(
            () -> SmtpConfig.of("mail.example.org", 25, TlsMode.NONE).withCredentials("u", "p"))
        .hasMessageContaining("clear text to mail.example.org")
        .hasMessageContaining("STARTTLS or IMPLICIT");
    for (String host : new String[] {"localhost", "127.0.0.1", "127.1.2.3", "::1", "[::1]"}) {
      assertThat(SmtpConfig.of(host, 25, TlsMode.NONE).withCredentials("u", "p").username())
          .isEqualTo("u");
    }
    assertThat(SmtpConfig.isLoopback("128.0.0.1")).isFalse();
    assertThat(SmtpConfig.isLoopback("localhost.example.org")).isFalse();
  }

  @Test
  void sessionPropertiesFollowTheTlsMode() {
    SmtpConfig base = SmtpConfig.of("mail.example.org", 587, TlsMode.NONE);
    Properties none = SmtpMailer.sessionProperties(base, null, null);
    assertThat(none.getProperty("mail.smtp.host")).isEqualTo("mail.example.org");
    assertThat(none.getProperty("mail.smtp.port")).isEqualTo("587");
    assertThat(none.getProperty("mail.smtp.connectiontimeout")).isEqualTo("10000");
    assertThat(none.getProperty("mail.smtp.timeout")).isEqualTo("60000");
    assertThat(none.getProperty("mail.smtp.writetimeout")).isEqualTo("60000");
    assertThat(none.getProperty("mail.smtp.auth")).isEqualTo("false");
    assertThat(none.getProperty("mail.smtp.starttls.enable")).isNull();
    assertThat(none.getProperty("mail.smtp.ssl.enable")).isNull();
    assertThat(none.getProperty("mail.smtp.from")).isNull();

    SmtpConfig starttls =
        SmtpConfig.of("mail.example.org", 587, TlsMode.STARTTLS)
            .withCredentials("u", "p")
            .withEnvelopeFrom(new EmailAddress("b@paperboy.example"));
    Properties st = SmtpMailer.sessionProperties(starttls, null, null);
    assertThat(st.getProperty("mail.smtp.starttls.enable")).isEqualTo("true");
    assertThat(st.getProperty("mail.smtp.starttls.required")).isEqualTo("true");
    assertThat(st.getProperty("mail.smtp.ssl.checkserveridentity")).isEqualTo("true");
    assertThat(st.getProperty("mail.smtp.auth")).isEqualTo("true");
    assertThat(st.getProperty("mail.smtp.from")).isEqualTo("b@paperboy.example");

    SSLSocketFactory factory = (SSLSocketFactory) SSLSocketFactory.getDefault();
    Properties implicit =
        SmtpMailer.sessionProperties(
            SmtpConfig.of("mail.example.org", 465, TlsMode.IMPLICIT), null, factory);
    assertThat(implicit.getProperty("mail.smtp.ssl.enable")).isEqualTo("true");
    assertThat(implicit.getProperty("mail.smtp.starttls.enable")).isNull();
    assertThat(implicit.getProperty("mail.smtp.socketFactory.fallback")).isEqualTo("false");
  }

  @Test
  void socketsHaveNagleTurnedOff() throws Exception {
    Properties p =
        SmtpMailer.sessionProperties(
            SmtpConfig.of("mail.example.org", 587, TlsMode.STARTTLS), null, null);
    try (Socket plain = ((SocketFactory) p.get("mail.smtp.socketFactory")).createSocket();
        Socket tls = ((SSLSocketFactory) p.get("mail.smtp.ssl.socketFactory")).createSocket()) {
      assertThat(plain.getTcpNoDelay()).isTrue();
      assertThat(tls.getTcpNoDelay()).isTrue();
    }
  }
}
