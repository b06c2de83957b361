package dev.paperboy.core.testing;

import dev.paperboy.core.account.User;
import dev.paperboy.core.account.UserId;
import dev.paperboy.core.digest.Alert;
import dev.paperboy.core.digest.Claim;
import dev.paperboy.core.digest.Delivery;
import dev.paperboy.core.digest.DeliveryStatus;
import dev.paperboy.core.digest.DigestPreferences;
import dev.paperboy.core.digest.Edition;
import dev.paperboy.core.digest.EditionId;
import dev.paperboy.core.digest.EditionStore;
import dev.paperboy.core.digest.NewDelivery;
import dev.paperboy.core.digest.Outbox;
import dev.paperboy.core.digest.OutboxCounts;
import dev.paperboy.core.digest.Recipient;
import dev.paperboy.core.digest.Subscription;
import dev.paperboy.core.digest.SubscriptionId;
import dev.paperboy.core.digest.SubscriptionStatus;
import dev.paperboy.core.digest.SubscriptionStore;
import dev.paperboy.core.digest.Suppression;
import dev.paperboy.core.digest.SuppressionList;
import dev.paperboy.core.mail.EmailAddress;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.security.Secrets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The digest ports in memory, for tests of code that only needs them: every method is synchronized,
 * which gives the single-writer behaviour the SQLite store has. Passes {@link DigestStoreContract}
 * like the JDBC stores.
 */
