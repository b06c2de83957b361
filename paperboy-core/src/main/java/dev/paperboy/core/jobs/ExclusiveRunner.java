package dev.paperboy.core.jobs;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Runs a job's work only while this node holds the job's lease: takes the lease (or skips the run
 * when another node has it), renews it every third of its length while the work runs, and releases
 * it when the work ends. When a renewal finds the lease taken over (this node stalled longer than
 * the lease, say), the work's thread is interrupted: long work stops between its steps and resumes
 * from its checkpoint wherever the job runs next.
 *
 * <p>One instance per node; thread-safe.
 */
public final class ExclusiveRunner implements AutoCloseable {

  /** Runs everything, always: a single node needs no leases. */
  public static final Guard UNGUARDED =
      (job, work) -> {
        work.run();
        return true;
      };

  /** What schedulers take: run {@code work} as {@code job} on one node at a time. */
  @FunctionalInterface
  public interface Guard {
    /**
     * @return true when the work ran here, false when another node holds the job
     */
    boolean runExclusively(String job, Runnable work);
  }

  private final Leases leases;
  private final String holder;
  private final Duration ttl;
  private final ScheduledExecutorService heartbeat;

  /**
   * @param holder this node's name in lease rows, unique per process
   * @param ttl how long a lease lasts without renewal: how long a dead node's jobs wait
   */
  public ExclusiveRunner(Leases leases, String holder, Duration ttl) {
    if (ttl.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("ttl must be at least 1 s, ttl: " + ttl);
    }
    this.leases = leases;
    this.holder = holder;
    this.ttl = ttl;
    this.heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "paperboy-lease-heartbeat");
              t.setDaemon(true);
              return t;
            });
  }

  public String holder() {
    return holder;
  }

  /** This runner as the {@link Guard} schedulers take. */
  public Guard guard() {
    return this::runExclusively;
  }

  /**
   * Runs {@code work} on the calling thread if the lease of {@code job} can be had.
   *
   * @return true when it ran (whether or not it threw), false when another node holds the job
   * @throws RuntimeException what the work threw, after the lease was released
   */
  public boolean runExclusively(String job, Runnable work) {
    Optional<Lease> taken = leases.acquire(job, holder, ttl);
    if (taken.isEmpty()) {
      return false;
    }
    Lease lease = taken.get();
    Thread worker = Thread.currentThread();
    AtomicBoolean lost = new AtomicBoolean();
    long every = Math.max(1, ttl.toMillis() / 3);
    ScheduledFuture<?> renewing =
        heartbeat.scheduleWithFixedDelay(
            () -> {
              boolean kept;
              try {
                kept = leases.renew(lease, ttl);
              } catch (RuntimeException e) {
                // The store is unreachable: keep working; the next renewal tries again, and the
                // lease lapses (and another node may start) only after a whole ttl without one.
                return;
              }
              if (!kept && lost.compareAndSet(false, true)) {
                worker.interrupt();
              }
            },
            every,
            every,
            TimeUnit.MILLISECONDS);
    try {
      work.run();
      return true;
    } finally {
      renewing.cancel(false);
      if (lost.get()) {
        Thread.interrupted(); // the interrupt was ours, not the caller's
      } else {
        releaseQuietly(lease);
      }
    }
  }

  private void releaseQuietly(Lease lease) {
    try {
      leases.release(lease);
    } catch (RuntimeException e) {
      // It lapses by itself after ttl.
    }
  }

  /** The current lease of a job (for status pages), or null. */
  public @Nullable Lease current(String job) {
    return leases.current(job).orElse(null);
  }

  @Override
  public void close() {
    heartbeat.shutdownNow();
  }
}
