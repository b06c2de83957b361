package dev.paperboy.core.digest;

import dev.paperboy.core.mail.FailureKind;
import dev.paperboy.core.mail.MailException;
import dev.paperboy.core.mail.Mailer;
import dev.paperboy.core.mail.OutgoingMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Drains the {@link Outbox}: claims due deliveries, renders and sends them one at a time, and
 * records each outcome right after the mail system answers (see {@link Outbox} for why that gives
 * exactly-once delivery).
 *
 * <p>What each failure does ({@link FailureKind}):
 *
 * <ul>
 *   <li>{@code TEMPORARY}: queued again after a backoff that doubles with every attempt (with
 *       jitter, so retries of many messages do not arrive together), up to the maximum number of
 *       attempts, then failed for good.
 *   <li>{@code BAD_RECIPIENT}: failed, and the address goes on the suppression list. Many in a row
 *       stop the sender (a relay misreporting its own trouble would otherwise suppress everyone).
 *   <li>{@code MESSAGE_REFUSED}: failed; the subscriber stays.
 *   <li>{@code MISCONFIGURED}: the sender stops at once, gives every claimed delivery back untried
 *       (they stay queued), and logs an error: nothing is suppressed or failed for a fault of our
 *       own setup. The next run (the scheduler's, or {@code paperboy digest run}) resumes.
 * </ul>
 *
 * <p>A render failure (a template bug, a store hiccup) is treated as temporary.
 *
 * <p>Logs through {@code java.util.logging} (core depends on the JDK only; the app routes it to its
 * logger).
 */
public final class DigestSender {
  private static final Logger LOG = Logger.getLogger(DigestSender.class.getName());

  private final Outbox outbox;
  private final EditionStore editions;
  private final Mailer mailer;
  private final MessageRenderer renderer;
  private final SenderSettings settings;
  private final Clock clock;
  private final Map<EditionId, Edition> editionCache = new ConcurrentHashMap<>();

  public DigestSender(
      Outbox outbox,
      EditionStore editions,
      Mailer mailer,
      MessageRenderer renderer,
      SenderSettings settings,
      Clock clock) {
    this.outbox = outbox;
    this.editions = editions;
    this.mailer = mailer;
    this.renderer = renderer;
    this.settings = settings;
    this.clock = clock;
  }

  public SenderSettings settings() {
    return settings;
  }

  /** Sends until nothing is due (retries waiting for their backoff stay for a later run). */
  public SendReport drain() {
    return drain(() -> !Thread.currentThread().isInterrupted());
  }

  /**
   * Sends until nothing is due, {@code keepGoing} turns false (checked before every message), or a
   * misconfiguration stops it.
   */
  public SendReport drain(BooleanSupplier keepGoing) {
    Run run = new Run(keepGoing);
    long t0 = System.nanoTime();
    if (settings.threads() == 1) {
      run.work();
    } else {
      ExecutorService pool =
          Executors.newFixedThreadPool(
              settings.threads(),
              r -> {
                Thread t = new Thread(r, "paperboy-digest-sender");
                t.setDaemon(true);
                return t;
              });
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < settings.threads(); i++) {
          futures.add(pool.submit(run::work));
        }
        for (Future<?> f : futures) {
          f.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        run.stop("interrupted");
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("a sender thread failed: " + e.getCause(), e.getCause());
      } finally {
        pool.shutdownNow();
        try {
          pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    return new SendReport(
        run.sent.get(),
        run.retried.get(),
        run.failed.get(),
        run.suppressed.get(),
        run.lost.get(),
        Duration.ofNanos(System.nanoTime() - t0),
        run.stopReason.get());
  }

  /** One drain: shared by its threads. */
  private final class Run {
    final BooleanSupplier keepGoing;
    final AtomicLong sent = new AtomicLong();
    final AtomicLong retried = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong suppressed = new AtomicLong();
    final AtomicLong lost = new AtomicLong();
    final AtomicInteger badInARow = new AtomicInteger();
    final AtomicReference<@Nullable String> stopReason = new AtomicReference<>();
    final Pacer pacer = new Pacer(settings.perSecond());

    Run(BooleanSupplier keepGoing) {
      this.keepGoing = keepGoing;
    }

    boolean going() {
      return stopReason.get() == null && keepGoing.getAsBoolean();
    }

    void stop(String reason) {
      stopReason.compareAndSet(null, reason);
    }

    void work() {
      while (going()) {
        List<Claim> claims =
            outbox.claim(settings.owner(), clock.instant(), settings.lease(), settings.batch());
        if (claims.isEmpty()) {
          return;
        }
        process(claims);
      }
    }

    private void process(List<Claim> batch) {
      List<Claim> held = new ArrayList<>(batch);
      int i = 0;
      while (i < held.size()) {
        if (!going()) {
          outbox.release(held.subList(i, held.size()), clock.instant());
          return;
        }
        Claim claim = held.get(i);
        Instant now = clock.instant();
        // Never start a send that could outlive the claim: renew the rest of the batch first.
        if (Duration.between(now, claim.until()).compareTo(settings.maxSendTime().multipliedBy(2))
            < 0) {
          List<Claim> rest = held.subList(i, held.size());
          List<Claim> renewed = outbox.renew(rest, now.plus(settings.lease()));
          lost.addAndGet(rest.size() - renewed.size());
          if (rest.size() != renewed.size()) {
            LOG.warning(
                (rest.size() - renewed.size())
                    + " digest deliveries were taken over by another sender before they were sent");
          }
          held = new ArrayList<>(held.subList(0, i));
          held.addAll(renewed);
          if (i >= held.size()) {
            return;
          }
          claim = held.get(i);
        }
        if (!sendOne(claim)) {
          // Stopped: give back what was not tried.
          outbox.release(held.subList(i + 1, held.size()), clock.instant());
          return;
        }
        i++;
      }
    }

    /** Sends one claimed delivery and records the outcome; false when the sender must stop. */
    private boolean sendOne(Claim claim) {
      Delivery d = claim.delivery();
      OutgoingMessage message;
      try {
        message = renderer.render(d, edition(d.edition()));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "cannot render digest " + d.key() + ": " + e.getMessage(), e);
        temporary(claim, "cannot render the message: " + e.getMessage());
        return true;
      }
      pacer.await();
      try {
        mailer.send(message);
      } catch (MailException e) {
        return failure(claim, e);
      }
      // Recorded at once: a kill between send and this line is the only way to send twice.
      if (outbox.sent(claim, clock.instant())) {
        sent.incrementAndGet();
      } else {
        lost.incrementAndGet();
        LOG.warning("digest " + d.key() + " was sent but its claim had been taken over");
      }
      badInARow.set(0);
      return true;
    }

    private boolean failure(Claim claim, MailException e) {
      Delivery d = claim.delivery();
      Instant now = clock.instant();
      String error = e.getMessage() == null ? e.kind().name() : e.getMessage();
      switch (e.kind()) {
        case TEMPORARY -> {
          badInARow.set(0);
          temporary(claim, error);
          return true;
        }
        case BAD_RECIPIENT -> {
          if (outbox.fail(claim, now, error, true)) {
            failed.incrementAndGet();
            suppressed.incrementAndGet();
          }
          LOG.info("digest " + d.key() + ": bad recipient, address suppressed: " + error);
          int bad = badInARow.incrementAndGet();
          if (bad >= settings.badRecipientAlarm()) {
            String reason =
                bad
                    + " bad-recipient failures in a row: stopping, as this more likely means"
                    + " the mail relay misreports its own trouble; last: "
                    + error;
            LOG.severe("DIGEST SENDING STOPPED: " + reason);
            stop(reason);
            return false;
          }
          return true;
        }
        case MESSAGE_REFUSED -> {
          badInARow.set(0);
          if (outbox.fail(claim, now, error, false)) {
            failed.incrementAndGet();
          }
          LOG.warning("digest " + d.key() + " refused by the mail system: " + error);
          return true;
        }
        case MISCONFIGURED -> {
          outbox.release(List.of(claim), now);
          String reason =
              "the mail system refuses our setup ("
                  + mailer.describe()
                  + "): "
                  + error
                  + ". Every delivery stays queued; fix the mail settings and run"
                  + " 'paperboy digest run' (or wait for the next scheduled run).";
          LOG.severe("DIGEST SENDING STOPPED: " + reason);
          stop(reason);
          return false;
        }
      }
      throw new AssertionError(e.kind());
    }

    private void temporary(Claim claim, String error) {
      Delivery d = claim.delivery();
      Instant now = clock.instant();
      int attempts = d.attempts();
      if (attempts >= settings.maxAttempts()) {
        if (outbox.fail(claim, now, "gave up after " + attempts + " attempts: " + error, false)) {
          failed.incrementAndGet();
        }
        LOG.warning("digest " + d.key() + " failed after " + attempts + " attempts: " + error);
        return;
      }
      Duration wait = settings.backoffAfter(attempts);
      // "Equal jitter": half the wait fixed, half random, so retries of a batch spread out.
      long half = wait.toMillis() / 2;
      Duration jittered =
          Duration.ofMillis(half + (half > 0 ? ThreadLocalRandom.current().nextLong(half + 1) : 0));
      if (outbox.retry(claim, now.plus(jittered), error)) {
        retried.incrementAndGet();
      }
    }
  }

  private Edition edition(EditionId id) {
    Edition e = editionCache.get(id);
    if (e != null) {
      return e;
    }
    Optional<EditionStore.StoredEdition> found = editions.findEdition(id);
    if (found.isEmpty()) {
      throw new IllegalStateException("edition " + id + " is not in the store");
    }
    editionCache.put(id, found.get().edition());
    return found.get().edition();
  }

  /** Spaces sends evenly at a rate shared by all threads of a run; no limit at rate 0. */
  static final class Pacer {
    private final long intervalNanos;
    private long next = System.nanoTime();

    Pacer(double perSecond) {
      this.intervalNanos = perSecond <= 0 ? 0 : (long) (1e9 / perSecond);
    }

    void await() {
      if (intervalNanos == 0) {
        return;
      }
      long wait;
      synchronized (this) {
        long now = System.nanoTime();
        if (next < now) {
          next = now;
        }
        wait = next - now;
        next += intervalNanos;
      }
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
    }
  }
}
