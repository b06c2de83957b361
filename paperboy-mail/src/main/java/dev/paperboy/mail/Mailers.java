package dev.paperboy.mail;

import dev.paperboy.core.mail.Mailer;
import java.nio.file.Path;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/** Picks the {@link Mailer} for a configuration. */
public final class Mailers {

  private Mailers() {}

  /**
   * An {@link SmtpMailer} when an SMTP server is configured, else a {@link FileMailer} writing into
   * {@code fileDirectory} (the app passes {@code DATA/mail/outbox}), which logs where it writes.
   */
  public static Mailer create(@Nullable SmtpConfig smtp, Path fileDirectory, Clock clock) {
    return smtp == null ? new FileMailer(fileDirectory, clock) : new SmtpMailer(smtp, clock);
  }
}
