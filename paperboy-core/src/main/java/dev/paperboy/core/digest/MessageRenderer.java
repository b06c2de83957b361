package dev.paperboy.core.digest;

import dev.paperboy.core.mail.OutgoingMessage;

/**
 * Turns a delivery into the message to send: a function of the delivery's content, its edition and
 * the papers' stored text, so rendering again (a retry, a crash and restart) gives the same
 * message. Implemented with templates in {@code paperboy-digest}.
 */
@FunctionalInterface
public interface MessageRenderer {

  /**
   * @throws RuntimeException when the message cannot be built (the delivery is retried later)
   */
  OutgoingMessage render(Delivery delivery, Edition edition);
}
