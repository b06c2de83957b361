package dev.paperboy.ingest.http;

import java.time.Duration;

/** Waits; tests pass one that records the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
  /** Sleeps on the current thread. */
  Sleeper REAL =
      d -> {
        if (!d.isNegative() && !d.isZero()) {
          Thread.sleep(d);
        }
      };

  void sleep(Duration d) throws InterruptedException;
}
