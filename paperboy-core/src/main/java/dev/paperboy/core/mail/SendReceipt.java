package dev.paperboy.core.mail;

/**
 * A message a {@link Mailer} has handed on: accepted by the SMTP server, or written to a file.
 *
 * @param messageId the id the message was sent with
 * @param detail what took it, for a log line: the server's final reply ({@code 250 2.0.0 Ok: queued
 *     as 4F2B1}) or the file written
 * @param duplicate true when the mailer could tell that this Message-ID had been handed on before
 *     and did nothing (the file mailer can; an SMTP server cannot be asked)
 */
public record SendReceipt(MessageId messageId, String detail, boolean duplicate) {
  public SendReceipt {
    if (messageId == null) {
      throw new IllegalArgumentException("messageId must not be null");
    }
    if (detail == null) {
      throw new IllegalArgumentException("detail must not be null, messageId: " + messageId);
    }
  }
}
