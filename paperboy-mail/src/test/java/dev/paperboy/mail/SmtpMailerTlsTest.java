package dev.paperboy.mail;

import static dev.paperboy.mail.TestMessages.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.core.mail.FailureKind;
import dev.paperboy.core.mail.MailException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** TLS modes against {@link FakeSmtpServer} with test certificates (src/test/resources). */
class SmtpMailerTlsTest {

  private FakeSmtpServer server;

  @AfterEach
  void stop() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  private SmtpConfig config(TlsMode tls) {
    return SmtpConfig.of("127.0.0.1", server.port(), tls)
        .withHeloName("paperboy.test")
        .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5));
  }

  @Test
  void implicitTlsDelivers() throws Exception {
    server = FakeSmtpServer.implicitTls("tls-localhost.p12").start();
    try (SmtpMailer mailer =
        new SmtpMailer(
            config(TlsMode.IMPLICIT), CLOCK, FakeSmtpServer.trustingTestCertificates())) {
      mailer.send(TestMessages.plain("tls1@paperboy.example", "ada@example.org"));
      assertThat(mailer.describe()).startsWith("smtps://127.0.0.1:");
    }
    assertThat(server.received).hasSize(1);
    assertThat(server.received.get(0).data()).contains("Message-ID: <tls1@paperboy.example>");
  }

  @Test
  void startTlsUpgradesBeforeTheCredentialsAreSent() throws Exception {
    server = FakeSmtpServer.plain();
    server.offerStartTls = true;
    server.offerAuth = true;
    server.start();
    SmtpConfig config = config(TlsMode.STARTTLS).withCredentials("paperboy", "pä55word");
    try (SmtpMailer mailer =
        new SmtpMailer(config, CLOCK, FakeSmtpServer.trustingTestCertificates())) {
      mailer.send(TestMessages.plain("tls2@paperboy.example", "ada@example.org"));
    }
    assertThat(server.received).hasSize(1);
    int startTls = server.commands.indexOf("STARTTLS");
    int auth = indexOfPrefix("AUTH");
    assertThat(startTls).isNotNegative();
    assertThat(auth).isGreaterThan(startTls);
    // AUTH PLAIN carries "authzid\0user\0password" in base64 (RFC 4616); Jakarta Mail repeats
    // the user as authzid.
    String line = server.commands.get(auth);
    String decoded =
        new String(
            Base64.getDecoder().decode(line.substring("AUTH PLAIN ".length())),
            StandardCharsets.UTF_8);
    assertThat(decoded).endsWith("\0paperboy\0pä55word");
  }

  @Test
  void anUntrustedCertificateIsMisconfigured() throws Exception {
    server = FakeSmtpServer.implicitTls("tls-localhost.p12").start();
    try (SmtpMailer mailer = new SmtpMailer(config(TlsMode.IMPLICIT), CLOCK)) { // JVM trust
      assertThatThrownBy(
              () -> mailer.send(TestMessages.plain("tls3@paperboy.example", "ada@example.org")))
          .isInstanceOfSatisfying(
              MailException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(FailureKind.MISCONFIGURED);
                assertThat(e.getMessage()).contains("TLS failed");
              });
    }
    assertThat(server.received).isEmpty();
  }

  @Test
  void aCertificateForAnotherHostIsMisconfigured() throws Exception {
    server = FakeSmtpServer.implicitTls("tls-other-host.p12").start();
    try (SmtpMailer mailer =
        new SmtpMailer(
            config(TlsMode.IMPLICIT), CLOCK, FakeSmtpServer.trustingTestCertificates())) {
      assertThatThrownBy(
              () -> mailer.send(TestMessages.plain("tls4@paperboy.example", "ada@example.org")))
          .isInstanceOfSatisfying(
              MailException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(FailureKind.MISCONFIGURED);
                assertThat(e.getMessage()).contains("TLS failed");
              });
    }
    assertThat(server.received).isEmpty();
  }

  private int indexOfPrefix(String prefix) {
    for (int i = 0; i < server.commands.size(); i++) {
      if (server.commands.get(i).startsWith(prefix)) {
        return i;
      }
    }
    return -1;
  }
}
