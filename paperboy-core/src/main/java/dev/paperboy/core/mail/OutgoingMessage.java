package dev.paperboy.core.mail;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One mail to one recipient, ready for a {@link Mailer}: a value that exists is safe to send.
 *
 * <p>The checks are those that keep a message well-formed and its headers un-forgeable, each with a
 * message naming the field: no CR or LF in the subject, the sender's name or a header (a line break
 * there would let a value add headers such as {@code Bcc}, CWE-93), a non-blank plain-text body (a
 * message must read in plain text), and extra headers that neither collide nor take over the
 * headers the mailer writes itself.
 *
 * <p>Non-ASCII text is fine in the subject, the sender's name and the bodies: mailers encode it
 * (RFC 2047 encoded words, UTF-8 parts). Extra header values must be printable ASCII, because a
 * mailer cannot know how to encode a structured header.
 *
 * @param messageId the caller's stable id, sent exactly as given
 * @param from the author ({@code From:})
 * @param fromName a display name for {@code from}, or null
 * @param to the one recipient ({@code To:} and the SMTP envelope recipient)
 * @param subject one line, not blank
 * @param textBody the plain-text body, not blank; always sent, and first
 * @param htmlBody an HTML alternative of the same content, or null for plain text only
 * @param headers extra headers in the order given (for example {@code List-Unsubscribe}); names are
 *     unique ignoring case
 */
