package dev.paperboy.digest;

import dev.paperboy.core.digest.DigestSender;
import dev.paperboy.core.digest.Edition;
import dev.paperboy.core.digest.EditionBuilder;
import dev.paperboy.core.digest.EditionPlanner;
import dev.paperboy.core.digest.EditionStore;
import dev.paperboy.core.digest.SendReport;
import dev.paperboy.core.jobs.ExclusiveRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds and sends the digests on arXiv's calendar, for {@code serve}. Every {@code poll} it:
 *
 * <ol>
 *   <li>plans today's editions (daily on weekdays, weekly on the weekly day; {@link
 *       EditionPlanner}) once the configured time of day (UTC) has come;
 *   <li>builds each that is not composed yet, as soon as the day's papers have arrived ({@link
 *       Readiness}: the daily ingest has stored the day's list, when live ingestion runs) or, at
 *       the latest, {@code maxWait} after the configured time; an edition whose build was
 *       interrupted (a crash) is finished the same way, since building is resumable;
 *   <li>drains the outbox: new deliveries and retries that have come due.
 * </ol>
 *
 * <p>Each check runs as the {@value #JOB} job of the app's {@link ExclusiveRunner.Guard}: with
 * several nodes, the node holding the job's lease in the store plans, builds and sends, and the
 * others skip the check. The lease is renewed while the work runs and lapses when the node dies
 * ({@code jobs.lease.ttl}); the next node to check then takes it and carries on where the dead one
 * stopped: building is resumable (rows are inserted only if absent), and the outbox rows the dead
 * node had claimed are taken over once their claims run out ({@code digest.lease}). Outbox claims
 * stay exclusive per row as well, so a {@code paperboy digest run} next to a serving node, or a
 * node that stalled past its lease, still never sends a row twice on purpose.
 */
public final class DigestScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DigestScheduler.class);

  /** The job each check runs as, in the lease table. */
  public static final String JOB = "digest";

  /** Whether the papers of a list day have arrived. */
  @FunctionalInterface
  public interface Readiness {
    boolean ready(LocalDate listDay);
  }

  /**
   * @param sendAt the time of day (UTC) editions are built and sent from
   * @param maxWait how long after {@code sendAt} an edition waits for its day's papers at most
   * @param poll how often the schedule is checked
   */
  public record Settings(LocalTime sendAt, Duration maxWait, Duration poll) {
    public Settings {
      if (sendAt == null) {
        throw new IllegalArgumentException("sendAt must not be null");
      }
      if (maxWait == null || maxWait.isNegative() || maxWait.compareTo(Duration.ofHours(20)) > 0) {
        throw new IllegalArgumentException("maxWait must be 0..20 hours, maxWait: " + maxWait);
      }
      if (poll == null || poll.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("poll must be at least 1 second, poll: " + poll);
      }
    }
  }

  /**
   * What one check did.
   *
   * @param ranHere false when another node holds the {@value #JOB} lease (and nothing was done)
   */
  public record Tick(
      boolean ranHere,
      List<EditionBuilder.Report> built,
      List<String> waiting,
      @Nullable SendReport sent) {
    static Tick elsewhere() {
      return new Tick(false, List.of(), List.of(), null);
    }
  }

  private final EditionPlanner planner;
  private final EditionStore editions;
  private final EditionBuilder builder;
  private final DigestSender sender;
  private final Readiness readiness;
  private final ExclusiveRunner.Guard guard;
  private final Clock clock;
  private final Settings settings;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final ScheduledExecutorService executor;
  private volatile String lastWaiting = "";

  public DigestScheduler(
      EditionPlanner planner,
      EditionStore editions,
      EditionBuilder builder,
      DigestSender sender,
      Readiness readiness,
      ExclusiveRunner.Guard guard,
      Clock clock,
      Settings settings) {
    this.planner = planner;
    this.editions = editions;
    this.builder = builder;
    this.sender = sender;
    this.readiness = readiness;
    this.guard = guard;
    this.clock = clock;
    this.settings = settings;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "paperboy-digest");
              t.setDaemon(true);
              return t;
            });
  }

  /** Checks the schedule now and then every {@code poll}. */
  public void start() {
    LOG.info(
        "digests: built from {} UTC ({} on weekly days), checked every {}",
        settings.sendAt(),
        planner.weeklyDay(),
        settings.poll());
    executor.scheduleWithFixedDelay(
        () -> {
          try {
            tick();
          } catch (RuntimeException e) {
            LOG.error("digest run failed; the next check tries again", e);
          }
        },
        0,
        settings.poll().toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /**
   * One check of the schedule, if this node gets the {@value #JOB} lease: builds what is due and
   * ready, then sends what is due.
   */
  public Tick tick() {
    AtomicReference<Tick> done = new AtomicReference<>();
    if (!guard.runExclusively(JOB, () -> done.set(check()))) {
      LOG.debug("digests: another node holds the {} lease", JOB);
      return Tick.elsewhere();
    }
    return done.get();
  }

  private Tick check() {
    Instant now = clock.instant();
    List<Edition> due = new ArrayList<>();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    Instant start = today.atTime(settings.sendAt()).toInstant(ZoneOffset.UTC);
    if (!now.isBefore(start)) {
      due.addAll(planner.editionsOn(today, now));
    }
    // Editions whose build was cut short (a crash, a restart) are finished whatever their day.
    for (EditionStore.StoredEdition e : editions.editions(10)) {
      if (e.composedAt() == null && due.stream().noneMatch(d -> d.id().equals(e.edition().id()))) {
        due.add(e.edition());
      }
    }
    List<EditionBuilder.Report> built = new ArrayList<>();
    List<String> waiting = new ArrayList<>();
    for (Edition e : due) {
      if (closed.get() || Thread.currentThread().isInterrupted()) {
        break;
      }
      Optional<EditionStore.StoredEdition> stored = editions.findEdition(e.id());
      if (stored.isPresent() && stored.get().composedAt() != null) {
        continue;
      }
      boolean late = !now.isBefore(start.plus(settings.maxWait()));
      if (!e.quiet() && stored.isEmpty() && !readiness.ready(e.to()) && !late) {
        waiting.add(e.id().value());
        continue;
      }
      if (!e.quiet() && stored.isEmpty() && !readiness.ready(e.to())) {
        LOG.warn(
            "edition {}: the papers of {} have not arrived {} after {} UTC; building it anyway",
            e.id(),
            e.to(),
            settings.maxWait(),
            settings.sendAt());
      }
      built.add(builder.build(e, n -> {}));
    }
    String w = String.join(",", waiting);
    if (!w.isEmpty() && !w.equals(lastWaiting)) {
      LOG.info("editions {} wait for the day's papers (the daily ingest)", w);
    }
    lastWaiting = w;
    SendReport sent = sender.drain(() -> !closed.get() && !Thread.currentThread().isInterrupted());
    if (sent.sent() + sent.failed() + sent.retried() > 0) {
      LOG.info(
          "digests: {} sent, {} to retry, {} failed ({} suppressed) in {} ms",
          sent.sent(),
          sent.retried(),
          sent.failed(),
          sent.suppressed(),
          sent.took().toMillis());
    }
    return new Tick(true, built, waiting, sent);
  }

  @Override
  public void close() {
    closed.set(true);
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.warn("the digest scheduler did not stop within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
