package dev.paperboy.web;

import dev.paperboy.store.Database;
import dev.paperboy.store.JdbcRateCounterStore;
import dev.paperboy.store.JdbcSecretStore;
import dev.paperboy.store.JdbcSessionStore;
import dev.paperboy.store.JdbcUserStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

/** The community features on a fresh SQLite database in a temporary directory. */
final class CommunityFixture implements AutoCloseable {
  final Database db;
  final Clock clock;
  final Community community;
  final JdbcUserStore users;

  CommunityFixture(Path dir, Clock clock, CommunityConfig config) {
    this.db = Database.sqlite(dir.resolve("community.db"));
    this.clock = clock;
    this.users = new JdbcUserStore(db);
    this.community =
        Community.builder(config, clock)
            .users(users)
            .sessions(new JdbcSessionStore(db))
            .secrets(new JdbcSecretStore(db, clock))
            .rateCounters(new JdbcRateCounterStore(db))
            .build();
  }

  /** A clock a test can move, starting at {@code start}. */
  static MovableClock clockAt(Instant start) {
    return new MovableClock(start);
  }

  /** A clock a test moves. */
  static final class MovableClock extends Clock {
    volatile Instant now;

    MovableClock(Instant start) {
      now = start;
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void advance(java.time.Duration d) {
      now = now.plus(d);
    }
  }

  @Override
  public void close() {
    db.close();
  }
}
