package dev.paperboy.core.digest;

import dev.paperboy.core.mail.EmailAddress;
import org.jspecify.annotations.Nullable;

/**
 * A delivery to add to the outbox for one subscriber of an edition.
 *
 * @param skipReason set when there is nothing to send (the row is stored as {@link
 *     DeliveryStatus#SKIPPED}, so the subscriber counts as done for the edition)
 */
public record NewDelivery(
    SubscriptionId subscription,
    EmailAddress to,
    EditionContent content,
    @Nullable String skipReason) {
  public NewDelivery {
    if (subscription == null || to == null || content == null) {
      throw new IllegalArgumentException(
          "subscription, to and content must not be null, subscription: " + subscription);
    }
  }
}
