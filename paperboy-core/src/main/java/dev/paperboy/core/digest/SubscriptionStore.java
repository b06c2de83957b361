package dev.paperboy.core.digest;

import dev.paperboy.core.account.UserId;
import dev.paperboy.core.mail.EmailAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Subscriptions and their alerts, as the subscribe and preferences pages change them. One
 * subscription per address, compared ignoring case (like accounts).
 */
public interface SubscriptionStore {

  /**
   * The subscription of {@code email}, created {@link SubscriptionStatus#PENDING} with default
   * preferences when there is none; an existing one is returned unchanged. Two concurrent calls for
   * one address return the same subscription.
   *
   * @param user an account to link (the subscriber is signed in), or null
   */
  Subscription findOrCreate(EmailAddress email, @Nullable UserId user, Instant now);

  Optional<Subscription> find(SubscriptionId id);

  Optional<Subscription> findByEmail(EmailAddress email);

  /**
   * Makes the subscription active (from pending, or again after unsubscribing).
   *
   * @return the subscription, or empty when there is none with this id
   */
  Optional<Subscription> confirm(SubscriptionId id, Instant now);

  /**
   * @throws java.util.NoSuchElementException when there is no such subscription
   */
  Subscription setPreferences(SubscriptionId id, DigestPreferences preferences, Instant now);

  /**
   * Ends the subscription (idempotent: an ended one stays ended).
   *
   * @return false when there is no such subscription
   */
  boolean unsubscribe(SubscriptionId id, Instant now);

  /** Links the subscription to an account (personal picks). */
  void linkUser(SubscriptionId id, UserId user);

  /** The subscription's alerts, oldest first. */
  List<Alert> alerts(SubscriptionId id);

  /**
   * Adds an alert; adding one the subscription already has (ignoring case) changes nothing.
   *
   * @return false when it was there already
   * @throws IllegalArgumentException when the subscription has {@link Alert#MAX_PER_SUBSCRIPTION}
   *     alerts already
   */
  boolean addAlert(Alert alert);

  /** Removes an alert by its query, ignoring case; false when there was none. */
  boolean removeAlert(SubscriptionId id, String query);

  /** How many subscriptions are in each status; paused active ones are counted apart. */
  Map<String, Long> counts();

  /**
   * Deletes pending subscriptions created before {@code before} (their confirmation links have
   * expired): an address nobody confirmed is not kept. Returns how many.
   */
  int purgeUnconfirmed(Instant before);
}
