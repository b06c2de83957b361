package dev.paperboy.mail;

import static dev.paperboy.mail.TestMessages.CLOCK;
import static dev.paperboy.mail.TestMessages.HTML;
import static dev.paperboy.mail.TestMessages.NOW;
import static dev.paperboy.mail.TestMessages.SUBJECT;
import static dev.paperboy.mail.TestMessages.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.paperboy.core.mail.EmailAddress;
import dev.paperboy.core.mail.FailureKind;
import dev.paperboy.core.mail.MailException;
import dev.paperboy.core.mail.SendReceipt;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link SmtpMailer} against GreenMail, a real SMTP server in this JVM on a loopback port. */
class SmtpMailerGreenMailTest {

  private GreenMail greenMail;

  @BeforeEach
  void startServer() {
    greenMail =
        new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("relay", "s3cret"));
    greenMail.start();
  }

  @AfterEach
  void stopServer() {
    greenMail.stop();
  }

  private SmtpConfig config() {
    return SmtpConfig.of("127.0.0.1", greenMail.getSmtp().getPort(), TlsMode.NONE)
        .withEnvelopeFrom(new EmailAddress("bounces@paperboy.example"))
        .withHeloName("paperboy.test");
  }

  @Test
  void textAndHtmlArriveIntactWithHeadersAndTheExactMessageId() throws Exception {
    try (SmtpMailer mailer = new SmtpMailer(config(), CLOCK)) {
      SendReceipt receipt =
          mailer.send(
              TestMessages.digest("digest.2026-03-02.s42@paperboy.example", "ada@example.org")
                  .build());
      assertThat(receipt.detail()).startsWith("smtp://127.0.0.1:").contains("250");
      assertThat(receipt.duplicate()).isFalse();
    }
    assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
    MimeMessage got = greenMail.getReceivedMessages()[0];

    assertThat(got.getMessageID()).isEqualTo("<digest.2026-03-02.s42@paperboy.example>");
    assertThat(got.getSubject()).isEqualTo(SUBJECT);
    InternetAddress from = (InternetAddress) got.getFrom()[0];
    assertThat(from.getAddress()).isEqualTo("digest@paperboy.example");
    assertThat(from.getPersonal()).isEqualTo("Paperboy Tägliche Papers");
    assertThat(got.getRecipients(Message.RecipientType.TO))
        .extracting(a -> ((InternetAddress) a).getAddress())
        .containsExactly("ada@example.org");
    assertThat(got.getSentDate()).isEqualTo(Date.from(NOW));
    assertThat(unfolded(got, "List-Unsubscribe")).isEqualTo("<https://paperboy.example/u/tok42>");
    assertThat(unfolded(got, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
    assertThat(unfolded(got, "X-Paperboy-Edition")).isEqualTo("2026-03-02");
    // The envelope sender, which GreenMail records as Return-Path.
    assertThat(unfolded(got, "Return-Path")).isEqualTo("<bounces@paperboy.example>");

    assertThat(got.getContentType()).startsWith("multipart/alternative");
    MimeMultipart alt = (MimeMultipart) got.getContent();
    assertThat(alt.getCount()).isEqualTo(2);
    BodyPart text = alt.getBodyPart(0);
    BodyPart html = alt.getBodyPart(1);
    assertThat(text.getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
    assertThat(html.getContentType()).isEqualToIgnoringCase("text/html; charset=UTF-8");
    assertThat(lf((String) text.getContent())).isEqualTo(TEXT);
    assertThat(lf((String) html.getContent())).isEqualTo(HTML);
    // Mostly ASCII with a few umlauts: quoted-printable, readable in a raw view.
    assertThat(text.getHeader("Content-Transfer-Encoding")).containsExactly("quoted-printable");

    // Nothing 8-bit went over the wire: the server did not have to offer 8BITMIME or SMTPUTF8.
    byte[] raw = raw(got);
    assertThat(IntStream.range(0, raw.length).allMatch(i -> raw[i] >= 0)).isTrue();
    String rawText = new String(raw, java.nio.charset.StandardCharsets.US_ASCII);
    assertThat(rawText).contains("Subject: =?UTF-8?");
    assertThat(rawText.indexOf("text/plain")).isLessThan(rawText.indexOf("text/html"));
  }

  @Test
  void plainTextOnlyIsOnePartAndNonLatinTextIsBase64() throws Exception {
    String japanese = "今日の論文：注意機構の新しい解析と、その評価についての報告です。\n";
    try (SmtpMailer mailer = new SmtpMailer(config(), CLOCK)) {
      mailer.send(
          TestMessages.plain("p1@paperboy.example", "bob@example.org").toBuilder()
              .text(japanese)
              .build());
    }
    assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
    MimeMessage got = greenMail.getReceivedMessages()[0];
    assertThat(got.getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
    assertThat(got.getHeader("Content-Transfer-Encoding")).containsExactly("base64");
    assertThat(lf((String) got.getContent())).isEqualTo(japanese);
    assertThat(got.getMessageID()).isEqualTo("<p1@paperboy.example>");
  }

  @Test
  void aBatchOfSendsUsesOneConnection() throws Exception {
    int n = 50;
    try (SmtpMailer mailer = new SmtpMailer(config(), CLOCK)) {
      for (int i = 0; i < n; i++) {
        mailer.send(TestMessages.plain("b" + i + "@paperboy.example", "u" + i + "@example.org"));
      }
      assertThat(mailer.connectionsOpened()).isEqualTo(1);
    }
    assertThat(greenMail.waitForIncomingEmail(5000, n)).isTrue();
    List<String> ids =
        Arrays.stream(greenMail.getReceivedMessages()).map(SmtpMailerGreenMailTest::id).toList();
    assertThat(ids)
        .containsExactlyInAnyOrderElementsOf(
            IntStream.range(0, n).mapToObj(i -> "<b" + i + "@paperboy.example>").toList());
  }

  @Test
  void authenticatesAndClassifiesAWrongPasswordAsMisconfigured() throws Exception {
    try (SmtpMailer ok = new SmtpMailer(config().withCredentials("relay", "s3cret"), CLOCK)) {
      ok.send(TestMessages.plain("auth1@paperboy.example", "ada@example.org"));
    }
    assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();

    try (SmtpMailer bad = new SmtpMailer(config().withCredentials("relay", "wrong"), CLOCK)) {
      assertThatThrownBy(
              () -> bad.send(TestMessages.plain("auth2@paperboy.example", "ada@example.org")))
          .isInstanceOfSatisfying(
              MailException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(FailureKind.MISCONFIGURED);
                assertThat(e.replyCode()).hasValue(535);
                assertThat(e.getMessage()).contains("authentication failed");
              });
    }
  }

  @Test
  void aServerThatWentAwayIsTemporary() throws Exception {
    try (SmtpMailer mailer = new SmtpMailer(config(), CLOCK)) {
      mailer.send(TestMessages.plain("gone1@paperboy.example", "ada@example.org"));
      greenMail.stop();
      // The pooled connection is dead, then the server refuses connections: both temporary.
      for (String id : List.of("gone2@paperboy.example", "gone3@paperboy.example")) {
        assertThatThrownBy(() -> mailer.send(TestMessages.plain(id, "ada@example.org")))
            .isInstanceOfSatisfying(
                MailException.class,
                e -> {
                  assertThat(e.kind()).isEqualTo(FailureKind.TEMPORARY);
                  assertThat(e.isPermanent()).isFalse();
                });
      }
    }
  }

  private static String id(MimeMessage m) {
    try {
      return m.getMessageID();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String unfolded(MimeMessage m, String name) throws MessagingException {
    String[] values = m.getHeader(name);
    assertThat(values).as(name).hasSize(1);
    return MimeUtility.unfold(values[0]);
  }

  static byte[] raw(MimeMessage m) throws IOException, MessagingException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    m.writeTo(out);
    return out.toByteArray();
  }

  static String lf(String s) {
    return s.replace("\r\n", "\n");
  }
}
