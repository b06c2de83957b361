package dev.paperboy.mail;

import dev.paperboy.core.mail.MessageId;
import dev.paperboy.core.mail.OutgoingMessage;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/** Turns an {@link OutgoingMessage} into the MIME message both mailers write. */
final class MimeBuilder {

  private static final String UTF8 = StandardCharsets.UTF_8.name();

  private MimeBuilder() {}

  /**
   * Builds the complete message: headers, then either one {@code text/plain} part or a {@code
   * multipart/alternative} of {@code text/plain} followed by {@code text/html}. Both parts are
   * UTF-8; Jakarta Mail picks each part's transfer encoding from its content (7bit for short ASCII
   * lines, quoted-printable for mostly ASCII text, base64 otherwise), so no line exceeds the 998
   * characters SMTP allows. Non-ASCII in the subject and sender name becomes RFC 2047 encoded
   * words.
   *
   * @param date the {@code Date} header
   */
  static MimeMessage build(Session session, OutgoingMessage m, Instant date)
      throws MessagingException {
    FixedIdMimeMessage mime = new FixedIdMimeMessage(session, m.messageId());
    try {
      mime.setFrom(new InternetAddress(m.from().value(), m.fromName(), UTF8));
    } catch (UnsupportedEncodingException e) {
      throw new AssertionError("UTF-8 is always supported", e);
    }
    mime.setRecipient(Message.RecipientType.TO, new InternetAddress(m.to().value(), true));
    mime.setSubject(m.subject(), UTF8);
    mime.setSentDate(Date.from(date));
    for (Map.Entry<String, String> h : m.headers().entrySet()) {
      // Values are printable ASCII without line breaks (OutgoingMessage checks); folding at
      // whitespace keeps lines near 78 characters (RFC 5322 section 2.1.1) without changing them.
      mime.addHeader(h.getKey(), MimeUtility.fold(h.getKey().length() + 2, h.getValue()));
    }
    if (m.htmlBody() == null) {
      mime.setText(m.textBody(), UTF8, "plain");
    } else {
      MimeBodyPart text = new MimeBodyPart();
      text.setText(m.textBody(), UTF8, "plain");
      MimeBodyPart html = new MimeBodyPart();
      html.setText(m.htmlBody(), UTF8, "html");
      // RFC 2046 section 5.1.4: alternatives go from the plainest to the richest, and a reader
      // shows the last one it can display; so plain text first, HTML last.
      mime.setContent(new MimeMultipart("alternative", text, html));
    }
    mime.saveChanges();
    return mime;
  }

  /**
   * A message whose {@code Message-ID} is the caller's. {@link MimeMessage#saveChanges()} calls
   * {@code updateMessageID()}, which would otherwise replace the id with a generated one.
   */
  static final class FixedIdMimeMessage extends MimeMessage {
    private final MessageId id;

    FixedIdMimeMessage(Session session, MessageId id) {
      super(session);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", id.headerValue());
    }
  }
}
