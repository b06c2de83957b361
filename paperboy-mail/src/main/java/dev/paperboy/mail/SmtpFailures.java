package dev.paperboy.mail;

import dev.paperboy.core.mail.FailureKind;
import dev.paperboy.core.mail.MailException;
import dev.paperboy.core.mail.MessageId;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.jspecify.annotations.Nullable;

/**
 * Classifies SMTP failures into {@link FailureKind}s: the rules documented on {@link FailureKind},
 * in code. Reply codes are RFC 5321 section 4.2; enhanced status codes ({@code 5.1.1}) are RFC
 * 3463, which servers put at the start of the reply text (RFC 2034).
 */
final class SmtpFailures {

  /** The SMTP command whose reply failed. */
  enum Stage {
    /** TCP connect, TLS, greeting, EHLO/HELO, STARTTLS. */
    CONNECT,
    AUTH,
    /** {@code MAIL FROM}: the envelope sender. */
    MAIL,
    /** {@code RCPT TO}: the recipient. */
    RCPT,
    /** {@code DATA} and the reply after the message content. */
    DATA
  }

  private static final Pattern ENHANCED =
      Pattern.compile("^\\d{3}[ -]([245])\\.(\\d{1,3})\\.(\\d{1,3})(?:\\s|$)");

  // Relay refusals, as Postfix, Exim, Sendmail and Exchange word them ("Relay access denied",
  // "relaying denied", "Unable to relay", "relay not permitted"). Not "relay recipient table",
  // which is Postfix's "user unknown" for relayed domains.
  private static final Pattern RELAY_DENIED =
      Pattern.compile(
          "relay(?:ing)?\\s+(?:access\\s+)?(?:denied|not\\s+(?:permitted|allowed))"
              + "|unable\\s+to\\s+relay|(?:not\\s+(?:permitted|allowed)|denied)\\s+to\\s+relay",
          Pattern.CASE_INSENSITIVE);

  private SmtpFailures() {}

  /**
   * The kind of failure a reply means.
   *
   * @param code the reply code, or -1 / 0 when the connection ended without one
   * @param reply the reply text including the code, for the enhanced status code and wording
   */
  static FailureKind classifyReply(Stage stage, int code, String reply) {
    if (code < 500 || code > 599) {
      // 4yz is transient by definition (RFC 5321 section 4.2.1); no code at all means the
      // connection broke, which is worth another try too.
      return FailureKind.TEMPORARY;
    }
    int[] enhanced = enhancedStatus(reply);
    // X.2.2 "mailbox full" (RFC 3463 section 3.3): many providers lift it within days; it is
    // retried rather than turned into a suppression.
    if (enhanced != null && enhanced[1] == 2 && enhanced[2] == 2) {
      return FailureKind.TEMPORARY;
    }
    return switch (stage) {
      case CONNECT, AUTH -> FailureKind.MISCONFIGURED;
      // 552 at MAIL FROM means our SIZE is over the server's limit: this message is too big.
      case MAIL -> code == 552 ? FailureKind.MESSAGE_REFUSED : FailureKind.MISCONFIGURED;
      case RCPT -> recipientReply(code, enhanced, reply);
      case DATA -> dataReply(code, enhanced);
    };
  }

  private static FailureKind recipientReply(int code, int @Nullable [] enhanced, String reply) {
    // RFC 5321 section 4.5.3.1.10: a 552 to RCPT ("too many recipients") should be treated as the
    // temporary 452.
    if (code == 552) {
      return FailureKind.TEMPORARY;
    }
    if (RELAY_DENIED.matcher(reply).find() || isProtocolOrAuthCode(code)) {
      // Our relay does not accept us (or this client): every recipient would fail alike.
      return FailureKind.MISCONFIGURED;
    }
    if (enhanced != null) {
      int subject = enhanced[1];
      int detail = enhanced[2];
      if (subject == 1 && (detail == 7 || detail == 8)) {
        // X.1.7 / X.1.8: the *sender's* address or domain is bad (e.g. Postfix
        // reject_unknown_sender_domain answers at RCPT).
        return FailureKind.MISCONFIGURED;
      }
      if (subject == 1 || (subject == 2 && detail == 1)) {
        // X.1.x addressing status of the recipient (5.1.1 no such mailbox, 5.1.2 bad domain,
        // 5.1.10 null MX of RFC 7505), X.2.1 mailbox disabled.
        return FailureKind.BAD_RECIPIENT;
      }
      if (subject == 5) {
        return FailureKind.MISCONFIGURED; // X.5.x: protocol errors between us and the server
      }
      // X.7.x security or policy (spam, DMARC), X.3.x, X.4.x, X.6.x: the mailbox exists.
      return FailureKind.MESSAGE_REFUSED;
    }
    // Without an enhanced code only the codes that name the mailbox suppress it: 550 mailbox
    // unavailable, 551 user not local, 553 mailbox name not allowed (RFC 5321 section 4.2.3).
    return code == 550 || code == 551 || code == 553
        ? FailureKind.BAD_RECIPIENT
        : FailureKind.MESSAGE_REFUSED;
  }

