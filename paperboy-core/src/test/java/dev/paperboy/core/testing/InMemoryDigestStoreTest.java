package dev.paperboy.core.testing;

import dev.paperboy.core.account.User;
import dev.paperboy.core.account.UserId;
import dev.paperboy.core.digest.EditionStore;
import dev.paperboy.core.digest.Outbox;
import dev.paperboy.core.digest.SubscriptionStore;
import dev.paperboy.core.digest.SuppressionList;
import dev.paperboy.core.mail.EmailAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The in-memory digest store passes the contract the JDBC stores pass. */
class InMemoryDigestStoreTest extends DigestStoreContract {
  private final Map<String, UserId> accounts = new ConcurrentHashMap<>();
  private final InMemoryDigestStore store =
      new InMemoryDigestStore(e -> Optional.ofNullable(accounts.get(User.emailKey(e))));

  @Override
  protected SubscriptionStore subscriptions() {
    return store;
  }

  @Override
  protected EditionStore editions() {
    return store;
  }

  @Override
  protected Outbox outbox() {
    return store;
  }

  @Override
  protected SuppressionList suppressions() {
    return store;
  }

  @Override
  protected UserId account(EmailAddress email) {
    return accounts.computeIfAbsent(User.emailKey(email), k -> UserId.random());
  }
}
