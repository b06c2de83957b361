package dev.paperboy.mail;

/** How the connection to the SMTP server is protected. */
public enum TlsMode {
  /** Plain text. Only sensible to a relay on the same host or a test server. */
  NONE,
  /**
   * Plain connection upgraded with {@code STARTTLS} (RFC 3207), usually on port 587; the upgrade is
   * required, so a server that does not offer it (or an attacker who strips it) fails the
   * connection instead of sending in clear.
   */
  STARTTLS,
  /** TLS from the first byte ("implicit TLS", RFC 8314 section 3.3), usually on port 465. */
  IMPLICIT
}
