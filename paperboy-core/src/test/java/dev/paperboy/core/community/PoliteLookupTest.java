package dev.paperboy.core.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class PoliteLookupTest {
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-02T10:00:00Z"));
  final List<Duration> waits = new ArrayList<>();

  PoliteLookup polite(PaperLookup source, Duration maxWait) {
    return new PoliteLookup(
        source,
        Duration.ofSeconds(3),
        maxWait,
        clock,
        d -> {
          waits.add(d);
          clock.advance(d);
        });
  }

  @Test
  void aTurnWithinTheDeadlineWaitsForTheInterval() throws Exception {
    PoliteLookup p = polite(id -> Optional.empty(), Duration.ofSeconds(4));
    p.lookup(ArxivId.parse("2603.01234"));
    p.lookup(ArxivId.parse("2603.01235"));
    assertThat(waits).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void aTurnPastTheDeadlineFailsAtOnceWithoutWaiting() throws Exception {
    PoliteLookup p = polite(id -> Optional.empty(), Duration.ofSeconds(2));
    p.lookup(ArxivId.parse("2603.01234"));
    assertThatThrownBy(() -> p.lookup(ArxivId.parse("2603.01235")))
        .isInstanceOf(PoliteLookup.BusyException.class)
        .hasMessageContaining("2603.01235")
        .hasMessageContaining("within 2 s");
    assertThat(waits).isEmpty();
    clock.advance(Duration.ofSeconds(3));
    p.lookup(ArxivId.parse("2603.01235")); // its turn has come
  }

  @Test
  void aCallerBehindAStalledLookupFailsFastInsteadOfQueueing() throws Exception {
    // arXiv down: the first lookup hangs in the source. The next one's turn is at least one
    // interval (3 s) after it, past its 2 s: it must fail now, not queue behind the first.
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    PoliteLookup p =
        polite(
            id -> {
              inside.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return Optional.empty();
            },
            Duration.ofSeconds(2));
    Thread first =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    p.lookup(ArxivId.parse("2603.01234"));
                  } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                });
    try {
      inside.await();
      assertTimeoutPreemptively(
          Duration.ofSeconds(20),
          () ->
              assertThatThrownBy(() -> p.lookup(ArxivId.parse("2603.01235")))
                  .isInstanceOf(PoliteLookup.BusyException.class)
                  .hasMessageContaining("1 ahead"));
    } finally {
      release.countDown();
      first.join();
    }
  }
}
