package dev.paperboy.store;

import dev.paperboy.core.jobs.Lease;
import dev.paperboy.core.jobs.Leases;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link Leases} in the {@code job_lease} table, one row per job.
 *
 * <p>Taking a lease is one statement, {@code INSERT ... ON CONFLICT (job) DO UPDATE ... WHERE} the
 * row has expired or is the taker's own: PostgreSQL locks the conflicting row and re-checks the
 * condition on its latest version, so of two nodes racing for an expired lease exactly one updates
 * it (the other's statement changes no row); SQLite has one writer at a time. Renewals and releases
 * match the holder and the token, so a node whose lease was taken over cannot extend or drop the
 * new holder's. Time comes from the injected clock (tests move it; nodes keep clocks in sync).
 */
public final class JdbcLeases implements Leases {
  private final Database db;
  private final Dialect dialect;
  private final Clock clock;

  public JdbcLeases(Database db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.dialect = db.dialect();
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Optional<Lease> acquire(String job, String holder, Duration ttl) {
    check(job, holder, ttl);
    Instant now = Dialect.storedInstant(clock.instant());
    Instant expires = Dialect.storedInstant(now.plus(ttl));
    return db.inTransaction(
        conn -> {
          int changed;
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "INSERT INTO job_lease (job, holder, token, acquired_at, expires_at)"
                      + " VALUES (?, ?, 1, ?, ?)"
                      + " ON CONFLICT (job) DO UPDATE SET"
                      + " token = CASE WHEN job_lease.holder = excluded.holder"
                      + " THEN job_lease.token ELSE job_lease.token + 1 END,"
                      + " holder = excluded.holder,"
                      + " acquired_at = excluded.acquired_at,"
                      + " expires_at = excluded.expires_at"
                      + " WHERE job_lease.expires_at <= ? OR job_lease.holder = excluded.holder")) {
            ps.setString(1, job);
            ps.setString(2, holder);
            dialect.setInstant(ps, 3, now);
            dialect.setInstant(ps, 4, expires);
            dialect.setInstant(ps, 5, now);
            changed = ps.executeUpdate();
          }
          if (changed == 0) {
            return Optional.empty();
          }
          Lease lease = find(conn, job).orElseThrow();
          // Inside this transaction the row is ours; the check guards against a dialect surprise.
          return lease.holder().equals(holder) ? Optional.of(lease) : Optional.<Lease>empty();
        });
  }

  @Override
  public boolean renew(Lease lease, Duration ttl) {
    check(lease.job(), lease.holder(), ttl);
    Instant expires = Dialect.storedInstant(clock.instant().plus(ttl));
    return db.inTransaction(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "UPDATE job_lease SET expires_at = ?"
                      + " WHERE job = ? AND holder = ? AND token = ?")) {
            dialect.setInstant(ps, 1, expires);
            ps.setString(2, lease.job());
            ps.setString(3, lease.holder());
            ps.setLong(4, lease.token());
            return ps.executeUpdate() == 1;
          }
        });
  }

  @Override
  public void release(Lease lease) {
    Instant now = Dialect.storedInstant(clock.instant());
    db.inTransaction(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "UPDATE job_lease SET expires_at = ?"
                      + " WHERE job = ? AND holder = ? AND token = ? AND expires_at > ?")) {
            dialect.setInstant(ps, 1, now);
            ps.setString(2, lease.job());
            ps.setString(3, lease.holder());
            ps.setLong(4, lease.token());
            dialect.setInstant(ps, 5, now);
            ps.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public Optional<Lease> current(String job) {
    return db.read(conn -> find(conn, job));
  }

  private Optional<Lease> find(java.sql.Connection conn, String job) throws SQLException {
    try (PreparedStatement ps =
        conn.prepareStatement(
            "SELECT job, holder, token, expires_at FROM job_lease WHERE job = ?")) {
      ps.setString(1, job);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Lease(rs.getString(1), rs.getString(2), rs.getLong(3), dialect.getInstant(rs, 4)));
      }
    }
  }

  private static void check(String job, String holder, Duration ttl) {
    if (job == null || job.isBlank()) {
      throw new IllegalArgumentException("job must not be blank");
    }
    if (holder == null || holder.isBlank()) {
      throw new IllegalArgumentException("holder must not be blank, job: " + job);
    }
    if (ttl == null || ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive, job: " + job + ", ttl: " + ttl);
    }
  }
}
