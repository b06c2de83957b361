package dev.paperboy.core.mail;

/**
 * Hands messages to a mail system: an SMTP server, or {@code .eml} files when none is configured.
 *
 * <p>{@link #send} is synchronous and handles one message: it returns once the message is accepted
 * (the server's 250 after the data, or the file is on disk) and throws otherwise. Sending one
 * message at a time is deliberate: a sender that records each message as sent right after its
 * {@code send} returns leaves at most the messages in flight unrecorded when it is killed, and
 * those carry their stable {@link MessageId} when they are sent again. Implementations keep
 * connections open between calls, so a loop of sends costs one connection, not one per message.
 *
 * <p>Implementations are safe to call from several threads.
 */
public interface Mailer extends AutoCloseable {

  /**
   * Sends one message.
   *
   * @throws MailException when it was not accepted; its {@link MailException#kind()} says whether
   *     to retry, suppress the recipient, drop the message, or stop and fix the setup
   */
  SendReceipt send(OutgoingMessage message) throws MailException;

  /** Where messages go, for logs and the status page: {@code smtp://host:587} or a directory. */
  String describe();

  /**
   * Closes open connections once the sends in progress are done with them; the mailer must not be
   * used afterwards ({@link #send} then throws {@link IllegalStateException}).
   */
  @Override
  void close();
}
