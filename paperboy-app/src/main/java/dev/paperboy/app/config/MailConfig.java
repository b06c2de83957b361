package dev.paperboy.app.config;

import dev.paperboy.core.mail.EmailAddress;
import dev.paperboy.mail.SmtpConfig;
import dev.paperboy.mail.TlsMode;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Outgoing mail (sign-in links, later digests): an SMTP server, or {@code .eml} files.
 *
 * <p>Keys: {@code mail.smtp.host} [none: messages are written as .eml files to {@code mail.dir}],
 * {@code mail.smtp.port} [587], {@code mail.smtp.tls} [starttls; or implicit, none], {@code
 * mail.smtp.user}, {@code mail.smtp.password}, {@code mail.from} [paperboy@ the host of {@code
 * server.base.url}], {@code mail.dir} [DATA/mail].
 *
 * @param smtp the SMTP server, or null to write files
 * @param from the sender of every message
 * @param directory where files go without SMTP (the mailer writes into {@code outbox} inside it)
 */
public record MailConfig(@Nullable SmtpConfig smtp, EmailAddress from, Path directory) {

  public static final Set<String> KEYS =
      Set.of(
          "mail.smtp.host",
          "mail.smtp.port",
          "mail.smtp.tls",
          "mail.smtp.user",
          "mail.smtp.password",
          "mail.from",
          "mail.dir");

  public static MailConfig from(Settings s, Path dataDir, String baseUrl) {
    SmtpConfig smtp = null;
    if (s.find("mail.smtp.host").isPresent()) {
      String tlsText = s.get("mail.smtp.tls", "starttls").toUpperCase(Locale.ROOT);
      TlsMode tls;
      try {
        tls = TlsMode.valueOf(tlsText);
      } catch (IllegalArgumentException e) {
        throw s.wrong("mail.smtp.tls", "starttls, implicit or none");
      }
      int port = s.getInt("mail.smtp.port", tls == TlsMode.IMPLICIT ? 465 : 587, 1, 65535);
      try {
        smtp =
            SmtpConfig.of(s.find("mail.smtp.host").get(), port, tls)
                .withCredentials(
                    s.find("mail.smtp.user").orElse(null),
                    s.find("mail.smtp.password").orElse(null));
      } catch (IllegalArgumentException e) {
        throw new ConfigException("mail.smtp: " + e.getMessage());
      }
    }
    String host = java.net.URI.create(baseUrl).getHost();
    String defaultFrom =
        "paperboy@"
            + (host == null || !host.contains(".") || host.matches("[0-9.]+")
                ? "localhost.localdomain"
                : host);
    EmailAddress from;
    try {
      from = EmailAddress.parse("mail.from", s.get("mail.from", defaultFrom));
    } catch (IllegalArgumentException e) {
      throw s.wrong("mail.from", "an email address");
    }
    Path dir = s.find("mail.dir").map(Path::of).orElse(dataDir.resolve("mail"));
    return new MailConfig(smtp, from, dir);
  }

  /** Hides the SMTP password. */
  @Override
  public String toString() {
    return "MailConfig[smtp="
        + (smtp == null ? "none (files)" : smtp.describe())
        + ", from="
        + from
        + ", directory="
        + directory
        + "]";
  }
}
