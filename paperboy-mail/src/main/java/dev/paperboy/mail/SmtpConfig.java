package dev.paperboy.mail;

import dev.paperboy.core.mail.EmailAddress;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Where and how {@link SmtpMailer} connects. Build one with {@link #of} and the {@code with...}
 * methods; a value that exists is usable.
 *
 * @param host the server's host name or IP address (not a URL)
 * @param port 1..65535: usually 587 with {@link TlsMode#STARTTLS}, 465 with {@link
 *     TlsMode#IMPLICIT}, 25 for a local relay
 * @param tls how the connection is protected
 * @param username for SMTP AUTH, or null for none; set together with {@code password}
 * @param password for SMTP AUTH, or null; never printed by {@link #toString()}
 * @param connectTimeout how long to wait for the TCP (and TLS) connection
 * @param readTimeout how long to wait for any one reply (and for a write to complete)
 * @param envelopeFrom the envelope sender ({@code MAIL FROM}, where bounces go), or null to use
 *     each message's {@code From}
 * @param heloName the name this client gives in {@code EHLO}, or null to let Jakarta Mail use the
 *     local host name
 * @param maxMessagesPerConnection after this many messages a connection is closed and a new one
 *     opened, since some servers limit messages per connection
 */
public record SmtpConfig(
    String host,
    int port,
    TlsMode tls,
    @Nullable String username,
    @Nullable String password,
    Duration connectTimeout,
    Duration readTimeout,
    @Nullable EmailAddress envelopeFrom,
    @Nullable String heloName,
    int maxMessagesPerConnection) {

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
  public static final int DEFAULT_MAX_MESSAGES_PER_CONNECTION = 1000;

  public SmtpConfig {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("smtp host must not be blank");
    }
    if (host.contains("://") || !host.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '/')) {
      throw new IllegalArgumentException(
          "smtp host must be a host name or IP address (no URL, no spaces), host: '" + host + "'");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("smtp port must be 1..65535, port: " + port);
    }
    if (tls == null) {
      throw new IllegalArgumentException("smtp tls must be one of NONE, STARTTLS, IMPLICIT");
    }
    if ((username == null) != (password == null)) {
      throw new IllegalArgumentException(
          "smtp username and password must be set together, username: "
              + (username == null ? "(none)" : "'" + username + "'")
              + ", password: "
              + (password == null ? "(none)" : "(set)"));
    }
    if (username != null) {
      if (username.isBlank()) {
        throw new IllegalArgumentException("smtp username must not be blank");
      }
      if (hasControl(username) || hasControl(password)) {
        throw new IllegalArgumentException(
            "smtp username and password must not contain control characters or line breaks");
      }
      if (tls == TlsMode.NONE && !isLoopback(host)) {
        throw new IllegalArgumentException(
            "smtp password would be sent in clear text to "
                + host
                + ": set tls to STARTTLS or IMPLICIT (plain text is allowed to localhost only)");
      }
    }
    requirePositive("connectTimeout", connectTimeout);
    requirePositive("readTimeout", readTimeout);
    if (heloName != null && !heloName.matches("[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?")) {
      throw new IllegalArgumentException(
          "smtp heloName must be a host name (RFC 5321 section 4.1.4), heloName: '"
              + heloName
              + "'");
    }
    if (maxMessagesPerConnection < 1) {
      throw new IllegalArgumentException(
          "smtp maxMessagesPerConnection must be >= 1, maxMessagesPerConnection: "
              + maxMessagesPerConnection);
    }
  }

  /** A server without authentication and the default timeouts. */
  public static SmtpConfig of(String host, int port, TlsMode tls) {
    return new SmtpConfig(
        host,
        port,
        tls,
        null,
        null,
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_READ_TIMEOUT,
        null,
        null,
        DEFAULT_MAX_MESSAGES_PER_CONNECTION);
  }

  public SmtpConfig withCredentials(@Nullable String username, @Nullable String password) {
    return new SmtpConfig(
        host,
        port,
        tls,
        username,
        password,
        connectTimeout,
        readTimeout,
        envelopeFrom,
        heloName,
        maxMessagesPerConnection);
  }

  public SmtpConfig withTimeouts(Duration connectTimeout, Duration readTimeout) {
    return new SmtpConfig(
        host,
        port,
        tls,
        username,
        password,
        connectTimeout,
        readTimeout,
        envelopeFrom,
        heloName,
        maxMessagesPerConnection);
  }

  public SmtpConfig withEnvelopeFrom(@Nullable EmailAddress envelopeFrom) {
    return new SmtpConfig(
        host,
        port,
        tls,
        username,
        password,
        connectTimeout,
        readTimeout,
        envelopeFrom,
        heloName,
        maxMessagesPerConnection);
  }

  public SmtpConfig withHeloName(@Nullable String heloName) {
    return new SmtpConfig(
        host,
        port,
        tls,
        username,
        password,
        connectTimeout,
        readTimeout,
        envelopeFrom,
        heloName,
        maxMessagesPerConnection);
  }

  public SmtpConfig withMaxMessagesPerConnection(int maxMessagesPerConnection) {
    return new SmtpConfig(
        host,
        port,
        tls,
        username,
        password,
        connectTimeout,
        readTimeout,
        envelopeFrom,
        heloName,
        maxMessagesPerConnection);
  }

  /** {@code smtp://host:port} with the TLS mode, for logs. */
  public String describe() {
    String scheme = tls == TlsMode.IMPLICIT ? "smtps" : "smtp";
    return scheme
        + "://"
        + (username == null ? "" : username + "@")
        + (host.indexOf(':') >= 0 ? "[" + host + "]" : host)
        + ":"
        + port
        + (tls == TlsMode.STARTTLS ? " (STARTTLS)" : "");
  }

  /** Like the record's own, with the password masked. */
  @Override
  public String toString() {
    return "SmtpConfig[host="
        + host
        + ", port="
        + port
        + ", tls="
        + tls
        + ", username="
        + username
        + ", password="
        + (password == null ? "null" : "****")
        + ", connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + ", envelopeFrom="
        + envelopeFrom
        + ", heloName="
        + heloName
        + ", maxMessagesPerConnection="
        + maxMessagesPerConnection
        + "]";
  }

  /** True for names that cannot leave this machine; decided without a DNS lookup. */
  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h.equals("localhost")
        || h.endsWith(".localhost") // RFC 6761 section 6.3
        || h.equals("::1")
        || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
  }

  private static boolean hasControl(String s) {
    return s.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
  }

  private static void requirePositive(String field, Duration d) {
    if (d == null || d.isNegative() || d.isZero() || d.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "smtp " + field + " must be positive and below 24 days, " + field + ": " + d);
    }
  }
}
