package dev.paperboy.core.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutgoingMessageTest {

  static OutgoingMessage.Builder valid() {
    return OutgoingMessage.builder()
        .messageId("d.2026-03-02.s42@paperboy.example")
        .from("digest@paperboy.example")
        .fromName("Paperboy")
        .to("ada@example.org")
        .subject("Today's papers")
        .text("Hello");
  }

  @Test
  void buildsAndKeepsHeaderOrder() {
    OutgoingMessage m =
        valid()
            .html("<p>Hello</p>")
            .header("X-Paperboy-Edition", "2026-03-02")
            .listUnsubscribeOneClick(URI.create("https://paperboy.example/u/tok123"))
            .build();
    assertThat(m.headers().keySet())
        .containsExactly("X-Paperboy-Edition", "List-Unsubscribe", "List-Unsubscribe-Post");
    assertThat(m.header("list-unsubscribe")).hasValue("<https://paperboy.example/u/tok123>");
    assertThat(m.header("List-Unsubscribe-Post")).hasValue("List-Unsubscribe=One-Click");
    assertThat(m.header("Missing")).isEmpty();
    assertThat(m.fromName()).isEqualTo("Paperboy");
    assertThatThrownBy(() -> m.headers().put("Bcc", "eve@example.org"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Hi\r\nBcc: eve@example.org",
        "Hi\nBcc: eve@example.org",
        "Hi\rBcc: eve@example.org",
        "Hi\r\n\r\nbody"
      })
  void rejectsLineBreaksInTheSubject(String subject) {
    assertThatThrownBy(() -> valid().subject(subject).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("subject must not contain CR or LF (header injection)")
        .hasMessageContaining("d.2026-03-02.s42@paperboy.example")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\r", "\n"));
  }

  @Test
  void rejectsInjectionInHeadersAndTheSenderName() {
    assertThatThrownBy(
            () ->
                valid().header("List-Unsubscribe", "<https://x.example/u>\r\nBcc: e@x.org").build())
        .hasMessageStartingWith("header List-Unsubscribe must not contain CR or LF");
    assertThatThrownBy(() -> valid().header("X-A\r\nBcc", "e@x.org").build())
        .hasMessageStartingWith("header name must be printable US-ASCII");
    assertThatThrownBy(() -> valid().header("X-A: b", "c").build())
        .hasMessageStartingWith("header name must be printable US-ASCII");
    assertThatThrownBy(() -> valid().fromName("Paperboy\nBcc: e@x.org").build())
        .hasMessageStartingWith("fromName must not contain CR or LF");
    assertThatThrownBy(() -> valid().subject("a\u0000b").build())
        .hasMessageStartingWith("subject must not contain control characters");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Bcc",
        "cc",
        "From",
        "To",
        "Subject",
        "Message-ID",
        "message-id",
        "Date",
        "Content-Type",
        "Content-Transfer-Encoding",
        "MIME-Version",
        "Sender",
        "Return-Path"
      })
  void rejectsReservedHeaders(String name) {
    assertThatThrownBy(() -> valid().header(name, "x").build())
        .hasMessageContaining("header " + name + " is written by the mailer");
  }

  @Test
  void rejectsBadHeaderValues() {
    assertThatThrownBy(() -> valid().header("X-Topic", "Zürich").build())
        .hasMessageContaining("printable US-ASCII");
    assertThatThrownBy(() -> valid().header("X-Topic", " ").build())
        .hasMessageContaining("must not be blank");
    assertThatThrownBy(() -> valid().header("X-Topic", "a".repeat(990)).build())
        .hasMessageContaining("too long");
    LinkedHashMap<String, String> twice = new LinkedHashMap<>();
    twice.put("X-A", "1");
    twice.put("x-a", "2");
    OutgoingMessage ok = valid().build();
    assertThatThrownBy(
            () ->
                new OutgoingMessage(
                    ok.messageId(), ok.from(), null, ok.to(), "s", "t", null, twice))
        .hasMessageContaining("headers name x-a twice");
  }

  @Test
  void requiresTheFields() {
    assertThatThrownBy(() -> valid().text(" \n").build())
        .hasMessageStartingWith("textBody must not be blank");
    assertThatThrownBy(() -> valid().html("").build())
        .hasMessageStartingWith("htmlBody must be null or not blank");
    assertThatThrownBy(() -> valid().subject("").build())
        .hasMessageStartingWith("subject must not be blank");
    assertThatThrownBy(() -> OutgoingMessage.builder().build())
        .hasMessage("messageId must not be null");
    assertThatThrownBy(() -> OutgoingMessage.builder().messageId("a@b").build())
        .hasMessageStartingWith("from must not be null");
    assertThatThrownBy(() -> valid().to("not an address").build())
        .hasMessageStartingWith("to is not a valid email address");
    assertThatThrownBy(
            () -> valid().listUnsubscribeOneClick(URI.create("http://paperboy.example/u/1")))
        .hasMessageContaining("https");
  }

  @Test
  void blankSenderNameMeansNone() {
    assertThat(valid().fromName("  ").build().fromName()).isNull();
    assertThat(valid().build().htmlBody()).isNull();
  }

  @Test
  void failureKindsSayWhatToDo() {
    assertThat(FailureKind.TEMPORARY.isPermanent()).isFalse();
    assertThat(FailureKind.BAD_RECIPIENT.suppressesRecipient()).isTrue();
    assertThat(FailureKind.MISCONFIGURED.isPermanent()).isTrue();
    assertThat(FailureKind.MISCONFIGURED.suppressesRecipient()).isFalse();
    assertThat(FailureKind.MESSAGE_REFUSED.suppressesRecipient()).isFalse();
    MailException e = new MailException(FailureKind.BAD_RECIPIENT, 550, "550 no such user", null);
    assertThat(e.replyCode()).hasValue(550);
    assertThat(e.isPermanent()).isTrue();
    assertThat(new MailException(FailureKind.TEMPORARY, -1, "refused", null).replyCode()).isEmpty();
    assertThatThrownBy(() -> new MailException(FailureKind.TEMPORARY, 42, "x", null))
        .hasMessageContaining("replyCode");
  }
}
