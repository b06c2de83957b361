package dev.paperboy.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.mail.FailureKind;
import dev.paperboy.mail.SmtpFailures.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reply-code rules of {@link FailureKind}'s table, one row each. */
class SmtpFailuresTest {

  @ParameterizedTest(name = "{0} {1} ''{2}'' -> {3}")
  @CsvSource(
      delimiterString = " | ",
      value = {
        // transient replies and no reply at all
        "RCPT | 450 | 450 4.2.0 <a@x.org>: Recipient address rejected: greylisted | TEMPORARY",
        "RCPT | 451 | 451 4.3.0 Temporary lookup failure | TEMPORARY",
        "RCPT | 452 | 452 4.5.3 Too many recipients | TEMPORARY",
        "MAIL | 421 | 421 4.4.2 Timeout exceeded | TEMPORARY",
        "DATA | 451 | 451 4.3.0 Error: queue file write error | TEMPORARY",
        "AUTH | 454 | 454 4.7.0 Temporary authentication failure | TEMPORARY",
        "CONNECT | 421 | 421 4.3.2 Service not available | TEMPORARY",
        "DATA | -1 | [EOF] | TEMPORARY",
        "MAIL | 0 | '' | TEMPORARY",
        // the recipient does not exist
        "RCPT | 550 | 550 5.1.1 <a@x.org>: Recipient address rejected: User unknown | BAD_RECIPIENT",
        "RCPT | 550 | 550-5.1.1 The email account that you tried to reach does not exist | "
            + "BAD_RECIPIENT",
        "RCPT | 550 | 550 5.1.1 <a@x.org>: User unknown in relay recipient table | BAD_RECIPIENT",
        "RCPT | 550 | 550 Requested action not taken: mailbox unavailable | BAD_RECIPIENT",
        "RCPT | 551 | 551 User not local | BAD_RECIPIENT",
        "RCPT | 553 | 553 mailbox name not allowed | BAD_RECIPIENT",
        "RCPT | 550 | 550 5.1.2 Host unknown | BAD_RECIPIENT",
        "RCPT | 556 | 556 5.1.10 Recipient address has null MX | BAD_RECIPIENT",
        "RCPT | 550 | 550 5.2.1 Mailbox disabled | BAD_RECIPIENT",
        "DATA | 550 | 550 5.1.1 No such user | BAD_RECIPIENT",
        // mailbox full: retried (RCPT 552 per RFC 5321 4.5.3.1.10, X.2.2 anywhere)
        "RCPT | 552 | 552 Too many recipients | TEMPORARY",
        "DATA | 552 | 552 5.2.2 Mailbox full | TEMPORARY",
        "RCPT | 550 | 550 5.2.2 The email account is over quota | TEMPORARY",
        // the message is refused, the mailbox is fine
        "DATA | 554 | 554 5.7.1 Message rejected as spam | MESSAGE_REFUSED",
        "DATA | 552 | 552 5.3.4 Message size exceeds fixed limit | MESSAGE_REFUSED",
        "DATA | 554 | 554 Transaction failed | MESSAGE_REFUSED",
        "DATA | 550 | 550 5.7.26 Unauthenticated email is not accepted (DMARC) | MESSAGE_REFUSED",
        "RCPT | 550 | 550 5.7.1 Recipient rejects mail from this sender | MESSAGE_REFUSED",
        "RCPT | 554 | 554 Transaction failed | MESSAGE_REFUSED",
        "MAIL | 552 | 552 5.3.4 Message size exceeds fixed maximum message size | MESSAGE_REFUSED",
        // our setup is refused: never the recipient's fault
        "RCPT | 554 | 554 5.7.1 <a@x.org>: Relay access denied | MISCONFIGURED",
        "RCPT | 550 | 550 5.7.1 Unable to relay | MISCONFIGURED",
        "RCPT | 550 | 550 relaying denied | MISCONFIGURED",
        "RCPT | 550 | 550 5.1.8 <b@p.example>: Sender address rejected: Domain not found"
            + " | MISCONFIGURED",
        "RCPT | 530 | 530 5.7.0 Authentication required | MISCONFIGURED",
        "RCPT | 503 | 503 5.5.1 Error: need MAIL command | MISCONFIGURED",
        "RCPT | 501 | 501 5.5.2 Syntax error | MISCONFIGURED",
        "DATA | 503 | 503 5.5.1 Error: need RCPT command | MISCONFIGURED",
        "MAIL | 550 | 550 5.7.1 Sender not allowed | MISCONFIGURED",
        "MAIL | 553 | 553 5.1.7 Bad sender address syntax | MISCONFIGURED",
        "AUTH | 535 | 535 5.7.8 Error: authentication failed | MISCONFIGURED",
        "AUTH | 534 | 534 5.7.9 Authentication mechanism is too weak | MISCONFIGURED",
        "CONNECT | 554 | 554 5.7.1 No SMTP service here | MISCONFIGURED",
        "CONNECT | 550 | 550 EHLO refused | MISCONFIGURED",
      })
  void classifiesReplies(Stage stage, int code, String reply, FailureKind expected) {
    assertThat(SmtpFailures.classifyReply(stage, code, reply)).isEqualTo(expected);
  }

  @Test
  void readsEnhancedStatusCodesOnlyAtTheStart() {
    assertThat(SmtpFailures.enhancedStatus("550 5.1.1 User unknown")).containsExactly(5, 1, 1);
    assertThat(SmtpFailures.enhancedStatus("550-5.1.10 null MX")).containsExactly(5, 1, 10);
    assertThat(SmtpFailures.enhancedStatus("550 User unknown (see 5.1.1)")).isNull();
    assertThat(SmtpFailures.enhancedStatus("550 5.1.1x")).isNull();
  }

  @Test
  void multiLineRepliesBecomeOneLine() {
    assertThat(
            SmtpFailures.oneLine("550-5.1.1 The account\n550-5.1.1 does not\r\n550 5.1.1 exist\n"))
        .isEqualTo("550-5.1.1 The account | 550-5.1.1 does not | 550 5.1.1 exist");
  }
}
