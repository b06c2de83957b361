package dev.paperboy.mail;

import static dev.paperboy.mail.TestMessages.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.core.mail.FailureKind;
import dev.paperboy.core.mail.MailException;
import dev.paperboy.core.mail.OutgoingMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How {@link SmtpMailer} classifies what real SMTP dialogues go wrong with, against {@link
 * FakeSmtpServer}: Jakarta Mail talks to it over a socket exactly as to a real server.
 */
class SmtpMailerFailureTest {

  private FakeSmtpServer server;

  @AfterEach
  void stop() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  private SmtpConfig config() {
    return SmtpConfig.of("127.0.0.1", server.port(), TlsMode.NONE)
        .withHeloName("paperboy.test")
        .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5));
  }

  private static OutgoingMessage to(String address) {
    return TestMessages.plain("m." + address.replace('@', '.') + "@paperboy.example", address);
  }

  private MailException failure(SmtpConfig config, OutgoingMessage m) {
    try (SmtpMailer mailer = new SmtpMailer(config, CLOCK)) {
      mailer.send(m);
    } catch (MailException e) {
      return e;
    }
    throw new AssertionError("expected " + m.messageId() + " to fail");
  }

  private MailException failure(Consumer<FakeSmtpServer> script) throws IOException {
    server = FakeSmtpServer.plain();
    script.accept(server);
    server.start();
    return failure(config(), to("ada@example.org"));
  }

  @Test
  void unknownUserIsPermanentAndSuppressesOnlyThatAddress() throws Exception {
    server = FakeSmtpServer.plain();
    server.rcptReply =
        to ->
            to.contains("nobody@")
                ? "550 5.1.1 <nobody@example.org>: Recipient address rejected: User unknown"
                : "250 2.1.5 Ok";
    server.start();
    try (SmtpMailer mailer = new SmtpMailer(config(), CLOCK)) {
      mailer.send(to("ada@example.org"));
      assertThatThrownBy(() -> mailer.send(to("nobody@example.org")))
          .isInstanceOfSatisfying(
              MailException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(FailureKind.BAD_RECIPIENT);
                assertThat(e.isPermanent()).isTrue();
                assertThat(e.kind().suppressesRecipient()).isTrue();
                assertThat(e.replyCode()).hasValue(550);
                assertThat(e.getMessage())
                    .startsWith("BAD_RECIPIENT: smtp://127.0.0.1:")
                    .contains("RCPT", "User unknown", "<m.nobody.example.org@paperboy.example>");
              });
      // The mailer goes on with the next message.
      mailer.send(to("bob@example.org"));
    }
    assertThat(server.received).hasSize(2);
  }

  @Test
  void greylistingIsTemporary() throws Exception {
    MailException e =
        failure(s -> s.rcptReply = to -> "451 4.7.1 <ada@example.org>: Greylisted, try later");
    assertThat(e.kind()).isEqualTo(FailureKind.TEMPORARY);
    assertThat(e.replyCode()).hasValue(451);
  }

  @Test
  void relayDeniedIsOurSetupNotTheRecipient() throws Exception {
    MailException e =
        failure(s -> s.rcptReply = to -> "554 5.7.1 <ada@example.org>: Relay access denied");
    assertThat(e.kind()).isEqualTo(FailureKind.MISCONFIGURED);
    assertThat(e.kind().suppressesRecipient()).isFalse();
  }

  @Test
  void contentRejectedAfterDataRefusesTheMessageOnly() throws Exception {
    MailException e = failure(s -> s.dataEndReply = d -> "554 5.7.1 Message rejected as spam");
    assertThat(e.kind()).isEqualTo(FailureKind.MESSAGE_REFUSED);
    assertThat(e.replyCode()).hasValue(554);
    assertThat(e.getMessage()).contains("DATA");
  }

  @Test
  void mailboxFullAfterDataIsTemporary() throws Exception {
    MailException e = failure(s -> s.dataEndReply = d -> "552 5.2.2 Mailbox full");
    assertThat(e.kind()).isEqualTo(FailureKind.TEMPORARY);
  }

  @Test
  void senderRefusedIsMisconfigured() throws Exception {
    MailException e = failure(s -> s.mailReply = f -> "550 5.7.1 Sender address not allowed");
    assertThat(e.kind()).isEqualTo(FailureKind.MISCONFIGURED);
    assertThat(e.replyCode()).hasValue(550);
    assertThat(e.getMessage()).contains("MAIL");
  }

  @Test
  void busyGreetingIsTemporaryAndRefusingGreetingIsMisconfigured() throws Exception {
    MailException busy = failure(s -> s.greeting = "421 4.3.2 Too many connections");
    assertThat(busy.kind()).isEqualTo(FailureKind.TEMPORARY);
    assertThat(busy.replyCode()).hasValue(421);
    server.close();

    MailException refused = failure(s -> s.greeting = "554 5.7.1 No SMTP service for you");
    assertThat(refused.kind()).isEqualTo(FailureKind.MISCONFIGURED);
    assertThat(refused.replyCode()).hasValue(554);
    assertThat(refused.getMessage()).contains("554 5.7.1 No SMTP service for you");
  }

  @Test
  void authenticationReplies() throws Exception {
    server = FakeSmtpServer.plain();
    server.offerAuth = true;
    server.authReply = "535 5.7.8 Error: authentication failed";
    server.start();
    MailException bad =
        failure(config().withCredentials("paperboy", "wrong"), to("ada@example.org"));
    assertThat(bad.kind()).isEqualTo(FailureKind.MISCONFIGURED);
    assertThat(bad.replyCode()).hasValue(535);
    assertThat(server.commands).anyMatch(c -> c.startsWith("AUTH PLAIN"));

    server.authReply = "454 4.7.0 Temporary authentication failure";
    MailException later =
        failure(config().withCredentials("paperboy", "right"), to("ada@example.org"));
    assertThat(later.kind()).isEqualTo(FailureKind.TEMPORARY);
    assertThat(later.replyCode()).hasValue(454);
  }

  @Test
  void requiredStartTlsThatIsNotOfferedIsMisconfigured() throws Exception {
    server = FakeSmtpServer.plain(); // offers no STARTTLS
    server.start();
    MailException e =
        failure(
            SmtpConfig.of("127.0.0.1", server.port(), TlsMode.STARTTLS).withHeloName("p.test"),
            to("ada@example.org"));
    assertThat(e.kind()).isEqualTo(FailureKind.MISCONFIGURED);
    assertThat(e.getMessage()).contains("STARTTLS");
    assertThat(server.commands).noneMatch(c -> c.startsWith("MAIL"));
  }

  @Test
  void refusedConnectionIsTemporary() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    MailException e =
        failure(
            SmtpConfig.of("127.0.0.1", port, TlsMode.NONE).withHeloName("p.test"),
            to("ada@example.org"));
    assertThat(e.kind()).isEqualTo(FailureKind.TEMPORARY);
    assertThat(e.replyCode()).isEmpty();
    assertThat(e.getMessage()).contains("cannot connect");
  }

  @Test
  void aServerThatNeverAnswersTimesOutAsTemporary() throws Exception {
    server = FakeSmtpServer.plain();
    server.silent = true;
    server.start();
    long start = System.nanoTime();
    MailException e =
        failure(
            config().withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300)),
            to("ada@example.org"));
    assertThat(e.kind()).isEqualTo(FailureKind.TEMPORARY);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void connectionLostBeforeTheFinalReplyIsTemporary() throws Exception {
    MailException e = failure(s -> s.dropAtEndOfData = true);
    assertThat(e.kind()).isEqualTo(FailureKind.TEMPORARY);
    assertThat(e.replyCode()).isEmpty();
  }

  @Test
  void reusesConnectionsUpToTheLimitWithTheEnvelopeSender() throws Exception {
    server = FakeSmtpServer.plain().start();
    SmtpConfig config =
        config()
            .withMaxMessagesPerConnection(10)
            .withEnvelopeFrom(new dev.paperboy.core.mail.EmailAddress("bounces@paperboy.example"));
    try (SmtpMailer mailer = new SmtpMailer(config, CLOCK)) {
      for (int i = 0; i < 25; i++) {
        mailer.send(to("u" + i + "@example.org"));
      }
      assertThat(mailer.connectionsOpened()).isEqualTo(3);
    }
    assertThat(server.connections.get()).isEqualTo(3);
    assertThat(server.received).hasSize(25);
    assertThat(server.received)
        .allSatisfy(r -> assertThat(r.mailFrom()).startsWith("FROM:<bounces@paperboy.example>"));
    assertThat(server.received.get(7).rcptTo()).containsExactly("TO:<u7@example.org>");
    assertThat(server.commands).filteredOn(c -> c.startsWith("EHLO")).hasSize(3);
    assertThat(server.commands).filteredOn(c -> c.startsWith("QUIT")).hasSize(3);
  }

  @Test
  void aClosedMailerRefusesToSend() throws Exception {
    server = FakeSmtpServer.plain().start();
    SmtpMailer mailer = new SmtpMailer(config(), CLOCK);
    mailer.send(to("a@example.org"));
    mailer.close();
    assertThatThrownBy(() -> mailer.send(to("b@example.org")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThat(server.received).hasSize(1);
  }

  @Test
  void anIdleConnectionClosedByTheServerIsReplacedAfterACheck() throws Exception {
    server = FakeSmtpServer.plain().start();
    try (SmtpMailer mailer = new SmtpMailer(config(), CLOCK)) {
      mailer.send(to("a@example.org"));
      mailer.revalidateAfter(Duration.ZERO);
      server.dropConnections();
      mailer.send(to("b@example.org"));
      assertThat(mailer.connectionsOpened()).isEqualTo(2);
    }
    assertThat(server.received).hasSize(2);
  }
}
