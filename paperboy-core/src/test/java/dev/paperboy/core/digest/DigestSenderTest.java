package dev.paperboy.core.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.mail.FailureKind;
import dev.paperboy.core.mail.Mailer;
import dev.paperboy.core.mail.OutgoingMessage;
import dev.paperboy.core.mail.SendReceipt;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.testing.InMemoryDigestStore;
import dev.paperboy.core.testing.MutableClock;
import dev.paperboy.core.testing.RecordingMailer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DigestSenderTest {
  static final Instant T0 = Instant.parse("2026-03-02T07:00:00Z");
  static final LocalDate DAY = LocalDate.of(2026, 3, 2);

  final MutableClock clock = new MutableClock(T0);
  final InMemoryDigestStore store = new InMemoryDigestStore();
  final Edition edition =
      store.createEdition(new Edition(EditionId.of(Cadence.DAILY, DAY), DAY, DAY, null, T0));
  final MessageRenderer renderer =
      (d, e) ->
          OutgoingMessage.builder()
              .messageId(d.messageId())
              .from("digest@paperboy.example")
              .to(d.to())
              .subject("Papers of " + e.day())
              .text("papers: " + d.content().papers())
              .build();

  List<Subscription> subscribers(int n) {
    List<Subscription> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Subscription s =
          store.findOrCreate(
              dev.paperboy.core.mail.EmailAddress.parse("e", "reader" + i + "@example.org"),
              null,
              T0);
      out.add(store.confirm(s.id(), T0).orElseThrow());
    }
    List<NewDelivery> ds = new ArrayList<>();
    for (Subscription s : out) {
      ds.add(
          new NewDelivery(
              s.id(),
              s.email(),
              new EditionContent(
                  List.of(
                      new DigestItem(
                          ArxivId.parse("2603.00001"), Section.TRENDING, Reason.trending(5))),
                  null),
              null));
    }
    store.enqueue(edition, ds, "paperboy.example", T0);
    return out;
  }

  DigestSender sender(Mailer mailer, SenderSettings settings) {
    return new DigestSender(store, store, mailer, renderer, settings, clock);
  }

  SenderSettings settings() {
    return SenderSettings.defaults("test:1").withBatch(7);
  }

  @Test
  void sendsEveryQueuedMessageOnceWithItsFixedMessageId() {
    subscribers(20);
    RecordingMailer mailer = new RecordingMailer();
    SendReport r = sender(mailer, settings()).drain();
    assertThat(r.sent()).isEqualTo(20);
    assertThat(r.stopped()).isFalse();
    assertThat(mailer.sent()).hasSize(20);
    assertThat(new HashSet<>(mailer.sent().stream().map(OutgoingMessage::messageId).toList()))
        .hasSize(20);
    for (OutgoingMessage m : mailer.sent()) {
      Delivery d =
          store.deliveries().stream()
              .filter(x -> x.messageId().equals(m.messageId()))
              .findFirst()
              .orElseThrow();
      assertThat(d.to()).isEqualTo(m.to());
      assertThat(d.status()).isEqualTo(DeliveryStatus.SENT);
    }
    assertThat(sender(mailer, settings()).drain().sent()).as("nothing twice").isZero();
  }

  @Test
  void temporaryFailuresAreRetriedWithGrowingBackoffThenGivenUp() {
    Subscription s = subscribers(1).get(0);
    RecordingMailer mailer =
        new RecordingMailer().failFor(s.email().value(), FailureKind.TEMPORARY);
    SenderSettings st = settings().withRetries(3, Duration.ofMinutes(1), Duration.ofHours(1));
    DigestSender sender = sender(mailer, st);
    assertThat(sender.drain().retried()).isEqualTo(1);
    Delivery d = store.findDelivery(edition.id(), s.id()).orElseThrow();
    assertThat(d.status()).isEqualTo(DeliveryStatus.QUEUED);
    assertThat(d.attempts()).isEqualTo(1);
    // Equal jitter: between half the backoff and all of it.
    assertThat(d.dueAt()).isBetween(T0.plusSeconds(30), T0.plusSeconds(60));
    assertThat(sender.drain().sent()).as("not due yet").isZero();
    clock.set(d.dueAt());
    sender.drain();
    Delivery d2 = store.findDelivery(edition.id(), s.id()).orElseThrow();
    assertThat(d2.attempts()).isEqualTo(2);
    assertThat(d2.dueAt()).isBetween(d.dueAt().plusSeconds(60), d.dueAt().plusSeconds(120));
    clock.set(d2.dueAt());
    SendReport last = sender.drain();
    assertThat(last.failed()).isEqualTo(1);
    Delivery d3 = store.findDelivery(edition.id(), s.id()).orElseThrow();
    assertThat(d3.status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(d3.lastError()).startsWith("gave up after 3 attempts");
    assertThat(store.isSuppressed(s.email())).isFalse();
  }

  @Test
  void aTemporaryFailureThatClearsIsSentOnTheRetry() {
    Subscription s = subscribers(1).get(0);
    RecordingMailer mailer =
        new RecordingMailer().failFor(s.email().value(), FailureKind.TEMPORARY, 1);
    DigestSender sender = sender(mailer, settings());
    sender.drain();
    clock.advance(Duration.ofMinutes(2));
    assertThat(sender.drain().sent()).isEqualTo(1);
    assertThat(mailer.attempts()).hasSize(2);
    assertThat(mailer.attempts().get(0).messageId())
        .isEqualTo(mailer.attempts().get(1).messageId());
  }

  @Test
  void aBadRecipientIsFailedAndSuppressedAndTheRestGoOut() {
    List<Subscription> subs = subscribers(5);
    RecordingMailer mailer =
        new RecordingMailer()
            .failFor(subs.get(1).email().value(), FailureKind.BAD_RECIPIENT)
            .failFor(subs.get(3).email().value(), FailureKind.MESSAGE_REFUSED);
    SendReport r = sender(mailer, settings()).drain();
    assertThat(r.sent()).isEqualTo(3);
    assertThat(r.failed()).isEqualTo(2);
    assertThat(r.suppressed()).isEqualTo(1);
    assertThat(store.isSuppressed(subs.get(1).email())).isTrue();
    assertThat(store.isSuppressed(subs.get(3).email()))
        .as("a refused message keeps its recipient")
        .isFalse();
    assertThat(store.counts(edition.id()).get(DeliveryStatus.FAILED)).isEqualTo(2);
    // The next edition is not even composed for the suppressed address.
    EditionId next = EditionId.of(Cadence.DAILY, DAY.plusDays(1));
    assertThat(store.recipientsWithout(next, null, 10))
        .extracting(Recipient::id)
        .doesNotContain(subs.get(1).id())
        .contains(subs.get(3).id());
  }

  @Test
  void aMisconfigurationStopsAtOnceAndKeepsEverythingQueued() {
    subscribers(12);
    RecordingMailer mailer = new RecordingMailer().failWhen(m -> FailureKind.MISCONFIGURED);
    SendReport r = sender(mailer, settings()).drain();
    assertThat(r.stopped()).isTrue();
    assertThat(r.stopReason()).contains("refuses our setup").contains("paperboy digest run");
    assertThat(mailer.attempts()).as("stops at the first").hasSize(1);
    assertThat(r.failed()).isZero();
    assertThat(store.countSuppressed()).isZero();
    assertThat(store.counts(edition.id()).get(DeliveryStatus.QUEUED)).isEqualTo(12);
    assertThat(store.deliveries()).allMatch(d -> d.attempts() == 0);
    // Fixed: the next run sends them all.
    RecordingMailer fixed = new RecordingMailer();
    assertThat(sender(fixed, settings()).drain().sent()).isEqualTo(12);
  }

  @Test
  void manyBadRecipientsInARowStopTheSender() {
    subscribers(10);
    RecordingMailer mailer = new RecordingMailer().failWhen(m -> FailureKind.BAD_RECIPIENT);
    SendReport r = sender(mailer, settings().withBadRecipientAlarm(4)).drain();
    assertThat(r.stopped()).isTrue();
    assertThat(r.stopReason()).contains("4 bad-recipient failures in a row");
    assertThat(r.suppressed()).isEqualTo(4);
    assertThat(store.counts(edition.id()).get(DeliveryStatus.QUEUED)).isEqualTo(6);
  }

  @Test
  void aClaimAboutToRunOutIsRenewedBeforeTheNextSend() {
    subscribers(3);
    SenderSettings st =
        settings().withLease(Duration.ofMinutes(5), Duration.ofMinutes(1)).withBatch(3);
    AtomicInteger sends = new AtomicInteger();
    AtomicInteger stolen = new AtomicInteger();
    Mailer slow =
        new Mailer() {
          @Override
          public SendReceipt send(OutgoingMessage m) {
            sends.incrementAndGet();
            clock.advance(Duration.ofMinutes(2)); // each send takes two minutes
            // Another node trying to take over: it must find every claim still held.
            stolen.addAndGet(
                store.claim("intruder", clock.instant(), Duration.ofMinutes(5), 10).size());
            return new SendReceipt(m.messageId(), "250", false);
          }

          @Override
          public String describe() {
            return "slow";
          }

          @Override
          public void close() {}
        };
    SendReport r = sender(slow, st).drain();
    assertThat(r.sent()).isEqualTo(3);
    assertThat(r.lost()).isZero();
    assertThat(stolen.get())
        .as("the third send would outlive the claim without a renewal")
        .isZero();
    assertThat(sends.get()).isEqualTo(3);
    assertThat(store.counts(edition.id()).get(DeliveryStatus.SENT)).isEqualTo(3);
  }

  @Test
  void severalThreadsSendEachMessageOnce() {
    subscribers(150);
    RecordingMailer mailer = new RecordingMailer();
    SendReport r = sender(mailer, settings().withThreads(3)).drain();
    assertThat(r.sent()).isEqualTo(150);
    assertThat(mailer.attempts()).hasSize(150);
    assertThat(new HashSet<>(mailer.sent().stream().map(m -> m.to().value()).toList()))
        .hasSize(150);
  }

  @Test
  void theRateLimitSpacesSends() {
    subscribers(6);
    long t0 = System.nanoTime();
    SendReport r = sender(new RecordingMailer(), settings().withPerSecond(50)).drain();
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertThat(r.sent()).isEqualTo(6);
    assertThat(ms)
        .as("6 sends at 50/s take at least 5 intervals of 20 ms")
        .isGreaterThanOrEqualTo(95);
  }

  @Test
  void aRenderFailureIsRetriedLater() {
    Subscription s = subscribers(1).get(0);
    DigestSender sender =
        new DigestSender(
            store,
            store,
            new RecordingMailer(),
            (d, e) -> {
              throw new IllegalStateException("template bug");
            },
            settings(),
            clock);
    SendReport r = sender.drain();
    assertThat(r.retried()).isEqualTo(1);
    assertThat(store.findDelivery(edition.id(), s.id()).orElseThrow().lastError())
        .contains("template bug");
  }
}
