package dev.paperboy.core.digest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Editions and how they are filled: the composing side of the outbox ({@link Outbox} is the sending
 * side).
 */
public interface EditionStore {

  /** An edition as stored, with when its composition finished. */
  record StoredEdition(Edition edition, @Nullable Instant composedAt) {}

  /**
   * Stores the edition unless one with its id exists; returns the stored one (whose {@code
   * createdAt} then wins, so links in its messages stay the same).
   */
  Edition createEdition(Edition edition);

  Optional<StoredEdition> findEdition(EditionId id);

  /** The newest editions first, at most {@code limit}. */
  List<StoredEdition> editions(int limit);

  /** Records that every recipient of the edition has a delivery. */
  void markComposed(EditionId id, Instant at);

  /**
   * Up to {@code limit} subscribers who should get {@code edition} and have no delivery of it yet,
   * in id order after {@code after} (keyset pagination): active, not paused, of the edition's
   * cadence, not suppressed. With their alerts, their account (linked, or the account with the same
   * address) and the papers of their latest editions.
   */
  List<Recipient> recipientsWithout(EditionId edition, @Nullable SubscriptionId after, int limit);

  /**
   * Adds the deliveries of {@code edition} that do not exist yet, in one transaction, and remembers
   * their papers as each subscriber's latest ({@link Recipient#recent()}). Existing rows are left
   * alone, so running it twice changes nothing.
   *
   * @param domain the Message-ID domain ({@link Delivery#messageIdFor})
   * @return how many rows were added
   */
  int enqueue(Edition edition, List<NewDelivery> deliveries, String domain, Instant now);

  /** The delivery of one subscriber's message of an edition. */
  Optional<Delivery> findDelivery(EditionId edition, SubscriptionId subscription);
}