  private static FailureKind dataReply(int code, int @Nullable [] enhanced) {
    if (isProtocolOrAuthCode(code)) {
      return FailureKind.MISCONFIGURED;
    }
    if (enhanced != null && enhanced[1] == 1) {
      int detail = enhanced[2];
      if (detail == 7 || detail == 8) {
        return FailureKind.MISCONFIGURED;
      }
      // Some servers check recipients only after the data; a message has one recipient, so an
      // addressing status here is about that recipient.
      if (detail == 1 || detail == 2 || detail == 3 || detail == 6 || detail == 10) {
        return FailureKind.BAD_RECIPIENT;
      }
    }
    if (enhanced != null && enhanced[1] == 2 && enhanced[2] == 1) {
      return FailureKind.BAD_RECIPIENT;
    }
    return FailureKind.MESSAGE_REFUSED;
  }

  /**
   * Protocol codes (500 syntax error, 502 not implemented, 503 bad sequence, 504 parameter not
   * implemented) and 530/535 (authentication required / failed): the client or its setup is at
   * fault, never the recipient. (501, a syntax error in the parameters, can be the address's.)
   */
  private static boolean isProtocolOrAuthCode(int code) {
    return code == 500 || code == 502 || code == 503 || code == 504 || code == 530 || code == 535;
  }

