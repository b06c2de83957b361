package dev.paperboy.mail;

import dev.paperboy.core.mail.OutgoingMessage;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Properties;

/**
 * Writes a message exactly as the mailers hand it on (headers and MIME parts, RFC 5322 with CRLF
 * line ends), without sending it: for previews ({@code paperboy digest preview}) and tests.
 */
public final class MimeFormat {
  private static final Session SESSION = Session.getInstance(new Properties());

  private MimeFormat() {}

  /**
   * @param date the {@code Date} header
   */
  public static void write(OutgoingMessage message, Instant date, OutputStream out)
      throws IOException {
    try {
      MimeBuilder.build(SESSION, message, date).writeTo(out);
    } catch (MessagingException e) {
      throw new IOException("cannot write message " + message.messageId() + ": " + e, e);
    }
  }
}
