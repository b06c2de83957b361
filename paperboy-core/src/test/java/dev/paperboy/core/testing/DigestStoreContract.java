package dev.paperboy.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.core.account.UserId;
import dev.paperboy.core.digest.Alert;
import dev.paperboy.core.digest.Cadence;
import dev.paperboy.core.digest.Claim;
import dev.paperboy.core.digest.Delivery;
import dev.paperboy.core.digest.DeliveryStatus;
import dev.paperboy.core.digest.DigestItem;
import dev.paperboy.core.digest.DigestPreferences;
import dev.paperboy.core.digest.Edition;
import dev.paperboy.core.digest.EditionContent;
import dev.paperboy.core.digest.EditionId;
import dev.paperboy.core.digest.EditionStore;
import dev.paperboy.core.digest.NewDelivery;
import dev.paperboy.core.digest.Outbox;
import dev.paperboy.core.digest.OutboxCounts;
import dev.paperboy.core.digest.QuietDays;
import dev.paperboy.core.digest.Reason;
import dev.paperboy.core.digest.Recipient;
import dev.paperboy.core.digest.Section;
import dev.paperboy.core.digest.Subscription;
import dev.paperboy.core.digest.SubscriptionId;
import dev.paperboy.core.digest.SubscriptionStatus;
import dev.paperboy.core.digest.SubscriptionStore;
import dev.paperboy.core.digest.SuppressionList;
import dev.paperboy.core.mail.EmailAddress;
import dev.paperboy.core.paper.ArxivId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of the digest ports must do: subscriptions, editions, the outbox's
 * state machine and the suppression list. Implementations return stores on one new, empty database
 * (with the account tables, for {@link #account}).
 */
public abstract class DigestStoreContract {
  protected static final Instant T0 = Instant.parse("2026-03-02T07:00:00Z");
  protected static final String DOMAIN = "paperboy.example";
  protected static final Duration LEASE = Duration.ofMinutes(5);

  protected abstract SubscriptionStore subscriptions();

  protected abstract EditionStore editions();

  protected abstract Outbox outbox();

  protected abstract SuppressionList suppressions();

  /** Creates an account with this address and returns its id. */
  protected abstract UserId account(EmailAddress email);

  /** Threads that claim at once in {@link #concurrentClaimsAreDisjoint()}. */
  protected int claimers() {
    return 4;
  }

  protected static EmailAddress mail(String local) {
    return EmailAddress.parse("email", local + "@example.org");
  }

  protected Subscription active(String local) {
    Subscription s = subscriptions().findOrCreate(mail(local), null, T0);
    return subscriptions().confirm(s.id(), T0).orElseThrow();
  }

  protected static Edition daily(String day) {
    LocalDate d = LocalDate.parse(day);
    return new Edition(EditionId.of(Cadence.DAILY, d), d, d, null, T0);
  }

  protected static EditionContent content(String... ids) {
    List<DigestItem> items = new ArrayList<>();
    for (String id : ids) {
      items.add(new DigestItem(ArxivId.parse(id), Section.TRENDING, Reason.trending(3)));
    }
    return new EditionContent(items, null);
  }

  protected Edition queueFor(Edition e, List<Subscription> subs) {
    Edition stored = editions().createEdition(e);
    List<NewDelivery> ds = new ArrayList<>();
    for (Subscription s : subs) {
      ds.add(new NewDelivery(s.id(), s.email(), content("2603.00001", "2603.00002"), null));
    }
    editions().enqueue(stored, ds, DOMAIN, T0);
    return stored;
  }

  // ---- subscriptions ---------------------------------------------------------------------------

  @Test
  void oneSubscriptionPerAddressWhateverTheCase() {
    Subscription a = subscriptions().findOrCreate(mail("Ada"), null, T0);
    Subscription b =
        subscriptions().findOrCreate(EmailAddress.parse("e", "ada@EXAMPLE.org"), null, T0);
    assertThat(b.id()).isEqualTo(a.id());
    assertThat(a.status()).isEqualTo(SubscriptionStatus.PENDING);
    assertThat(a.preferences()).isEqualTo(DigestPreferences.defaults());
    assertThat(subscriptions().findByEmail(mail("ada"))).contains(a);
    assertThat(subscriptions().find(a.id())).contains(a);
  }

  @Test
  void confirmingActivatesAndUnsubscribingEnds() {
    Subscription s = subscriptions().findOrCreate(mail("bo"), null, T0);
    Subscription c = subscriptions().confirm(s.id(), T0.plusSeconds(60)).orElseThrow();
    assertThat(c.status()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(c.confirmedAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(subscriptions().unsubscribe(s.id(), T0.plusSeconds(120))).isTrue();
    Subscription u = subscriptions().find(s.id()).orElseThrow();
    assertThat(u.status()).isEqualTo(SubscriptionStatus.UNSUBSCRIBED);
    assertThat(u.unsubscribedAt()).isEqualTo(T0.plusSeconds(120));
    assertThat(subscriptions().unsubscribe(s.id(), T0.plusSeconds(180))).as("idempotent").isTrue();
    assertThat(subscriptions().find(s.id()).orElseThrow().unsubscribedAt())
        .isEqualTo(T0.plusSeconds(120));
    assertThat(subscriptions().confirm(s.id(), T0.plusSeconds(240)).orElseThrow().status())
        .as("subscribing again after confirming anew")
        .isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(subscriptions().confirm(SubscriptionId.random(), T0)).isEmpty();
    assertThat(subscriptions().unsubscribe(SubscriptionId.random(), T0)).isFalse();
  }

  @Test
  void preferencesRoundTrip() {
    Subscription s = active("cy");
    DigestPreferences p =
        new DigestPreferences(
            Cadence.WEEKLY,
            EnumSet.of(Section.ALERTS, Section.TRENDING),
            Set.of("cs.CL", "math"),
            QuietDays.SKIP,
            true);
    assertThat(subscriptions().setPreferences(s.id(), p, T0).preferences()).isEqualTo(p);
    assertThat(subscriptions().find(s.id()).orElseThrow().preferences()).isEqualTo(p);
    assertThatThrownBy(() -> subscriptions().setPreferences(SubscriptionId.random(), p, T0))
        .isInstanceOf(java.util.NoSuchElementException.class);
  }

  @Test
  void alertsAreUniqueIgnoringCaseAndLimited() {
    Subscription s = active("di");
    assertThat(subscriptions().addAlert(new Alert(s.id(), "Retrieval  augmented generation", T0)))
        .isTrue();
    assertThat(subscriptions().addAlert(new Alert(s.id(), "retrieval augmented GENERATION", T0)))
        .isFalse();
    assertThat(subscriptions().alerts(s.id()))
        .extracting(Alert::query)
        .containsExactly("Retrieval augmented generation");
    for (int i = 1; i < Alert.MAX_PER_SUBSCRIPTION; i++) {
      subscriptions().addAlert(new Alert(s.id(), "topic " + i, T0.plusSeconds(i)));
    }
    assertThatThrownBy(() -> subscriptions().addAlert(new Alert(s.id(), "one too many", T0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most");
    assertThat(subscriptions().removeAlert(s.id(), "RETRIEVAL augmented generation")).isTrue();
    assertThat(subscriptions().removeAlert(s.id(), "retrieval augmented generation")).isFalse();
    assertThat(subscriptions().alerts(s.id())).hasSize(Alert.MAX_PER_SUBSCRIPTION - 1);
  }

  @Test
  void countsAndPurgeOfUnconfirmed() {
    active("e1");
    Subscription paused = active("e2");
    subscriptions().setPreferences(paused.id(), paused.preferences().withPaused(true), T0);
    subscriptions().findOrCreate(mail("e3"), null, T0.minus(Duration.ofDays(3)));
    subscriptions().findOrCreate(mail("e4"), null, T0);
    assertThat(subscriptions().counts())
        .containsEntry("active", 1L)
        .containsEntry("paused", 1L)
        .containsEntry("pending", 2L)
        .containsEntry("unsubscribed", 0L);
    assertThat(subscriptions().purgeUnconfirmed(T0.minus(Duration.ofDays(2)))).isEqualTo(1);
    assertThat(subscriptions().findByEmail(mail("e3"))).isEmpty();
    assertThat(subscriptions().findByEmail(mail("e4"))).isPresent();
  }

  // ---- editions and recipients ---------------------------------------------------------------

  @Test
  void theFirstStoredEditionWins() {
    Edition first = daily("2026-03-02");
    assertThat(editions().createEdition(first)).isEqualTo(first);
    Edition again =
        new Edition(first.id(), first.from(), first.to(), null, T0.plus(Duration.ofHours(1)));
    assertThat(editions().createEdition(again).createdAt()).isEqualTo(T0);
    assertThat(editions().findEdition(first.id()).orElseThrow().composedAt()).isNull();
    editions().markComposed(first.id(), T0.plusSeconds(5));
    assertThat(editions().findEdition(first.id()).orElseThrow().composedAt())
        .isEqualTo(T0.plusSeconds(5));
    editions().createEdition(daily("2026-03-03"));
    assertThat(editions().editions(10))
        .extracting(e -> e.edition().id().value())
        .containsExactly("daily-2026-03-03", "daily-2026-03-02");
  }

  @Test
  void recipientsAreTheActiveUnpausedUnsuppressedOfTheCadenceWithoutADelivery() {
    Subscription a = active("r-a");
    Subscription weekly = active("r-b");
    subscriptions()
        .setPreferences(weekly.id(), weekly.preferences().withCadence(Cadence.WEEKLY), T0);
    Subscription paused = active("r-c");
    subscriptions().setPreferences(paused.id(), paused.preferences().withPaused(true), T0);
    subscriptions().findOrCreate(mail("r-d"), null, T0); // pending
    Subscription gone = active("r-e");
    subscriptions().unsubscribe(gone.id(), T0);
    Subscription bad = active("r-f");
    suppressions().suppress(mail("R-F"), "550 5.1.1 no such user", T0);
    Subscription done = active("r-g");
    Edition e = editions().createEdition(daily("2026-03-02"));
    editions()
        .enqueue(
            e, List.of(new NewDelivery(done.id(), done.email(), content(), "nothing")), DOMAIN, T0);

    List<Recipient> got = editions().recipientsWithout(e.id(), null, 100);
    assertThat(got).extracting(Recipient::id).containsExactly(a.id());
    assertThat(bad.id()).isNotNull();
    assertThat(editions().recipientsWithout(EditionId.of(Cadence.WEEKLY, e.day()), null, 100))
        .extracting(Recipient::id)
        .containsExactly(weekly.id());
  }

  @Test
  void recipientsPageInIdOrderWithAlertsAccountsAndRecentPapers() {
    List<SubscriptionId> ids = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      ids.add(active("p" + i).id());
    }
    Collections.sort(ids);
    UserId user = account(mail("p3"));
    SubscriptionId withAlert = subscriptions().findByEmail(mail("p3")).orElseThrow().id();
    subscriptions().addAlert(new Alert(withAlert, "graph neural networks", T0));
    subscriptions().addAlert(new Alert(withAlert, "diffusion", T0.plusSeconds(1)));
    Edition e = editions().createEdition(daily("2026-03-02"));
    List<Recipient> first = editions().recipientsWithout(e.id(), null, 4);
    List<Recipient> second = editions().recipientsWithout(e.id(), first.get(3).id(), 4);
    List<SubscriptionId> all = new ArrayList<>();
    first.forEach(r -> all.add(r.id()));
    second.forEach(r -> all.add(r.id()));
    assertThat(all).containsExactlyElementsOf(ids);
    Recipient p3 =
        all.indexOf(withAlert) < 4
            ? first.get(all.indexOf(withAlert))
            : second.get(all.indexOf(withAlert) - 4);
    assertThat(p3.user()).as("the account with the same address").isEqualTo(user);
    assertThat(p3.alerts()).containsExactly("graph neural networks", "diffusion");
    assertThat(p3.recent()).isEmpty();

    Subscription s = subscriptions().find(withAlert).orElseThrow();
    editions()
        .enqueue(
            e,
            List.of(new NewDelivery(s.id(), s.email(), content("2603.00001", "2603.00002"), null)),
            DOMAIN,
            T0);
    Edition next = editions().createEdition(daily("2026-03-03"));
    Recipient again =
        editions().recipientsWithout(next.id(), null, 100).stream()
            .filter(r -> r.id().equals(withAlert))
            .findFirst()
            .orElseThrow();
    assertThat(again.recent())
        .containsExactlyInAnyOrder(ArxivId.parse("2603.00001"), ArxivId.parse("2603.00002"));
  }

  @Test
  void recentPapersKeepTheLastThreeEditions() {
    Subscription s = active("k");
    String[] days = {"2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05"};
    for (int i = 0; i < days.length; i++) {
      Edition e = editions().createEdition(daily(days[i]));
      editions()
          .enqueue(
              e,
              List.of(new NewDelivery(s.id(), s.email(), content("2603.0000" + (i + 1)), null)),
              DOMAIN,
              T0);
    }
    Recipient r = editions().recipientsWithout(daily("2026-03-06").id(), null, 10).get(0);
    assertThat(r.recent())
        .containsExactlyInAnyOrder(
            ArxivId.parse("2603.00002"), ArxivId.parse("2603.00003"), ArxivId.parse("2603.00004"));
  }

  @Test
  void enqueueIsIdempotentAndFixesTheMessageIdAndContent() {
    Subscription a = active("q-a");
    Subscription b = active("q-b");
    Edition e = editions().createEdition(daily("2026-03-02"));
    EditionContent c1 = content("2603.00001");
    int added =
        editions()
            .enqueue(
                e,
                List.of(
                    new NewDelivery(a.id(), a.email(), c1, null),
                    new NewDelivery(
                        b.id(), b.email(), new EditionContent(List.of(), null), "nothing")),
                DOMAIN,
                T0);
    assertThat(added).isEqualTo(2);
    assertThat(
            editions()
                .enqueue(
                    e,
                    List.of(new NewDelivery(a.id(), a.email(), content("2603.00009"), null)),
                    DOMAIN,
                    T0.plusSeconds(9)))
        .isZero();
    Delivery d = editions().findDelivery(e.id(), a.id()).orElseThrow();
    assertThat(d.status()).isEqualTo(DeliveryStatus.QUEUED);
    assertThat(d.content()).isEqualTo(c1);
    assertThat(d.messageId().value()).isEqualTo("digest.daily-2026-03-02." + a.id() + "@" + DOMAIN);
    assertThat(d.dueAt()).isEqualTo(T0);
    assertThat(d.attempts()).isZero();
    Delivery skipped = editions().findDelivery(e.id(), b.id()).orElseThrow();
    assertThat(skipped.status()).isEqualTo(DeliveryStatus.SKIPPED);
    assertThat(skipped.lastError()).isEqualTo("nothing");
    assertThat(skipped.dueAt()).isNull();
    assertThat(outbox().counts(e.id()).get(DeliveryStatus.QUEUED)).isEqualTo(1);
    assertThat(outbox().counts(null).total()).isEqualTo(2);
  }

  @Test
  void contentWithNotesAndReasonsRoundTrips() {
    Subscription a = active("rt");
    Edition e = editions().createEdition(daily("2026-03-02"));
    EditionContent c =
        EditionContent.of(
            List.of(
                new DigestItem(ArxivId.parse("2603.00001"), Section.TRENDING, Reason.trending(42)),
                new DigestItem(
                    ArxivId.parse("2603.00002"),
                    Section.PICKS,
                    Reason.similar("Attention \"Is\" All You Need, \u00e9t\u00e9", "saved")),
                new DigestItem(
                    ArxivId.parse("2603.00003"), Section.ALERTS, Reason.alert("rag \u2192 llm"))),
            null);
    editions().enqueue(e, List.of(new NewDelivery(a.id(), a.email(), c, null)), DOMAIN, T0);
    assertThat(editions().findDelivery(e.id(), a.id()).orElseThrow().content()).isEqualTo(c);
    Subscription b = active("rt2");
    EditionContent note = EditionContent.quiet("No announcement today (Good Friday).");
    editions().enqueue(e, List.of(new NewDelivery(b.id(), b.email(), note, null)), DOMAIN, T0);
    assertThat(editions().findDelivery(e.id(), b.id()).orElseThrow().content()).isEqualTo(note);
  }

  // ---- the outbox -------------------------------------------------------------------------------

  @Test
  void claimTakesDueRowsAndOnlyTheHolderRecords() {
    Subscription a = active("o-a");
    Subscription b = active("o-b");
    Edition e = queueFor(daily("2026-03-02"), List.of(a, b));
    assertThat(outbox().claim("n1", T0.minusSeconds(1), LEASE, 10)).as("not yet due").isEmpty();
    List<Claim> claims = outbox().claim("n1", T0, LEASE, 10);
    assertThat(claims).hasSize(2);
    Claim c = claims.get(0);
    assertThat(c.delivery().status()).isEqualTo(DeliveryStatus.SENDING);
    assertThat(c.delivery().attempts()).isEqualTo(1);
    assertThat(c.until()).isEqualTo(T0.plus(LEASE));
    assertThat(outbox().claim("n2", T0.plusSeconds(10), LEASE, 10)).as("held").isEmpty();

    Claim forged = new Claim(c.delivery(), "not-the-token", c.until());
    assertThat(outbox().sent(forged, T0)).isFalse();
    assertThat(outbox().sent(c, T0.plusSeconds(1))).isTrue();
    assertThat(outbox().sent(c, T0.plusSeconds(2))).as("recorded once").isFalse();
    Delivery d = editions().findDelivery(e.id(), c.delivery().subscription()).orElseThrow();
    assertThat(d.status()).isEqualTo(DeliveryStatus.SENT);
    assertThat(d.sentAt()).isEqualTo(T0.plusSeconds(1));
    assertThat(d.dueAt()).isNull();
    OutboxCounts counts = outbox().counts(e.id());
    assertThat(counts.get(DeliveryStatus.SENT)).isEqualTo(1);
    assertThat(counts.get(DeliveryStatus.SENDING)).isEqualTo(1);
  }

  @Test
  void aClaimThatRunsOutIsTakenOverAndTheOldHolderCanNoLongerRecord() {
    Subscription a = active("l-a");
    Edition e = queueFor(daily("2026-03-02"), List.of(a));
    Claim first = outbox().claim("dead", T0, LEASE, 10).get(0);
    assertThat(outbox().claim("n2", T0.plus(LEASE).minusSeconds(1), LEASE, 10)).isEmpty();
    List<Claim> again = outbox().claim("n2", T0.plus(LEASE), LEASE, 10);
    assertThat(again).hasSize(1);
    assertThat(again.get(0).delivery().attempts()).isEqualTo(2);
    assertThat(again.get(0).delivery().messageId()).isEqualTo(first.delivery().messageId());
    assertThat(outbox().sent(first, T0.plus(LEASE))).isFalse();
    assertThat(outbox().renew(List.of(first), T0.plus(LEASE.multipliedBy(2)))).isEmpty();
    assertThat(outbox().sent(again.get(0), T0.plus(LEASE))).isTrue();
    assertThat(editions().findDelivery(e.id(), a.id()).orElseThrow().status())
        .isEqualTo(DeliveryStatus.SENT);
  }

  @Test
  void renewExtendsAHeldClaim() {
    Subscription a = active("n-a");
    queueFor(daily("2026-03-02"), List.of(a));
    Claim c = outbox().claim("n1", T0, LEASE, 10).get(0);
    List<Claim> renewed = outbox().renew(List.of(c), T0.plus(Duration.ofMinutes(9)));
    assertThat(renewed).hasSize(1);
    assertThat(renewed.get(0).until()).isEqualTo(T0.plus(Duration.ofMinutes(9)));
    assertThat(outbox().claim("n2", T0.plus(LEASE).plusSeconds(1), LEASE, 10))
        .as("the renewed claim still holds")
        .isEmpty();
    assertThat(outbox().sent(renewed.get(0), T0.plus(Duration.ofMinutes(6)))).isTrue();
  }

  @Test
  void retryQueuesUntilItsTimeAndReleaseGivesTheAttemptBack() {
    Subscription a = active("t-a");
    Subscription b = active("t-b");
    Edition e = queueFor(daily("2026-03-02"), List.of(a, b));
    List<Claim> claims = outbox().claim("n1", T0, LEASE, 10);
    Claim ca =
        claims.stream()
            .filter(c -> c.delivery().subscription().equals(a.id()))
            .findFirst()
            .orElseThrow();
    Claim cb =
        claims.stream()
            .filter(c -> c.delivery().subscription().equals(b.id()))
            .findFirst()
            .orElseThrow();
    assertThat(outbox().retry(ca, T0.plusSeconds(60), "421 try later")).isTrue();
    assertThat(outbox().release(List.of(cb), T0.plusSeconds(1))).isEqualTo(1);
    Delivery db = editions().findDelivery(e.id(), b.id()).orElseThrow();
    assertThat(db.status()).isEqualTo(DeliveryStatus.QUEUED);
    assertThat(db.attempts()).as("a release is no attempt").isZero();
    Delivery da = editions().findDelivery(e.id(), a.id()).orElseThrow();
    assertThat(da.status()).isEqualTo(DeliveryStatus.QUEUED);
    assertThat(da.attempts()).isEqualTo(1);
    assertThat(da.lastError()).isEqualTo("421 try later");
    assertThat(outbox().claim("n1", T0.plusSeconds(59), LEASE, 10))
        .extracting(c -> c.delivery().subscription())
        .containsExactly(b.id());
    List<Claim> later = outbox().claim("n1", T0.plusSeconds(60), LEASE, 10);
    assertThat(later).extracting(c -> c.delivery().subscription()).containsExactly(a.id());
    assertThat(later.get(0).delivery().attempts()).isEqualTo(2);
  }

  @Test
  void aPermanentFailureCanSuppressTheAddressInTheSameStep() {
    Subscription a = active("f-a");
    Subscription b = active("f-b");
    Edition e = queueFor(daily("2026-03-02"), List.of(a, b));
    List<Claim> claims = outbox().claim("n1", T0, LEASE, 10);
    for (Claim c : claims) {
      boolean bad = c.delivery().subscription().equals(a.id());
      assertThat(outbox().fail(c, T0, bad ? "550 5.1.1 no such user" : "554 5.7.1 spam", bad))
          .isTrue();
    }
    assertThat(suppressions().isSuppressed(EmailAddress.parse("e", "F-A@example.org"))).isTrue();
    assertThat(suppressions().isSuppressed(b.email())).isFalse();
    assertThat(suppressions().countSuppressed()).isEqualTo(1);
    assertThat(suppressions().suppressions(10).get(0).reason()).contains("5.1.1");
    assertThat(outbox().failures(e.id(), 10)).hasSize(2);
    assertThat(outbox().counts(e.id()).get(DeliveryStatus.FAILED)).isEqualTo(2);
    assertThat(suppressions().unsuppress(a.email())).isTrue();
    assertThat(suppressions().isSuppressed(a.email())).isFalse();
  }

  @Test
  void claimSkipsRowsOfSubscribersWhoLeftPausedOrWereSuppressed() {
    Subscription stays = active("s-a");
    Subscription left = active("s-b");
    Subscription paused = active("s-c");
    Subscription bad = active("s-d");
    Edition e = queueFor(daily("2026-03-02"), List.of(stays, left, paused, bad));
    subscriptions().unsubscribe(left.id(), T0);
    subscriptions().setPreferences(paused.id(), paused.preferences().withPaused(true), T0);
    suppressions().suppress(bad.email(), "550", T0);
    List<Claim> claims = outbox().claim("n1", T0, LEASE, 10);
    assertThat(claims).extracting(c -> c.delivery().subscription()).containsExactly(stays.id());
    assertThat(outbox().counts(e.id()).get(DeliveryStatus.SKIPPED)).isEqualTo(3);
    assertThat(editions().findDelivery(e.id(), left.id()).orElseThrow().lastError())
        .contains("unsubscribed");
  }

  @Test
  void claimsAreInDueOrderAndLimited() {
    List<Subscription> subs = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      subs.add(active("d" + i));
    }
    queueFor(daily("2026-03-02"), subs);
    assertThat(outbox().claim("n1", T0, LEASE, 2)).hasSize(2);
    assertThat(outbox().claim("n1", T0, LEASE, 2)).hasSize(2);
    assertThat(outbox().claim("n1", T0, LEASE, 2)).hasSize(1);
    assertThat(outbox().claim("n1", T0, LEASE, 2)).isEmpty();
  }

  @Test
  void concurrentClaimsAreDisjoint() throws Exception {
    List<Subscription> subs = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      subs.add(active("c" + i));
    }
    queueFor(daily("2026-03-02"), subs);
    ExecutorService pool = Executors.newFixedThreadPool(claimers());
    try {
      List<Future<List<String>>> futures = new ArrayList<>();
      for (int t = 0; t < claimers(); t++) {
        String owner = "node" + t;
        Callable<List<String>> task =
            () -> {
              List<String> mine = new ArrayList<>();
              while (true) {
                List<Claim> got = outbox().claim(owner, T0, LEASE, 7);
                if (got.isEmpty()) {
                  return mine;
                }
                for (Claim c : got) {
                  mine.add(c.delivery().subscription().value());
                  assertThat(outbox().sent(c, T0)).isTrue();
                }
              }
            };
        futures.add(pool.submit(task));
      }
      List<String> all = new ArrayList<>();
      for (Future<List<String>> f : futures) {
        all.addAll(f.get());
      }
      assertThat(all).hasSize(200);
      assertThat(new HashSet<>(all)).hasSize(200);
    } finally {
      pool.shutdownNow();
    }
  }
}
