package dev.paperboy.core.digest;

import dev.paperboy.core.account.UserId;
import dev.paperboy.core.mail.EmailAddress;
import dev.paperboy.core.paper.ArxivId;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A subscriber an edition is composed for, with what composing needs.
 *
 * @param user the account whose likes drive personal picks (the subscription's own link, or the
 *     account with the same address), or null
 * @param alerts the subscriber's saved-topic alert queries, oldest first
 * @param recent papers of the subscriber's latest editions: never sent again in the next one
 */
public record Recipient(
    SubscriptionId id,
    EmailAddress email,
    DigestPreferences preferences,
    @Nullable UserId user,
    List<String> alerts,
    Set<ArxivId> recent) {
  public Recipient {
    if (id == null || email == null || preferences == null) {
      throw new IllegalArgumentException("id, email and preferences must not be null, id: " + id);
    }
    alerts = List.copyOf(alerts == null ? List.of() : alerts);
    recent = Set.copyOf(recent == null ? Set.of() : recent);
  }
}
