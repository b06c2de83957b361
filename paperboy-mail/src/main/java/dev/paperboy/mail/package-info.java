/**
 * The {@link dev.paperboy.core.mail.Mailer} adapters: {@link dev.paperboy.mail.SmtpMailer} sends
 * through an SMTP server with Jakarta Mail (Eclipse Angus), {@link dev.paperboy.mail.FileMailer}
 * writes {@code .eml} files when no server is configured, and {@link dev.paperboy.mail.Mailers}
 * picks one from the configuration.
 *
 * <p>Depends on {@code paperboy-core} ({@code core.mail}), Jakarta Mail and SLF4J. Only {@code
 * paperboy-app} should name these classes; everything else uses the port.
 */
@NullMarked
package dev.paperboy.mail;

import org.jspecify.annotations.NullMarked;
