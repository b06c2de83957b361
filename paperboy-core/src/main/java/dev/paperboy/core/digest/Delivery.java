package dev.paperboy.core.digest;

import dev.paperboy.core.mail.EmailAddress;
import dev.paperboy.core.mail.MessageId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One row of the outbox: one subscriber's message of one edition.
 *
 * @param to the address at the time the edition was composed
 * @param messageId fixed when the row is created ({@link #messageIdFor}); every attempt sends it
 * @param attempts how many times a sender has claimed it
 * @param dueAt when it may be claimed next (a queued row), or when its claim runs out (a row being
 *     sent); null once done
 * @param lastError the last failure, for {@code paperboy digest status} and operators
 * @param content what the message holds: rendering it again gives the same message
 */
public record Delivery(
    EditionId edition,
    SubscriptionId subscription,
    EmailAddress to,
    MessageId messageId,
    DeliveryStatus status,
    int attempts,
    @Nullable Instant dueAt,
    @Nullable String lastError,
    EditionContent content,
    Instant createdAt,
    @Nullable Instant sentAt) {

  public Delivery {
    if (edition == null || subscription == null || to == null || messageId == null) {
      throw new IllegalArgumentException(
          "edition, subscription, to and messageId must not be null, edition: "
              + edition
              + ", subscription: "
              + subscription);
    }
    if (status == null || content == null || createdAt == null) {
      throw new IllegalArgumentException(
          "status, content and createdAt must not be null, edition: "
              + edition
              + ", subscription: "
              + subscription);
    }
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts must be >= 0, attempts: " + attempts);
    }
  }

  /**
   * The Message-ID of a subscriber's message of an edition: {@code
   * digest.daily-2026-03-02.k3m9pq2x7r8s4t5v@example.org}. A function of the two ids alone, so a
   * message handed to the mail system twice (a crash between sending and recording it) carries the
   * same id both times and receiving systems that deduplicate on it keep one copy.
   *
   * @param domain the right-hand side, normally the sender address's domain
   */
  public static MessageId messageIdFor(
      EditionId edition, SubscriptionId subscription, String domain) {
    return new MessageId("digest." + edition.value() + "." + subscription.value() + "@" + domain);
  }

  /** A short key for logs: {@code daily-2026-03-02/k3m9pq2x7r8s4t5v}. */
  public String key() {
    return edition.value() + "/" + subscription.value();
  }
}
