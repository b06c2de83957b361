package dev.paperboy.store;

import dev.paperboy.core.digest.Claim;
import dev.paperboy.core.digest.Delivery;
import dev.paperboy.core.digest.DeliveryStatus;
import dev.paperboy.core.digest.EditionId;
import dev.paperboy.core.digest.Outbox;
import dev.paperboy.core.digest.OutboxCounts;
import dev.paperboy.core.security.Secrets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Outbox} in table {@code digest_delivery}.
 *
 * <p><b>Claiming with several senders.</b> A claim reads the first due rows by {@code due_at} and
 * marks them {@code sending} with a new token in one write transaction. On PostgreSQL the read is
 * {@code SELECT ... FOR UPDATE OF d SKIP LOCKED}: each row it returns is locked by this transaction
 * until it commits, and rows other claimers hold are skipped, not waited for, so N nodes claim N
 * disjoint batches at once (the queue pattern PostgreSQL's documentation describes under "The
 * Locking Clause"). On SQLite the database has a single writer: a write transaction starts with
 * {@code BEGIN IMMEDIATE} ({@link Database}), so claims of threads and processes on one file run
 * one after another and each sees the previous one's marks.
 *
 * <p>Every later change checks {@code status = 'sending' AND claim_token = ?}, so only the holder
 * of a claim records its outcome, and a sender whose claim ran out (and was taken over) changes
 * nothing.
 */
public final class JdbcOutbox implements Outbox {
  /** Longest error text kept. */
  static final int MAX_ERROR = 1000;

  private final Database db;
  private final Dialect dialect;

  public JdbcOutbox(Database db) {
    this.db = db;
    this.dialect = db.dialect();
  }

  @Override
  public List<Claim> claim(String owner, Instant now, Duration lease, int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be >= 1, max: " + max);
    }
    Instant until = now.plus(lease);
    String token = Secrets.newSecret();
    return db.inTransaction(
        conn -> {
          record Row(Delivery d, String why) {}
          List<Row> rows = new ArrayList<>();
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "SELECT "
                      + DeliveryRows.COLUMNS
                      + ", s.status, s.paused, x.email_key"
                      + " FROM digest_delivery d"
                      + " JOIN digest_subscription s ON s.id = d.subscription_id"
                      + " LEFT JOIN digest_suppression x ON x.email_key = s.email_key"
                      + " WHERE d.due_at <= ? ORDER BY d.due_at LIMIT ?"
                      + (dialect == Dialect.POSTGRES ? " FOR UPDATE OF d SKIP LOCKED" : ""))) {
            dialect.setInstant(ps, 1, now);
            ps.setInt(2, max);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                Delivery d = DeliveryRows.read(rs, dialect);
                int c = DeliveryRows.COUNT;
                String why = null;
                if (!"active".equals(rs.getString(c + 1))) {
                  why = "the subscriber unsubscribed before it was sent";
                } else if (rs.getBoolean(c + 2)) {
                  why = "the subscriber paused deliveries before it was sent";
                } else if (rs.getString(c + 3) != null) {
                  why = "the address is on the suppression list";
                }
                rows.add(new Row(d, why));
              }
            }
          }
          List<Claim> claims = new ArrayList<>();
          try (PreparedStatement take =
                  conn.prepareStatement(
                      "UPDATE digest_delivery SET status = 'sending', attempts = attempts + 1,"
                          + " due_at = ?, claim_token = ?, claimed_by = ?"
                          + " WHERE edition_id = ? AND subscription_id = ?");
              PreparedStatement skip =
                  conn.prepareStatement(
                      "UPDATE digest_delivery SET status = 'skipped', due_at = NULL,"
                          + " claim_token = NULL, last_error = ?"
                          + " WHERE edition_id = ? AND subscription_id = ?")) {
            for (Row r : rows) {
              Delivery d = r.d();
              if (r.why() != null) {
                skip.setString(1, r.why());
                skip.setString(2, d.edition().value());
                skip.setString(3, d.subscription().value());
                skip.addBatch();
                continue;
              }
              dialect.setInstant(take, 1, until);
              take.setString(2, token);
              take.setString(3, owner);
              take.setString(4, d.edition().value());
              take.setString(5, d.subscription().value());
              take.addBatch();
              Delivery claimed =
                  new Delivery(
                      d.edition(),
                      d.subscription(),
                      d.to(),
                      d.messageId(),
                      DeliveryStatus.SENDING,
                      d.attempts() + 1,
                      Dialect.storedInstant(until),
                      d.lastError(),
                      d.content(),
                      d.createdAt(),
                      d.sentAt());
              claims.add(new Claim(claimed, token, Dialect.storedInstant(until)));
            }
            skip.executeBatch();
            take.executeBatch();
          }
          return claims;
        });
  }

  @Override
  public boolean sent(Claim claim, Instant at) {
    return update(
        claim,
        "status = 'sent', due_at = NULL, claim_token = NULL, last_error = NULL, sent_at = ?",
        ps -> dialect.setInstant(ps, 1, at),
        1);
  }

  @Override
  public boolean retry(Claim claim, Instant dueAt, String error) {
    return update(
        claim,
        "status = 'queued', due_at = ?, claim_token = NULL, last_error = ?",
        ps -> {
          dialect.setInstant(ps, 1, dueAt);
          ps.setString(2, cut(error));
        },
        2);
  }

  @Override
  public boolean fail(Claim claim, Instant at, String error, boolean suppress) {
    return db.inTransaction(
        conn -> {
          boolean held =
              updateIn(
                  conn,
                  claim,
                  "status = 'failed', due_at = NULL, claim_token = NULL, last_error = ?",
                  ps -> ps.setString(1, cut(error)),
                  1);
          if (held && suppress) {
            JdbcSuppressionList.insert(conn, dialect, claim.delivery().to(), error, at);
          }
          return held;
        });
  }

  @Override
  public int release(List<Claim> claims, Instant now) {
    if (claims.isEmpty()) {
      return 0;
    }
    return db.inTransaction(
        conn -> {
          int n = 0;
          for (Claim c : claims) {
            if (updateIn(
                conn,
                c,
                "status = 'queued', due_at = ?, claim_token = NULL, attempts = attempts - 1",
                ps -> dialect.setInstant(ps, 1, now),
                1)) {
              n++;
            }
          }
          return n;
        });
  }

  @Override
  public List<Claim> renew(List<Claim> claims, Instant until) {
    if (claims.isEmpty()) {
      return List.of();
    }
    return db.inTransaction(
        conn -> {
          List<Claim> out = new ArrayList<>();
          for (Claim c : claims) {
            if (updateIn(conn, c, "due_at = ?", ps -> dialect.setInstant(ps, 1, until), 1)) {
              out.add(new Claim(c.delivery(), c.token(), Dialect.storedInstant(until)));
            }
          }
          return out;
        });
  }

  @Override
  public OutboxCounts counts(@Nullable EditionId edition) {
    return db.read(
        conn -> {
          Map<DeliveryStatus, Long> out = new EnumMap<>(DeliveryStatus.class);
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "SELECT status, COUNT(*) FROM digest_delivery"
                      + (edition == null ? "" : " WHERE edition_id = ?")
                      + " GROUP BY status")) {
            if (edition != null) {
              ps.setString(1, edition.value());
            }
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.put(DeliveryStatus.parse(rs.getString(1)), rs.getLong(2));
              }
            }
          }
          return new OutboxCounts(out);
        });
  }

  @Override
  public List<Delivery> failures(@Nullable EditionId edition, int limit) {
    return db.read(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "SELECT "
                      + DeliveryRows.COLUMNS
                      + " FROM digest_delivery d WHERE d.status = 'failed'"
                      + (edition == null ? "" : " AND d.edition_id = ?")
                      + " ORDER BY d.created_at DESC, d.subscription_id LIMIT ?")) {
            int i = 1;
            if (edition != null) {
              ps.setString(i++, edition.value());
            }
            ps.setInt(i, limit);
            List<Delivery> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(DeliveryRows.read(rs, dialect));
              }
            }
            return out;
          }
        });
  }

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private boolean update(Claim claim, String set, Binder binder, int params) {
    return db.inTransaction(conn -> updateIn(conn, claim, set, binder, params));
  }

  /** Runs {@code UPDATE ... SET set} on the claim's row if the claim still holds it. */
  private static boolean updateIn(
      Connection conn, Claim claim, String set, Binder binder, int params) throws SQLException {
    try (PreparedStatement ps =
        conn.prepareStatement(
            "UPDATE digest_delivery SET "
                + set
                + " WHERE edition_id = ? AND subscription_id = ? AND status = 'sending'"
                + " AND claim_token = ?")) {
      binder.bind(ps);
      ps.setString(params + 1, claim.delivery().edition().value());
      ps.setString(params + 2, claim.delivery().subscription().value());
      ps.setString(params + 3, claim.token());
      return ps.executeUpdate() == 1;
    }
  }

  private static String cut(String text) {
    return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR - 3) + "...";
  }
}
