package dev.paperboy.mail;

import dev.paperboy.core.mail.FailureKind;
import dev.paperboy.core.mail.MailException;
import dev.paperboy.core.mail.Mailer;
import dev.paperboy.core.mail.MessageId;
import dev.paperboy.core.mail.OutgoingMessage;
import dev.paperboy.core.mail.SendReceipt;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Mailer} that writes each message as an RFC 5322 {@code .eml} file into one directory,
 * for installs without an SMTP server: sign-in links and digests can be read from the files (any
 * mail client opens them), so a fresh install works end to end.
 *
 * <p>The file name comes from the Message-ID alone ({@link #fileName}), which makes sending
 * idempotent: a message whose file exists is not written again, and {@link SendReceipt#duplicate()}
 * says so. A file appears whole or not at all: it is written to a temporary file, flushed to disk,
 * then linked under its final name, which fails if the name exists (so two processes sharing the
 * directory still write each Message-ID once).
 *
 * <p>The content is exactly what {@link SmtpMailer} would send (without the {@code Return-Path} and
 * {@code Received} headers a receiving server adds), with CRLF line ends.
 */
public final class FileMailer implements Mailer {

  private static final Logger log = LoggerFactory.getLogger(FileMailer.class);

  private final Path directory;
  private final Clock clock;
  private final Session session = Session.getInstance(new Properties());
  private volatile boolean closed;

  /**
   * Creates the directory if needed and logs once where messages go.
   *
   * @throws UncheckedIOException when the directory cannot be created, naming it
   */
  public FileMailer(Path directory, Clock clock) {
    this.directory = directory.toAbsolutePath().normalize();
    this.clock = clock;
    try {
      Files.createDirectories(this.directory);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot create the mail directory " + this.directory + ": " + e, e);
    }
    log.info(
        "No SMTP server configured: mail is written as .eml files to {} (open them with any mail"
            + " client)",
        this.directory);
  }

  /**
   * The file name for a Message-ID: the id with every character other than letters, digits, dot and
   * hyphen replaced by {@code _} (at most 80 of them), a hyphen, and 16 hex digits of the id's
   * SHA-256. The hash keeps names distinct where the readable part is not: ids that differ only in
   * replaced characters, in case (case-insensitive file systems) or after 80 characters.
   */
  public static String fileName(MessageId id) {
    String v = id.value();
    StringBuilder b = new StringBuilder(Math.min(v.length(), 80) + 22);
    for (int i = 0; i < v.length() && i < 80; i++) {
      char c = v.charAt(i);
      boolean safe =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
      // A dot is safe inside a name but not first (hidden files); dot-atoms never start with one.
      b.append(safe || (c == '.' && i > 0) ? c : '_');
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(v.getBytes(StandardCharsets.UTF_8));
      b.append('-').append(HexFormat.of().formatHex(digest, 0, 8));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("SHA-256 is always available", e);
    }
    return b.append(".eml").toString();
  }

  /** The directory messages are written to. */
  public Path directory() {
    return directory;
  }

  /** The file a message with this id is (or would be) written to. */
  public Path fileFor(MessageId id) {
    return directory.resolve(fileName(id));
  }

  @Override
  public SendReceipt send(OutgoingMessage message) throws MailException {
    if (closed) {
      throw new IllegalStateException("mailer is closed: " + directory);
    }
    MessageId id = message.messageId();
    Path target = fileFor(id);
    if (Files.exists(target)) {
      return new SendReceipt(id, "already written: " + target, true);
    }
    MimeMessage mime;
    try {
      mime = MimeBuilder.build(session, message, clock.instant());
    } catch (MessagingException e) {
      throw new IllegalStateException("cannot build message " + id, e);
    }
    Path temp = null;
    try {
      temp = Files.createTempFile(directory, ".writing-", ".tmp");
      try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE);
          OutputStream out = Channels.newOutputStream(ch)) {
        mime.writeTo(out);
        out.flush();
        ch.force(true);
      }
      if (!publish(temp, target)) {
        return new SendReceipt(id, "already written: " + target, true);
      }
      log.debug("wrote {} to {}", id, target);
      return new SendReceipt(id, "written: " + target, false);
    } catch (IOException | MessagingException e) {
      FailureKind kind =
          e instanceof AccessDeniedException ? FailureKind.MISCONFIGURED : FailureKind.TEMPORARY;
      throw new MailException(
          kind, -1, kind + ": cannot write " + id + " to " + target + ": " + e, e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException e) {
          log.debug("cannot delete {}: {}", temp, e.toString());
        }
      }
    }
  }

  /**
   * Gives the written temporary file its final name unless that name exists.
   *
   * @return false when another send wrote the same Message-ID first
   */
  private static boolean publish(Path temp, Path target) throws IOException {
    try {
      // link(2) fails when the target exists, atomically: create-if-absent across processes.
      Files.createLink(target, temp);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (UnsupportedOperationException | IOException e) {
      // File systems without hard links: a rename, which may replace a concurrent identical copy.
      if (Files.exists(target)) {
        return false;
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      return true;
    }
  }

  @Override
  public String describe() {
    return directory.toString();
  }

  /** Nothing to release; later sends fail, as with every {@link Mailer}. */
  @Override
  public void close() {
    closed = true;
  }
}
