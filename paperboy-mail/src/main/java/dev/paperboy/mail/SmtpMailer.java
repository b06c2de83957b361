package dev.paperboy.mail;

import dev.paperboy.core.mail.MailException;
import dev.paperboy.core.mail.Mailer;
import dev.paperboy.core.mail.OutgoingMessage;
import dev.paperboy.core.mail.SendReceipt;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Mailer} that hands messages to an SMTP server with Jakarta Mail.
 *
 * <p>Connections are kept open between sends and reused, one per concurrent sender, so a loop of
 * {@link #send} calls costs one connection (one TCP and TLS handshake, one AUTH) per {@link
 * SmtpConfig#maxMessagesPerConnection()} messages. A connection that sat idle for a few seconds is
 * checked with {@code NOOP} before reuse, because servers close idle clients (RFC 5321 section
 * 4.5.3.2.7 asks them to wait at least 5 minutes, but not all do); after a failed send the
 * connection is closed and the next send opens a fresh one.
 *
 * <p>Failures are thrown as {@link MailException} with the kind documented on {@link
 * dev.paperboy.core.mail.FailureKind}. Safe for concurrent use.
 */
public final class SmtpMailer implements Mailer {

  private static final Logger log = LoggerFactory.getLogger(SmtpMailer.class);

  /** Idle time after which a pooled connection is checked with NOOP before it is reused. */
  private volatile long revalidateAfterNanos = TimeUnit.SECONDS.toNanos(5);

  private final SmtpConfig config;
  private final Clock clock;
  private final Session session;
  private final ScheduledExecutorService writeTimeouts;
  private final String where;
  private final Deque<Connection> idle = new ArrayDeque<>();
  private final AtomicLong connectionsOpened = new AtomicLong();
  private volatile boolean closed;

  /** A mailer that trusts the JVM's default certificate authorities. */
  public SmtpMailer(SmtpConfig config, Clock clock) {
    this(config, clock, null);
  }

  /**
   * @param sslSocketFactory the factory for TLS connections, for servers whose certificate is
   *     signed by a private authority; null for the JVM's default trust store. Host names are
   *     checked either way.
   */
  public SmtpMailer(SmtpConfig config, Clock clock, @Nullable SSLSocketFactory sslSocketFactory) {
    this.config = config;
    this.clock = clock;
    this.where = config.describe();
    // Jakarta Mail runs write timeouts on a scheduler; without one given it starts a thread per
    // connection. One daemon thread serves every connection of this mailer.
    this.writeTimeouts =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "smtp-write-timeouts");
              t.setDaemon(true);
              return t;
            });
    this.session = Session.getInstance(sessionProperties(config, writeTimeouts, sslSocketFactory));
  }

  /** The Jakarta Mail session properties for a configuration ({@code mail.smtp.*}). */
  static Properties sessionProperties(
      SmtpConfig config,
      @Nullable ScheduledExecutorService writeTimeouts,
      @Nullable SSLSocketFactory sslSocketFactory) {
    Properties p = new Properties();
    p.setProperty("mail.transport.protocol", "smtp");
    p.setProperty("mail.smtp.host", config.host());
    p.setProperty("mail.smtp.port", Integer.toString(config.port()));
    p.setProperty("mail.smtp.connectiontimeout", Long.toString(config.connectTimeout().toMillis()));
    p.setProperty("mail.smtp.timeout", Long.toString(config.readTimeout().toMillis()));
    p.setProperty("mail.smtp.writetimeout", Long.toString(config.readTimeout().toMillis()));
    if (writeTimeouts != null) {
      p.put("mail.smtp.executor.writetimeout", writeTimeouts);
    }
    if (config.envelopeFrom() != null) {
      p.setProperty("mail.smtp.from", config.envelopeFrom().value());
    }
    if (config.heloName() != null) {
      p.setProperty("mail.smtp.localhost", config.heloName());
    }
    p.setProperty("mail.smtp.auth", Boolean.toString(config.username() != null));
    switch (config.tls()) {
      case NONE -> {}
      case STARTTLS -> {
        p.setProperty("mail.smtp.starttls.enable", "true");
        p.setProperty("mail.smtp.starttls.required", "true");
      }
      case IMPLICIT -> p.setProperty("mail.smtp.ssl.enable", "true");
    }
    if (config.tls() != TlsMode.NONE) {
      // RFC 6125 host-name check of the certificate; without it any valid certificate would do.
      p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
    }
    p.put("mail.smtp.socketFactory", NoDelaySockets.plain());
    p.put(
        "mail.smtp.ssl.socketFactory",
        NoDelaySockets.tls(
            sslSocketFactory != null
                ? sslSocketFactory
                : (SSLSocketFactory) SSLSocketFactory.getDefault()));
    // Without this, a connection our factory fails to make (refused, TLS failure) is tried a
    // second time without the factory: twice the wait, and without our trust settings.
    p.setProperty("mail.smtp.socketFactory.fallback", "false");
    // When the server offers 8BITMIME (RFC 6152), text parts whose lines are short enough go as
    // 8bit instead of quoted-printable: encoding was about a third of the CPU of a digest send.
    p.setProperty("mail.smtp.allow8bitmime", "true");
    return p;
  }

  @Override
  public SendReceipt send(OutgoingMessage message) throws MailException {
    if (closed) {
      throw new IllegalStateException("mailer is closed: " + where);
    }
    MimeMessage mime;
    try {
      mime = MimeBuilder.build(session, message, clock.instant());
    } catch (MessagingException e) {
      // OutgoingMessage is validated, so this is a bug, not bad input.
      throw new IllegalStateException("cannot build message " + message.messageId(), e);
    }
    Address[] recipients;
    try {
      recipients = new Address[] {new InternetAddress(message.to().value(), true)};
    } catch (MessagingException e) {
      throw new IllegalStateException("invalid recipient " + message.to(), e);
    }
    Connection c = borrow();
    try {
      c.transport.sendMessage(mime, recipients);
    } catch (MessagingException e) {
      discard(c);
      throw SmtpFailures.sendFailure(e, message.messageId(), where);
    } catch (RuntimeException e) {
      discard(c);
      throw e;
    }
    c.sent++;
    String reply = SmtpFailures.oneLine(c.transport.getLastServerResponse());
    giveBack(c);
    return new SendReceipt(message.messageId(), where + ": " + reply, false);
  }

  @Override
  public String describe() {
    return where;
  }

  /** Changes the idle time after which a pooled connection is checked (tests). */
  void revalidateAfter(Duration idle) {
    revalidateAfterNanos = idle.toNanos();
  }

  /** How many connections this mailer has opened, for tests and metrics. */
  public long connectionsOpened() {
    return connectionsOpened.get();
  }

  @Override
  public void close() {
    closed = true;
    while (true) {
      Connection c;
      synchronized (idle) {
        c = idle.pollFirst();
      }
      if (c == null) {
        break;
      }
      discard(c);
    }
    writeTimeouts.shutdownNow();
  }

  private Connection borrow() throws MailException {
    while (true) {
      Connection c;
      synchronized (idle) {
        c = idle.pollFirst(); // the most recently used one, least likely to have timed out
      }
      if (c == null) {
        return open();
      }
      if (System.nanoTime() - c.lastUsedNanos < revalidateAfterNanos
          || c.transport.isConnected()) { // isConnected() sends NOOP
        return c;
      }
      log.debug("{}: idle connection was closed by the server, opening a new one", where);
      discard(c);
    }
  }

  private Connection open() throws MailException {
    SMTPTransport transport;
    try {
      transport = (SMTPTransport) session.getTransport("smtp");
    } catch (MessagingException e) {
      throw new IllegalStateException("Jakarta Mail has no smtp provider", e);
    }
    try {
      transport.connect(config.host(), config.port(), config.username(), config.password());
    } catch (MessagingException e) {
      int code = transport.getLastReturnCode();
      String reply = String.valueOf(transport.getLastServerResponse());
      closeQuietly(transport);
      throw SmtpFailures.connectFailure(e, code, reply, where);
    }
    connectionsOpened.incrementAndGet();
    log.debug("{}: connection opened", where);
    return new Connection(transport);
  }

  private void giveBack(Connection c) {
    c.lastUsedNanos = System.nanoTime();
    if (closed || c.sent >= config.maxMessagesPerConnection()) {
      discard(c);
      return;
    }
    synchronized (idle) {
      idle.addFirst(c);
    }
  }

  private void discard(Connection c) {
    closeQuietly(c.transport);
  }

  private static void closeQuietly(Transport t) {
    try {
      t.close(); // QUIT
    } catch (MessagingException | RuntimeException e) {
      log.debug("closing an SMTP connection failed: {}", e.toString());
    }
  }

  private static final class Connection {
    final SMTPTransport transport;
    int sent;
    long lastUsedNanos = System.nanoTime();

    Connection(SMTPTransport transport) {
      this.transport = transport;
    }
  }
}