public final class InMemoryDigestStore
    implements SubscriptionStore, EditionStore, Outbox, SuppressionList {

  private record Sub(Subscription s, String recent, @Nullable String lastEdition) {}

  private record Row(Delivery d, @Nullable String token) {}

  private final Function<EmailAddress, Optional<UserId>> accounts;
  private final Map<SubscriptionId, Sub> subs = new TreeMap<>();
  private final Map<SubscriptionId, Map<String, Alert>> alerts = new HashMap<>();
  private final Map<EditionId, StoredEdition> editions = new TreeMap<>();
  private final Map<String, Row> rows = new LinkedHashMap<>();
  private final Map<String, Suppression> suppressed = new HashMap<>();

  /** A store whose subscribers have no accounts. */
  public InMemoryDigestStore() {
    this(e -> Optional.empty());
  }

  /**
   * @param accounts the active account with an address, if any (personal picks)
   */
  public InMemoryDigestStore(Function<EmailAddress, Optional<UserId>> accounts) {
    this.accounts = accounts;
  }

  private static Instant t(Instant i) {
    return i == null ? null : i.truncatedTo(ChronoUnit.MICROS);
  }

  // ---- subscriptions ---------------------------------------------------------------------------

  @Override
  public synchronized Subscription findOrCreate(
      EmailAddress email, @Nullable UserId user, Instant now) {
    Optional<Subscription> found = findByEmail(email);
    if (found.isPresent()) {
      Subscription s = found.get();
      if (user != null && s.user() == null) {
        linkUser(s.id(), user);
        return find(s.id()).orElseThrow();
      }
      return s;
    }
    Subscription s =
        new Subscription(
            SubscriptionId.random(),
            email,
            SubscriptionStatus.PENDING,
            DigestPreferences.defaults(),
            user,
            t(now),
            null,
            null);
    subs.put(s.id(), new Sub(s, "", null));
    return s;
  }

  @Override
  public synchronized Optional<Subscription> find(SubscriptionId id) {
    return Optional.ofNullable(subs.get(id)).map(Sub::s);
  }

  @Override
  public synchronized Optional<Subscription> findByEmail(EmailAddress email) {
    String key = User.emailKey(email);
    return subs.values().stream()
        .map(Sub::s)
        .filter(s -> User.emailKey(s.email()).equals(key))
        .findFirst();
  }

  private void replace(SubscriptionId id, Function<Subscription, Subscription> f) {
    Sub old = subs.get(id);
    subs.put(id, new Sub(f.apply(old.s()), old.recent(), old.lastEdition()));
  }

  @Override
  public synchronized Optional<Subscription> confirm(SubscriptionId id, Instant now) {
    if (!subs.containsKey(id)) {
      return Optional.empty();
    }
    replace(
        id,
        s ->
            s.active()
                ? s
                : new Subscription(
                    s.id(),
                    s.email(),
                    SubscriptionStatus.ACTIVE,
                    s.preferences(),
                    s.user(),
                    s.createdAt(),
                    t(now),
                    null));
    return find(id);
  }

  @Override
  public synchronized Subscription setPreferences(
      SubscriptionId id, DigestPreferences preferences, Instant now) {
    if (!subs.containsKey(id)) {
      throw new NoSuchElementException("no subscription " + id);
    }
    replace(
        id,
        s ->
            new Subscription(
                s.id(),
                s.email(),
                s.status(),
                preferences,
                s.user(),
                s.createdAt(),
                s.confirmedAt(),
                s.unsubscribedAt()));
    return find(id).orElseThrow();
  }

  @Override
  public synchronized boolean unsubscribe(SubscriptionId id, Instant now) {
    if (!subs.containsKey(id)) {
      return false;
    }
    replace(
        id,
        s ->
            s.status() == SubscriptionStatus.UNSUBSCRIBED
                ? s
                : new Subscription(
                    s.id(),
                    s.email(),
                    SubscriptionStatus.UNSUBSCRIBED,
                    s.preferences(),
                    s.user(),
                    s.createdAt(),
                    s.confirmedAt(),
                    t(now)));
    return true;
  }

  @Override
  public synchronized void linkUser(SubscriptionId id, UserId user) {
    if (subs.containsKey(id)) {
      replace(
          id,
          s ->
              new Subscription(
                  s.id(),
                  s.email(),
                  s.status(),
                  s.preferences(),
                  user,
                  s.createdAt(),
                  s.confirmedAt(),
                  s.unsubscribedAt()));
    }
  }

  @Override
  public synchronized List<Alert> alerts(SubscriptionId id) {
    return alerts.getOrDefault(id, Map.of()).values().stream()
        .sorted(Comparator.comparing(Alert::createdAt).thenComparing(Alert::key))
        .toList();
  }

  @Override
  public synchronized boolean addAlert(Alert alert) {
    if (!subs.containsKey(alert.subscription())) {
      throw new NoSuchElementException("no subscription " + alert.subscription());
    }
    Map<String, Alert> mine = alerts.computeIfAbsent(alert.subscription(), k -> new HashMap<>());
    if (mine.containsKey(alert.key())) {
      return false;
    }
    if (mine.size() >= Alert.MAX_PER_SUBSCRIPTION) {
      throw new IllegalArgumentException(
          "a subscription has at most " + Alert.MAX_PER_SUBSCRIPTION + " alerts");
    }
    mine.put(alert.key(), new Alert(alert.subscription(), alert.query(), t(alert.createdAt())));
    return true;
  }

  @Override
  public synchronized boolean removeAlert(SubscriptionId id, String query) {
    Map<String, Alert> mine = alerts.get(id);
    return mine != null
        && mine.remove(query.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT))
            != null;
  }

  @Override
  public synchronized Map<String, Long> counts() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (SubscriptionStatus s : SubscriptionStatus.values()) {
      out.put(s.code(), 0L);
    }
    out.put("paused", 0L);
    for (Sub s : subs.values()) {
      String k = s.s().active() && s.s().preferences().paused() ? "paused" : s.s().status().code();
      out.merge(k, 1L, Long::sum);
    }
    return out;
  }

  @Override
  public synchronized int purgeUnconfirmed(Instant before) {
    List<SubscriptionId> gone =
        subs.values().stream()
            .map(Sub::s)
            .filter(s -> s.status() == SubscriptionStatus.PENDING && s.createdAt().isBefore(before))
            .map(Subscription::id)
            .toList();
    gone.forEach(
        id -> {
          subs.remove(id);
          alerts.remove(id);
        });
    return gone.size();
  }

  // ---- editions ------------------------------------------------------------------------------

  @Override
  public synchronized Edition createEdition(Edition edition) {
    editions.putIfAbsent(
        edition.id(),
        new StoredEdition(
            new Edition(
                edition.id(),
                edition.from(),
                edition.to(),
                edition.quietNote(),
                t(edition.createdAt())),
            null));
    return editions.get(edition.id()).edition();
  }

  @Override
  public synchronized Optional<StoredEdition> findEdition(EditionId id) {
    return Optional.ofNullable(editions.get(id));
  }

  @Override
  public synchronized List<StoredEdition> editions(int limit) {
    return editions.values().stream()
        .sorted(
            Comparator.comparing((StoredEdition e) -> e.edition().day())
                .reversed()
                .thenComparing(e -> e.edition().id()))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized void markComposed(EditionId id, Instant at) {
    StoredEdition e = editions.get(id);
    if (e != null && e.composedAt() == null) {
      editions.put(id, new StoredEdition(e.edition(), t(at)));
    }
  }

  @Override
  public synchronized List<Recipient> recipientsWithout(
      EditionId edition, @Nullable SubscriptionId after, int limit) {
    List<Recipient> out = new ArrayList<>();
    for (Sub sub : subs.values()) {
      Subscription s = sub.s();
      if (after != null && s.id().compareTo(after) <= 0) {
        continue;
      }
      if (!s.receiving()
          || s.preferences().cadence() != edition.cadence()
          || rows.containsKey(key(edition, s.id()))
          || suppressed.containsKey(User.emailKey(s.email()))) {
        continue;
      }
      UserId user = s.user() != null ? s.user() : accounts.apply(s.email()).orElse(null);
      out.add(
          new Recipient(
              s.id(),
              s.email(),
              s.preferences(),
              user,
              alerts(s.id()).stream().map(Alert::query).toList(),
              recentPapers(sub.recent())));
      if (out.size() >= limit) {
        break;
      }
    }
    return out;
  }

  private static Set<ArxivId> recentPapers(String text) {
    Set<ArxivId> out = new HashSet<>();
    for (String id : text.split("[ |]")) {
      if (!id.isEmpty()) {
        out.add(ArxivId.parse(id));
      }
    }
    return out;
  }

  @Override
  public synchronized int enqueue(
      Edition edition, List<NewDelivery> deliveries, String domain, Instant now) {
    int added = 0;
    for (NewDelivery d : deliveries) {
      String key = key(edition.id(), d.subscription());
      if (rows.containsKey(key)) {
        continue;
      }
      boolean skip = d.skipReason() != null;
      rows.put(
          key,
          new Row(
              new Delivery(
                  edition.id(),
                  d.subscription(),
                  d.to(),
                  Delivery.messageIdFor(edition.id(), d.subscription(), domain),
                  skip ? DeliveryStatus.SKIPPED : DeliveryStatus.QUEUED,
                  0,
                  skip ? null : t(now),
                  d.skipReason(),
                  d.content(),
                  t(now),
                  null),
              null));
      added++;
      Sub sub = subs.get(d.subscription());
      if (!skip
          && sub != null
          && !d.content().items().isEmpty()
          && !edition.id().value().equals(sub.lastEdition())) {
        List<String> groups = new ArrayList<>();
        groups.add(String.join(" ", d.content().papers().stream().map(ArxivId::value).toList()));
        for (String g : sub.recent().split("\\|")) {
          if (groups.size() < 3 && !g.isBlank()) {
            groups.add(g);
          }
        }
        subs.put(sub.s().id(), new Sub(sub.s(), String.join("|", groups), edition.id().value()));
      }
    }
    return added;
  }

  @Override
  public synchronized Optional<Delivery> findDelivery(EditionId edition, SubscriptionId sub) {
    return Optional.ofNullable(rows.get(key(edition, sub))).map(Row::d);
  }

  private static String key(EditionId e, SubscriptionId s) {
    return e.value() + "/" + s.value();
  }

  // ---- outbox --------------------------------------------------------------------------------

  @Override
  public synchronized List<Claim> claim(String owner, Instant now, Duration lease, int max) {
    Instant until = t(now.plus(lease));
    String token = Secrets.newSecret();
    List<Map.Entry<String, Row>> due =
        rows.entrySet().stream()
            .filter(e -> e.getValue().d().dueAt() != null && !e.getValue().d().dueAt().isAfter(now))
            .sorted(Comparator.comparing(e -> e.getValue().d().dueAt()))
            .limit(max)
            .toList();
    List<Claim> out = new ArrayList<>();
    for (Map.Entry<String, Row> e : due) {
      Delivery d = e.getValue().d();
      Sub sub = subs.get(d.subscription());
      String why = null;
      if (sub == null || !sub.s().active()) {
        why = "the subscriber unsubscribed before it was sent";
      } else if (sub.s().preferences().paused()) {
        why = "the subscriber paused deliveries before it was sent";
      } else if (suppressed.containsKey(User.emailKey(sub.s().email()))) {
        why = "the address is on the suppression list";
      }
      if (why != null) {
        e.setValue(new Row(with(d, DeliveryStatus.SKIPPED, d.attempts(), null, why, null), null));
        continue;
      }
      Delivery claimed =
          with(d, DeliveryStatus.SENDING, d.attempts() + 1, until, d.lastError(), null);
      e.setValue(new Row(claimed, token));
      out.add(new Claim(claimed, token, until));
    }
    return out;
  }

  private static Delivery with(
      Delivery d,
      DeliveryStatus status,
      int attempts,
      @Nullable Instant due,
      @Nullable String error,
      @Nullable Instant sentAt) {
    return new Delivery(
        d.edition(),
        d.subscription(),
        d.to(),
        d.messageId(),
        status,
        attempts,
        due,
        error,
        d.content(),
        d.createdAt(),
        sentAt);
  }

  private @Nullable Row held(Claim c) {
    Row r = rows.get(key(c.delivery().edition(), c.delivery().subscription()));
    return r != null && r.d().status() == DeliveryStatus.SENDING && c.token().equals(r.token())
        ? r
        : null;
  }

  private void put(Delivery d, @Nullable String token) {
    rows.put(key(d.edition(), d.subscription()), new Row(d, token));
  }

  @Override
  public synchronized boolean sent(Claim claim, Instant at) {
    Row r = held(claim);
    if (r == null) {
      return false;
    }
    put(with(r.d(), DeliveryStatus.SENT, r.d().attempts(), null, null, t(at)), null);
    return true;
  }

  @Override
  public synchronized boolean retry(Claim claim, Instant dueAt, String error) {
    Row r = held(claim);
    if (r == null) {
      return false;
    }
    put(with(r.d(), DeliveryStatus.QUEUED, r.d().attempts(), t(dueAt), error, null), null);
    return true;
  }

  @Override
  public synchronized boolean fail(Claim claim, Instant at, String error, boolean suppress) {
    Row r = held(claim);
    if (r == null) {
      return false;
    }
    put(with(r.d(), DeliveryStatus.FAILED, r.d().attempts(), null, error, null), null);
    if (suppress) {
      suppress(r.d().to(), error, at);
    }
    return true;
  }

  @Override
  public synchronized int release(List<Claim> claims, Instant now) {
    int n = 0;
    for (Claim c : claims) {
      Row r = held(c);
      if (r != null) {
        put(
            with(
                r.d(),
                DeliveryStatus.QUEUED,
                r.d().attempts() - 1,
                t(now),
                r.d().lastError(),
                null),
            null);
        n++;
      }
    }
    return n;
  }

  @Override
  public synchronized List<Claim> renew(List<Claim> claims, Instant until) {
    List<Claim> out = new ArrayList<>();
    for (Claim c : claims) {
      Row r = held(c);
      if (r != null) {
        Delivery d =
            with(
                r.d(), DeliveryStatus.SENDING, r.d().attempts(), t(until), r.d().lastError(), null);
        put(d, c.token());
        out.add(new Claim(d, c.token(), t(until)));
      }
    }
    return out;
  }

  @Override
  public synchronized OutboxCounts counts(@Nullable EditionId edition) {
    Map<DeliveryStatus, Long> out = new EnumMap<>(DeliveryStatus.class);
    for (Row r : rows.values()) {
      if (edition == null || r.d().edition().equals(edition)) {
        out.merge(r.d().status(), 1L, Long::sum);
      }
    }
    return new OutboxCounts(out);
  }

  @Override
  public synchronized List<Delivery> failures(@Nullable EditionId edition, int limit) {
    return rows.values().stream()
        .map(Row::d)
        .filter(d -> d.status() == DeliveryStatus.FAILED)
        .filter(d -> edition == null || d.edition().equals(edition))
        .sorted(Comparator.comparing(Delivery::createdAt).reversed())
        .limit(limit)
        .toList();
  }

  /** Every delivery, for tests. */
  public synchronized List<Delivery> deliveries() {
    return rows.values().stream().map(Row::d).toList();
  }

  // ---- suppressions --------------------------------------------------------------------------

  @Override
  public synchronized boolean suppress(EmailAddress email, String reason, Instant at) {
    return suppressed.putIfAbsent(User.emailKey(email), new Suppression(email, reason, t(at)))
        == null;
  }

  @Override
  public synchronized boolean isSuppressed(EmailAddress email) {
    return suppressed.containsKey(User.emailKey(email));
  }

  @Override
  public synchronized boolean unsuppress(EmailAddress email) {
    return suppressed.remove(User.emailKey(email)) != null;
  }

  @Override
  public synchronized long countSuppressed() {
    return suppressed.size();
  }

  @Override
  public synchronized List<Suppression> suppressions(int limit) {
    return suppressed.values().stream()
        .sorted(Comparator.comparing(Suppression::createdAt).reversed())
        .limit(limit)
        .toList();
  }
}
