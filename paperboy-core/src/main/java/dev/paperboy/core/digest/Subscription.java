package dev.paperboy.core.digest;

import dev.paperboy.core.account.UserId;
import dev.paperboy.core.mail.EmailAddress;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One address's digest subscription.
 *
 * @param user the account with the same address, when there is one: its upvotes and saved papers
 *     drive the personal picks
 * @param confirmedAt when the confirmation link was used (null while pending)
 * @param unsubscribedAt when the subscriber left (null unless {@link
 *     SubscriptionStatus#UNSUBSCRIBED})
 */
public record Subscription(
    SubscriptionId id,
    EmailAddress email,
    SubscriptionStatus status,
    DigestPreferences preferences,
    @Nullable UserId user,
    Instant createdAt,
    @Nullable Instant confirmedAt,
    @Nullable Instant unsubscribedAt) {

  public Subscription {
    if (id == null || email == null || status == null || preferences == null) {
      throw new IllegalArgumentException(
          "id, email, status and preferences must not be null, id: " + id);
    }
    if (createdAt == null) {
      throw new IllegalArgumentException("createdAt must not be null, id: " + id);
    }
  }

  public boolean active() {
    return status == SubscriptionStatus.ACTIVE;
  }

  /** True when digests go out to this subscription: active and not paused. */
  public boolean receiving() {
    return active() && !preferences.paused();
  }
}
