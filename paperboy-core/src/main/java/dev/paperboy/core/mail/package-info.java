/**
 * Outgoing mail: the {@link dev.paperboy.core.mail.Mailer} port, the message it sends ({@link
 * dev.paperboy.core.mail.OutgoingMessage} with its {@link dev.paperboy.core.mail.EmailAddress} and
 * {@link dev.paperboy.core.mail.MessageId} values) and how a failed send is classified ({@link
 * dev.paperboy.core.mail.MailException}, {@link dev.paperboy.core.mail.FailureKind}), which is what
 * the digest outbox decides retries and suppressions on.
 *
 * <p>Implemented in {@code paperboy-mail} (SMTP through Jakarta Mail, and {@code .eml} files when
 * no SMTP server is configured). Depends on the JDK only.
 */
@NullMarked
package dev.paperboy.core.mail;

import org.jspecify.annotations.NullMarked;
