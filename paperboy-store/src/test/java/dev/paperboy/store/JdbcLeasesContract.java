package dev.paperboy.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.jobs.ExclusiveRunner;
import dev.paperboy.core.jobs.Lease;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Job leases on one database, run on SQLite and PostgreSQL. Each "node" is a {@link Database} of
 * its own (its own connection pool) on the same database, as two app processes would be.
 */
abstract class JdbcLeasesContract {

  /** A second, independent connection to the same database; closed by the test's subclass. */
  protected abstract Database database();

  protected abstract Database otherNode();

  static final class MutableClock extends Clock {
    volatile Instant now = Instant.parse("2026-03-02T20:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }
  }

  final MutableClock clock = new MutableClock();
  static final Duration TTL = Duration.ofSeconds(60);

  @Test
  void aFreeLeaseIsTakenAndAHeldOneIsRefused() {
    JdbcLeases a = new JdbcLeases(database(), clock);
    JdbcLeases b = new JdbcLeases(otherNode(), clock);
    Lease lease = a.acquire("ingest", "node-a", TTL).orElseThrow();
    assertThat(lease.token()).isEqualTo(1);
    assertThat(lease.expiresAt()).isEqualTo(clock.instant().plus(TTL));
    assertThat(b.acquire("ingest", "node-b", TTL)).isEmpty();
    clock.advance(Duration.ofSeconds(59));
    assertThat(b.acquire("ingest", "node-b", TTL)).isEmpty();
    // Another job is another lease.
    assertThat(b.acquire("embed", "node-b", TTL)).isPresent();
    assertThat(b.current("ingest").orElseThrow().holder()).isEqualTo("node-a");
  }

  @Test
  void theHolderExtendsItsLeaseAndKeepsItsToken() {
    JdbcLeases a = new JdbcLeases(database(), clock);
    Lease first = a.acquire("ingest", "node-a", TTL).orElseThrow();
    clock.advance(Duration.ofSeconds(30));
    Lease again = a.acquire("ingest", "node-a", TTL).orElseThrow();
    assertThat(again.token()).isEqualTo(first.token());
    assertThat(again.expiresAt()).isEqualTo(clock.instant().plus(TTL));
    clock.advance(Duration.ofSeconds(50));
    assertThat(a.renew(first, TTL)).isTrue();
    clock.advance(Duration.ofSeconds(50)); // 130 s after the first take: alive through renewals
    assertThat(new JdbcLeases(otherNode(), clock).acquire("ingest", "node-b", TTL)).isEmpty();
  }

  @Test
  void anExpiredLeaseIsTakenOverWithANewTokenAndTheOldHolderCannotRenewOrReleaseIt() {
    JdbcLeases a = new JdbcLeases(database(), clock);
    JdbcLeases b = new JdbcLeases(otherNode(), clock);
    Lease dead = a.acquire("ingest", "node-a", TTL).orElseThrow();
    clock.advance(TTL); // expires_at <= now: lapsed
    Lease taken = b.acquire("ingest", "node-b", TTL).orElseThrow();
    assertThat(taken.token()).isEqualTo(dead.token() + 1);
    assertThat(a.renew(dead, TTL)).isFalse();
    a.release(dead);
    assertThat(b.current("ingest").orElseThrow()).isEqualTo(taken);
    assertThat(a.acquire("ingest", "node-a", TTL)).isEmpty();
  }

  @Test
  void aReleasedLeaseIsFreeAtOnceAndAnUntakenExpiredOneCanStillBeRenewed() {
    JdbcLeases a = new JdbcLeases(database(), clock);
    JdbcLeases b = new JdbcLeases(otherNode(), clock);
    Lease lease = a.acquire("ingest", "node-a", TTL).orElseThrow();
    a.release(lease);
    Lease next = b.acquire("ingest", "node-b", TTL).orElseThrow();
    assertThat(next.token()).isEqualTo(2);
    clock.advance(Duration.ofMinutes(5));
    // Nobody took it after it lapsed: its holder may carry on.
    assertThat(b.renew(next, TTL)).isTrue();
  }

  @Test
  void racingNodesNeverHoldTheSameLeaseAtOnce() throws Exception {
    // Real time: many short leases taken and released by two nodes with two threads each.
    List<ExclusiveRunner> runners =
        List.of(
            new ExclusiveRunner(new JdbcLeases(database(), Clock.systemUTC()), "a1", TTL),
            new ExclusiveRunner(new JdbcLeases(database(), Clock.systemUTC()), "a2", TTL),
            new ExclusiveRunner(new JdbcLeases(otherNode(), Clock.systemUTC()), "b1", TTL),
            new ExclusiveRunner(new JdbcLeases(otherNode(), Clock.systemUTC()), "b2", TTL));
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    AtomicInteger runs = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(runners.size());
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (ExclusiveRunner r : runners) {
        done.add(
            pool.submit(
                () -> {
                  go.await();
                  for (int i = 0; i < 40; i++) {
                    r.runExclusively(
                        "digest",
                        () -> {
                          int now = running.incrementAndGet();
                          most.accumulateAndGet(now, Math::max);
                          runs.incrementAndGet();
                          try {
                            Thread.sleep(2);
                          } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                          }
                          running.decrementAndGet();
                        });
                  }
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
      runners.forEach(ExclusiveRunner::close);
    }
    assertThat(most.get()).as("most runs at once").isEqualTo(1);
    assertThat(runs.get()).isPositive();
  }

  @Test
  void aRunnerWhoseLeaseIsTakenOverIsInterrupted() throws Exception {
    JdbcLeases stalled = new JdbcLeases(database(), clock);
    JdbcLeases other = new JdbcLeases(otherNode(), clock);
    Duration ttl = Duration.ofSeconds(3);
    AtomicBoolean interrupted = new AtomicBoolean();
    CountDownLatch working = new CountDownLatch(1);
    try (ExclusiveRunner runner = new ExclusiveRunner(stalled, "node-a", ttl)) {
      Thread t =
          new Thread(
              () ->
                  runner.runExclusively(
                      "embed",
                      () -> {
                        working.countDown();
                        try {
                          Thread.sleep(30_000);
                        } catch (InterruptedException e) {
                          interrupted.set(true);
                        }
                      }));
      t.start();
      assertThat(working.await(10, TimeUnit.SECONDS)).isTrue();
      // Node a "stalls" past its lease; node b takes the job over.
      clock.advance(Duration.ofSeconds(4));
      assertThat(other.acquire("embed", "node-b", ttl)).isPresent();
      t.join(10_000);
      assertThat(t.isAlive()).isFalse();
    }
    assertThat(interrupted).isTrue();
    assertThat(other.current("embed").orElseThrow().holder()).isEqualTo("node-b");
  }

  @Test
  void aRunnerSkipsAJobAnotherNodeHoldsAndReleasesWhatItRan() {
    JdbcLeases a = new JdbcLeases(database(), clock);
    try (ExclusiveRunner b = new ExclusiveRunner(new JdbcLeases(otherNode(), clock), "b", TTL)) {
      Lease held = a.acquire("ingest", "a", TTL).orElseThrow();
      AtomicInteger ran = new AtomicInteger();
      assertThat(b.runExclusively("ingest", ran::incrementAndGet)).isFalse();
      assertThat(ran).hasValue(0);
      a.release(held);
      assertThat(b.runExclusively("ingest", ran::incrementAndGet)).isTrue();
      assertThat(ran).hasValue(1);
      // Released after the run: a takes it again at once.
      assertThat(a.acquire("ingest", "a", TTL)).isPresent();
    }
  }
}
