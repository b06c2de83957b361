package dev.paperboy.core.community;

import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A {@link PaperLookup} that asks its source at most once per interval, whatever the number of
 * threads: arXiv's API terms ask for no more than one request every three seconds
 * (https://info.arxiv.org/help/api/tou.html). Callers wait their turn; lookups of one process are
 * spaced, so each app node keeps to the limit on its own.
 */
public final class PoliteLookup implements PaperLookup {
  /** Waits; an interface so tests need not sleep. */
  @FunctionalInterface
  public interface Pause {
    void sleep(Duration d) throws InterruptedException;
  }

  private final PaperLookup source;
  private final Duration interval;
  private final Clock clock;
  private final Pause pause;
  private Instant last = Instant.MIN;

  public PoliteLookup(PaperLookup source, Duration interval, Clock clock, Pause pause) {
    if (interval == null || interval.isNegative()) {
      throw new IllegalArgumentException("interval must be >= 0, interval: " + interval);
    }
    this.source = source;
    this.interval = interval;
    this.clock = clock;
    this.pause = pause;
  }

  /** Three seconds between requests, with the real clock. */
  public static PoliteLookup arxiv(PaperLookup source) {
    return new PoliteLookup(source, Duration.ofSeconds(3), Clock.systemUTC(), d -> Thread.sleep(d));
  }

  @Override
  public synchronized Optional<Paper> lookup(ArxivId id) throws IOException {
    if (!last.equals(Instant.MIN)) {
      Duration wait = Duration.between(clock.instant(), last.plus(interval));
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
}
