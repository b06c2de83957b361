package dev.paperboy.ingest.live;

import dev.paperboy.core.jobs.ExclusiveRunner;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link DailyIngest} on a {@link DailySchedule}, on one background thread, for {@code
 * serve}. After each run the next is scheduled from the clock; a run that throws is logged and the
 * schedule goes on. {@link #close()} interrupts a run in progress, which stops between pages (the
 * harvest resumes from its checkpoint next time).
 *
 * <p>With several app nodes, every node runs the schedule and each run goes through a {@link
 * ExclusiveRunner.Guard}: the node that takes the job's lease ({@value #JOB}) in the store runs it,
 * the others skip that run.
 */
public final class DailyIngestScheduler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DailyIngestScheduler.class);

  /** The job's name in the lease table. */
  public static final String JOB = "daily-ingest";

  private final DailyIngest job;
  private final DailySchedule schedule;
  private final Clock clock;
  private final ExclusiveRunner.Guard guard;
  private final ScheduledExecutorService executor;

  /** A scheduler for a single node: every run runs here. */
  public DailyIngestScheduler(DailyIngest job, DailySchedule schedule, Clock clock) {
    this(job, schedule, clock, ExclusiveRunner.UNGUARDED);
  }

  /**
   * @param guard runs each run only on the node holding the job's lease
   */
  public DailyIngestScheduler(
      DailyIngest job, DailySchedule schedule, Clock clock, ExclusiveRunner.Guard guard) {
    this.guard = guard;
    this.job = job;
    this.schedule = schedule;
    this.clock = clock;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "paperboy-daily-ingest");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Starts the schedule.
   *
   * @param runNow also run once right away (catching up after downtime); every write is idempotent,
   *     so an extra run is harmless
   */
  public void start(boolean runNow) {
    if (runNow) {
      executor.execute(this::runAndReschedule);
    } else {
      scheduleNext();
    }
  }

  /** How long until the next run, from the clock. */
  public Duration untilNextRun() {
    Instant now = clock.instant();
    return Duration.between(now, schedule.nextRun(now));
  }

  private void scheduleNext() {
    Duration wait = untilNextRun();
    log.info("next daily ingest in {} (at {})", wait, clock.instant().plus(wait));
    executor.schedule(this::runAndReschedule, wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void runAndReschedule() {
    try {
      boolean ran =
          guard.runExclusively(
              JOB,
              () -> {
                try {
                  job.runOnce();
                } catch (InterruptedIOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      if (!ran) {
        log.info("daily ingest skipped: another node holds the {} lease", JOB);
      }
    } catch (UncheckedIOException e) {
      if (!(e.getCause() instanceof InterruptedIOException)) {
        log.error("daily ingest failed", e);
      } else {
        log.info("daily ingest interrupted: {}", e.getCause().getMessage());
        if (executor.isShutdown()) {
          return;
        }
      }
    } catch (RuntimeException e) {
      log.error("daily ingest failed", e);
    }
    if (!executor.isShutdown()) {
      scheduleNext();
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
        log.warn("the daily ingest did not stop within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