  /** {class, subject, detail} of an RFC 3463 enhanced status code at the start of the reply. */
  static int @Nullable [] enhancedStatus(String reply) {
    Matcher m = ENHANCED.matcher(reply);
    if (!m.find()) {
      return null;
    }
    return new int[] {
      Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))
    };
  }

  /**
   * Classifies a failure to open a connection (connect, TLS, greeting, EHLO, STARTTLS, AUTH).
   *
   * @param lastCode the transport's last reply code, -1 or 0 when none
   * @param lastReply the transport's last reply text
   */
  static MailException connectFailure(
      MessagingException e, int lastCode, String lastReply, String where) {
    List<Throwable> chain = chain(e);
    if (e instanceof AuthenticationFailedException) {
      int code = codeOf(lastCode, e.getMessage());
      FailureKind kind =
          code >= 400
              ? classifyReply(Stage.AUTH, code, text(e, lastReply))
              : FailureKind.MISCONFIGURED;
      return failure(kind, code, where + ": authentication failed: " + text(e, lastReply), e);
    }
    for (Throwable t : chain) {
      if (t instanceof SSLHandshakeException
          || (t instanceof SSLException && String.valueOf(t.getMessage()).contains("plaintext"))) {
        // An untrusted certificate, a host-name mismatch, no common protocol, or TLS spoken to a
        // plain-text port: none of these changes by itself.
        return failure(FailureKind.MISCONFIGURED, -1, where + ": TLS failed: " + t.getMessage(), e);
      }
    }
    String message = String.valueOf(e.getMessage());
    if (message.contains("STARTTLS is required")) {
      return failure(
          FailureKind.MISCONFIGURED,
          -1,
          where + ": the server does not offer STARTTLS, which the configuration requires",
          e);
    }
    for (Throwable t : chain) {
      if (t instanceof IOException) {
        // Refused, timed out, reset, unknown host: the server may be back later.
        return failure(FailureKind.TEMPORARY, -1, where + ": cannot connect: " + describe(t), e);
      }
    }
    int code = codeOf(lastCode, message);
    if (code >= 400) {
      // A greeting other than 220 (421 busy, 554 no service) or a refused EHLO/HELO.
      return failure(
          classifyReply(Stage.CONNECT, code, lastReply),
          code,
          where + ": refused the connection: " + oneLine(lastReply.isEmpty() ? message : lastReply),
          e);
    }
    return failure(FailureKind.TEMPORARY, -1, where + ": cannot connect: " + message, e);
  }

  /** Classifies a failure of {@code Transport.sendMessage} on an open connection. */
  static MailException sendFailure(MessagingException e, MessageId id, String where) {
    for (Throwable t : chain(e)) {
      if (t instanceof SMTPAddressFailedException a) {
        return replyFailure(Stage.RCPT, a.getReturnCode(), a.getMessage(), id, where, e);
      }
      if (t instanceof SMTPSenderFailedException s) {
        return replyFailure(Stage.MAIL, s.getReturnCode(), s.getMessage(), id, where, e);
      }
      if (t instanceof SMTPSendFailedException f) {
        String cmd = String.valueOf(f.getCommand()).toUpperCase(Locale.ROOT);
        Stage stage =
            cmd.startsWith("MAIL")
                ? Stage.MAIL
                : cmd.startsWith("RCPT") ? Stage.RCPT : Stage.DATA; // DATA, "." or BDAT
        return replyFailure(stage, f.getReturnCode(), f.getMessage(), id, where, e);
      }
    }
    for (Throwable t : chain(e)) {
      if (t instanceof IOException) {
        return failure(
            FailureKind.TEMPORARY,
            -1,
            where + ": connection lost sending " + id + ": " + describe(t),
            e);
      }
    }
    return failure(
        FailureKind.TEMPORARY, -1, where + ": could not send " + id + ": " + e.getMessage(), e);
  }

  private static MailException replyFailure(
      Stage stage, int code, @Nullable String reply, MessageId id, String where, Exception e) {
    String text = reply == null ? "" : oneLine(reply);
    FailureKind kind = classifyReply(stage, code, text);
    String what =
        code > 0 ? "replied to " + stage + " with " + text : "closed the connection at " + stage;
    return failure(kind, code, where + " " + what + " (" + id + ")", e);
  }

  private static MailException failure(
      FailureKind kind, int code, String message, @Nullable Throwable cause) {
    int c = code >= 100 && code <= 599 ? code : -1;
    return new MailException(kind, c, kind + ": " + message, cause);
  }

  private static int codeOf(int lastCode, @Nullable String text) {
    if (lastCode >= 100 && lastCode <= 599) {
      return lastCode;
    }
    if (text != null && text.length() >= 3) {
      try {
        int c = Integer.parseInt(text.substring(0, 3));
        return c >= 100 && c <= 599 ? c : -1;
      } catch (NumberFormatException ignored) {
        return -1;
      }
    }
    return -1;
  }

  private static String text(MessagingException e, String lastReply) {
    String m = e.getMessage();
    return oneLine(m != null && !m.isBlank() ? m : lastReply);
  }

  /** A multi-line reply ({@code 550-...\n550 ...}) on one line, for logs and the outbox. */
  static String oneLine(String s) {
    return s.strip().replaceAll("\\s*[\\r\\n]+\\s*", " | ");
  }

  private static String describe(Throwable t) {
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : " " + t.getMessage());
  }

  /** The exception, its causes and its Jakarta Mail next-exceptions, each once. */
  private static List<Throwable> chain(Throwable start) {
    List<Throwable> out = new ArrayList<>();
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    ArrayList<Throwable> todo = new ArrayList<>(List.of(start));
    while (!todo.isEmpty()) {
      Throwable t = todo.removeFirst();
      if (seen.put(t, Boolean.TRUE) != null) {
        continue;
      }
      out.add(t);
      if (t instanceof MessagingException me && me.getNextException() != null) {
        todo.add(me.getNextException());
      }
      if (t.getCause() != null) {
        todo.add(t.getCause());
      }
    }
    return out;
  }
}
