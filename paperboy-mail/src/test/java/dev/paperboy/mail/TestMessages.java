package dev.paperboy.mail;

import dev.paperboy.core.mail.OutgoingMessage;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Messages and a clock shared by the mail tests. */
final class TestMessages {

  static final Instant NOW = Instant.parse("2026-03-02T06:30:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  static final String SUBJECT = "Heute: 5 Papers über Transformers – „Attention“ 🚀";
  static final String TEXT =
      "Guten Morgen, Jörg!\n\n1. Attention Is Not All You Need (2503.11731)\n"
          + "   https://paperboy.example/papers/2503.11731\n\n"
          + "Abbestellen: https://paperboy.example/u/tok42\n";
  static final String HTML =
      "<!doctype html><html><body><p style=\"margin:0\">Guten Morgen, <b>Jörg</b>!</p>"
          + "<ol><li><a href=\"https://paperboy.example/papers/2503.11731\">Attention Is Not All"
          + " You Need</a></li></ol></body></html>";

  private TestMessages() {}

  /** A digest-like text + HTML message with the one-click unsubscribe headers. */
  static OutgoingMessage.Builder digest(String messageId, String to) {
    return OutgoingMessage.builder()
        .messageId(messageId)
        .from("digest@paperboy.example")
        .fromName("Paperboy Tägliche Papers")
        .to(to)
        .subject(SUBJECT)
        .text(TEXT)
        .html(HTML)
        .header("X-Paperboy-Edition", "2026-03-02")
        .listUnsubscribeOneClick(URI.create("https://paperboy.example/u/tok42"));
  }

  /** A short plain-text message. */
  static OutgoingMessage plain(String messageId, String to) {
    return OutgoingMessage.builder()
        .messageId(messageId)
        .from("digest@paperboy.example")
        .to(to)
        .subject("Sign in to Paperboy")
        .text("Open this link to sign in: https://paperboy.example/signin/abc\n")
        .build();
  }
}
