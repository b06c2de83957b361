package dev.paperboy.digest;

import dev.paperboy.core.digest.DigestSender;
import dev.paperboy.core.digest.Edition;
import dev.paperboy.core.digest.EditionBuilder;
import dev.paperboy.core.digest.EditionPlanner;
import dev.paperboy.core.digest.EditionStore;
import dev.paperboy.core.digest.SendReport;
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
 * <p>Building runs under the {@code digest-build} job of a {@link Guard} (a store lease with
 * several nodes), so one node builds an edition; sending runs on every node, since outbox claims
 * are exclusive per row.
 */
public final class DigestScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DigestScheduler.class);

  /** The job name building runs under. */
  public static final String BUILD_JOB = "digest-build";

  /**
   * Runs work as a named job on one node at a time (a store lease), or says another node has it.
   */
  @FunctionalInterface
  public interface Guard {
    /** Runs the work here unless another node holds the job; true when it ran here. */
    boolean runExclusively(String job, Runnable work);
  }

  /** Runs everything: for a single node. */
  public static final Guard UNGUARDED =
      (job, work) -> {
        work.run();
        return true;
      };

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

  /** What one check did. */
  public record Tick(List<EditionBuilder.Report> built, List<String> waiting, SendReport sent) {}

  private final EditionPlanner planner;
  private final EditionStore editions;
  private final EditionBuilder builder;
  private final DigestSender sender;
  private final Readiness readiness;
  private final Guard guard;
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
      Guard guard,
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

  /** One check of the schedule: builds what is due and ready, then sends what is due. */
  public Tick tick() {
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
      if (closed.get()) {
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
      boolean ran = guard.runExclusively(BUILD_JOB, () -> built.add(builder.build(e, n -> {})));
      if (!ran) {
        LOG.debug("edition {} is being built by another node", e.id());
      }
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
    return new Tick(built, waiting, sent);
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