public record OutgoingMessage(
    MessageId messageId,
    EmailAddress from,
    @Nullable String fromName,
    EmailAddress to,
    String subject,
    String textBody,
    @Nullable String htmlBody,
    SequencedMap<String, String> headers) {

  /**
   * Headers the mailer writes from the other fields or from the MIME structure, so a caller may not
   * set them; {@code Content-*} headers are reserved too. {@code Cc} and {@code Bcc} are here
   * because a message has exactly one recipient.
   */
  static final Set<String> RESERVED_HEADERS =
      Set.of(
          "from",
          "sender",
          "to",
          "cc",
          "bcc",
          "subject",
          "date",
          "message-id",
          "mime-version",
          "return-path",
          "received");

  /** RFC 5322 section 2.1.1: a line is at most 998 characters without its CRLF. */
  static final int MAX_LINE = 998;

  public OutgoingMessage {
    if (messageId == null) {
      throw new IllegalArgumentException("messageId must not be null");
    }
    if (from == null) {
      throw new IllegalArgumentException("from must not be null, messageId: " + messageId);
    }
    if (to == null) {
      throw new IllegalArgumentException("to must not be null, messageId: " + messageId);
    }
    if (fromName != null) {
      checkHeaderText("fromName", fromName, messageId);
      fromName = fromName.strip();
      if (fromName.isEmpty()) {
        fromName = null;
      }
    }
    if (subject == null || subject.isBlank()) {
      throw new IllegalArgumentException("subject must not be blank, messageId: " + messageId);
    }
    checkHeaderText("subject", subject, messageId);
    if (subject.length() > MAX_LINE) {
      throw new IllegalArgumentException(
          "subject must be at most "
              + MAX_LINE
              + " characters, messageId: "
              + messageId
              + ", subject length: "
              + subject.length());
    }
    if (textBody == null || textBody.isBlank()) {
      throw new IllegalArgumentException(
          "textBody must not be blank (every message must read in plain text), messageId: "
              + messageId);
    }
    if (htmlBody != null && htmlBody.isBlank()) {
      throw new IllegalArgumentException(
          "htmlBody must be null or not blank, messageId: " + messageId);
    }
    headers = checkHeaders(headers == null ? Map.of() : headers, messageId);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this message's fields, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b =
        new Builder().messageId(messageId).from(from).fromName(fromName).to(to).subject(subject);
    b.text(textBody).html(htmlBody).headers.putAll(headers);
    return b;
  }

  /** The value of an extra header, looked up ignoring case. */
  public Optional<String> header(String name) {
    for (Map.Entry<String, String> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  private static void checkHeaderText(String field, String value, MessageId id) {
    if (HeaderText.hasLineBreak(value)) {
      throw new IllegalArgumentException(
          field
              + " must not contain CR or LF (header injection), messageId: "
              + id
              + ", "
              + field
              + ": "
              + HeaderText.quote(value));
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        throw new IllegalArgumentException(
            field
                + " must not contain control characters, messageId: "
                + id
                + ", "
                + field
                + ": "
                + HeaderText.quote(value));
      }
    }
  }

  private static SequencedMap<String, String> checkHeaders(
      Map<String, String> given, MessageId id) {
    LinkedHashMap<String, String> copy = new LinkedHashMap<>();
    Set<String> seen = new java.util.HashSet<>();
    for (Map.Entry<String, String> e : given.entrySet()) {
      String name = e.getKey();
      String value = e.getValue();
      if (name == null || value == null) {
        throw new IllegalArgumentException(
            "headers must not hold null names or values, messageId: " + id);
      }
      checkHeaderName(name, id);
      String lower = name.toLowerCase(Locale.ROOT);
      if (!seen.add(lower)) {
        throw new IllegalArgumentException(
            "headers name " + name + " twice (names ignore case), messageId: " + id);
      }
      String field = "header " + name;
      if (HeaderText.hasLineBreak(value)) {
        throw new IllegalArgumentException(
            field
                + " must not contain CR or LF (header injection), messageId: "
                + id
                + ", value: "
                + HeaderText.quote(value));
      }
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c != '\t' && (c < 0x20 || c > 0x7e)) {
          throw new IllegalArgumentException(
              field
                  + " must be printable US-ASCII (encode other text first, RFC 2047), messageId: "
                  + id
                  + ", value: "
                  + HeaderText.quote(value));
        }
      }
      if (value.isBlank()) {
        throw new IllegalArgumentException(field + " must not be blank, messageId: " + id);
      }
      if (name.length() + 2 + value.length() > MAX_LINE) {
        throw new IllegalArgumentException(
            field
                + " is too long (a header line is at most "
                + MAX_LINE
                + " characters, RFC 5322 section 2.1.1), messageId: "
                + id
                + ", length: "
                + (name.length() + 2 + value.length()));
      }
      copy.put(name, value);
    }
    return Collections.unmodifiableSequencedMap(copy);
  }

  private static void checkHeaderName(String name, MessageId id) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("header name must not be empty, messageId: " + id);
    }
    // RFC 5322 section 3.6.8: a field name is printable US-ASCII except colon.
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 33 || c > 126 || c == ':') {
        throw new IllegalArgumentException(
            "header name must be printable US-ASCII without ':' or spaces, messageId: "
                + id
                + ", name: "
                + HeaderText.quote(name));
      }
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (RESERVED_HEADERS.contains(lower) || lower.startsWith("content-")) {
      throw new IllegalArgumentException(
          "header "
              + name
              + " is written by the mailer and cannot be set (set the field instead),"
              + " messageId: "
              + id);
    }
  }

  /** A mutable helper to build an {@link OutgoingMessage}; validation happens in {@link #build}. */
  public static final class Builder {
    private @Nullable MessageId messageId;
    private @Nullable EmailAddress from;
    private @Nullable String fromName;
    private @Nullable EmailAddress to;
    private @Nullable String subject;
    private @Nullable String textBody;
    private @Nullable String htmlBody;
    private final LinkedHashMap<String, String> headers = new LinkedHashMap<>();

    private Builder() {}

    public Builder messageId(MessageId id) {
      this.messageId = id;
      return this;
    }

    /** Parses the id, with or without angle brackets. */
    public Builder messageId(String id) {
      return messageId(MessageId.parse(id));
    }

    public Builder from(EmailAddress address) {
      this.from = address;
      return this;
    }

    public Builder from(String address) {
      return from(EmailAddress.parse("from", address));
    }

    public Builder fromName(@Nullable String name) {
      this.fromName = name;
      return this;
    }

    public Builder to(EmailAddress address) {
      this.to = address;
      return this;
    }

    public Builder to(String address) {
      return to(EmailAddress.parse("to", address));
    }

    public Builder subject(String subject) {
      this.subject = subject;
      return this;
    }

    public Builder text(String textBody) {
      this.textBody = textBody;
      return this;
    }

    public Builder html(@Nullable String htmlBody) {
      this.htmlBody = htmlBody;
      return this;
    }

    /** Adds an extra header; a second header of the same name fails in {@link #build}. */
    public Builder header(String name, String value) {
      if (headers.containsKey(name)) {
        throw new IllegalArgumentException("headers name " + name + " twice");
      }
      headers.put(name, value);
      return this;
    }

    /**
     * Adds the one-click unsubscribe headers of RFC 8058: {@code List-Unsubscribe: <url>} (RFC
     * 2369) and {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click}. A mail client then
     * unsubscribes with a cookie-less POST of {@code List-Unsubscribe=One-Click} to the URL, so the
     * URL itself must identify the subscription (a signed token).
     *
     * @param url an absolute HTTPS URL (RFC 8058 section 3.1 requires HTTPS)
     */
    public Builder listUnsubscribeOneClick(URI url) {
      if (url == null || !url.isAbsolute() || !"https".equalsIgnoreCase(url.getScheme())) {
        throw new IllegalArgumentException(
            "List-Unsubscribe URL must be an absolute https URL (RFC 8058 section 3.1), url: "
                + url);
      }
      header("List-Unsubscribe", "<" + url.toASCIIString() + ">");
      header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the field that is missing or invalid
     */
    public OutgoingMessage build() {
      return new OutgoingMessage(
          messageId, from, fromName, to, subject, textBody, htmlBody, headers);
    }
  }
}
