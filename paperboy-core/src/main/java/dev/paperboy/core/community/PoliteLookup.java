package dev.paperboy.core.community;

import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link PaperLookup} that asks its source at most once per interval, whatever the number of
 * threads: arXiv's API terms ask for no more than one request every three seconds, one at a time
 * (https://info.arxiv.org/help/api/tou.html). Callers take turns; lookups of one process are
 * spaced, so each app node keeps to the limit on its own.
 *
 * <p>A person waits on each lookup, so a caller waits for its turn at most {@code maxWait}: when
 * its turn cannot come by then (others ahead of it, each needing the interval after the one before)
 * it fails at once with {@link BusyException} instead of queueing behind them while the source is
 * slow or down; the page then says "try again in a minute" right away.
 */
public final class PoliteLookup implements PaperLookup {
  /** Waits; an interface so tests need not sleep. */
  @FunctionalInterface
  public interface Pause {
    void sleep(Duration d) throws InterruptedException;
  }

  /** The caller's turn would come later than it may wait. */
  public static final class BusyException extends IOException {
    private static final long serialVersionUID = 1L;

    BusyException(String message) {
      super(message);
    }
  }

  /** How long {@link #arxiv} lets a caller wait for its turn: one interval and a second. */
  public static final Duration ARXIV_MAX_WAIT = Duration.ofSeconds(4);

  private final PaperLookup source;
  private final Duration interval;
  private final Duration maxWait;
  private final Clock clock;
  private final Pause pause;
  private final ReentrantLock turn = new ReentrantLock(true);
  private final AtomicInteger waiting = new AtomicInteger();
  private volatile Instant last = Instant.MIN;

  /** Callers wait as long as it takes (no {@code maxWait}). */
  public PoliteLookup(PaperLookup source, Duration interval, Clock clock, Pause pause) {
    this(source, interval, ChronoUnit.FOREVER.getDuration(), clock, pause);
  }

  /**
   * @param maxWait the longest a caller waits for its turn (the lock and the interval after the
   *     previous request) before {@link BusyException}
   */
  public PoliteLookup(
      PaperLookup source, Duration interval, Duration maxWait, Clock clock, Pause pause) {
    if (interval == null || interval.isNegative()) {
      throw new IllegalArgumentException("interval must be >= 0, interval: " + interval);
    }
    if (maxWait == null || maxWait.isNegative()) {
      throw new IllegalArgumentException("maxWait must be >= 0, maxWait: " + maxWait);
    }
    this.source = source;
    this.interval = interval;
    this.maxWait = maxWait;
    this.clock = clock;
    this.pause = pause;
  }

  /** Three seconds between requests, a turn within {@link #ARXIV_MAX_WAIT}, the real clock. */
  public static PoliteLookup arxiv(PaperLookup source) {
    return new PoliteLookup(
        source, Duration.ofSeconds(3), ARXIV_MAX_WAIT, Clock.systemUTC(), d -> Thread.sleep(d));
  }

  @Override
  public Optional<Paper> lookup(ArxivId id) throws IOException {
    Instant start = clock.instant();
    Instant deadline = plus(start, maxWait);
    // Each caller ahead (one asking now, the others waiting) needs at least the interval after the
    // one before it: when that alone passes the deadline, say so now rather than after waiting.
    int ahead = waiting.getAndIncrement(); // those asking now or waiting for their turn
    try {
      if (ahead > 0 && plus(start, interval.multipliedBy(ahead)).isAfter(deadline)) {
        throw busy(id, ahead);
      }
      try {
        long lockWait = Duration.between(start, deadline).toNanos();
        if (!turn.tryLock(Math.max(0, lockWait), TimeUnit.NANOSECONDS)) {
          throw busy(id, ahead);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for the next lookup slot");
      } catch (ArithmeticException e) {
        turn.lock(); // no deadline to speak of (maxWait is effectively forever)
      }
      try {
        return take(id, deadline, ahead);
      } finally {
        turn.unlock();
      }
    } finally {
      waiting.decrementAndGet();
    }
  }

  /** With the lock held: waits out the interval after the last request, then asks the source. */
  private Optional<Paper> take(ArxivId id, Instant deadline, int ahead) throws IOException {
    if (!last.equals(Instant.MIN)) {
      Instant next = last.plus(interval);
      if (next.isAfter(deadline)) {
        throw busy(id, ahead);
      }
      Duration wait = Duration.between(clock.instant(), next);
      if (!wait.isNegative() && !wait.isZero()) {
        try {
          pause.sleep(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while waiting for the next lookup slot");
        }
      }
    }
    try {
      return source.lookup(id);
    } finally {
      last = clock.instant();
    }
  }

  private BusyException busy(ArxivId id, int ahead) {
    return new BusyException(
        "too many lookups at once to look up "
            + id
            + " within "
            + maxWait.toSeconds()
            + " s ("
            + ahead
            + " ahead, one per "
            + interval.toSeconds()
            + " s)");
  }

  private static Instant plus(Instant t, Duration d) {
    try {
      return t.plus(d);
    } catch (ArithmeticException | java.time.DateTimeException e) {
      return Instant.MAX;
    }
  }
}
