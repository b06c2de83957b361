package dev.paperboy.store;

import dev.paperboy.core.account.User;
import dev.paperboy.core.account.UserId;
import dev.paperboy.core.digest.Alert;
import dev.paperboy.core.digest.Cadence;
import dev.paperboy.core.digest.DigestPreferences;
import dev.paperboy.core.digest.QuietDays;
import dev.paperboy.core.digest.Section;
import dev.paperboy.core.digest.Subscription;
import dev.paperboy.core.digest.SubscriptionId;
import dev.paperboy.core.digest.SubscriptionStatus;
import dev.paperboy.core.digest.SubscriptionStore;
import dev.paperboy.core.mail.EmailAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The {@link SubscriptionStore} in tables {@code digest_subscription} and {@code digest_alert}. */
public final class JdbcSubscriptionStore implements SubscriptionStore {
  static final String COLUMNS =
      "s.id, s.email, s.status, s.cadence, s.content, s.categories, s.quiet_days, s.paused,"
          + " s.user_id, s.created_at, s.confirmed_at, s.unsubscribed_at";

  private final Database db;
  private final Dialect dialect;

  public JdbcSubscriptionStore(Database db) {
    this.db = db;
    this.dialect = db.dialect();
  }

  @Override
  public Subscription findOrCreate(EmailAddress email, @Nullable UserId user, Instant now) {
    return db.inTransaction(
        conn -> {
          DigestPreferences d = DigestPreferences.defaults();
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "INSERT INTO digest_subscription (id, email, email_key, status, user_id, cadence,"
                      + " content, categories, quiet_days, paused, recent_papers, created_at,"
                      + " updated_at) VALUES (?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?, '', ?, ?)"
                      + " ON CONFLICT (email_key) DO NOTHING")) {
            int i = 1;
            ps.setString(i++, SubscriptionId.random().value());
            ps.setString(i++, email.value());
            ps.setString(i++, User.emailKey(email));
            ps.setString(i++, user == null ? null : user.value());
            i = setPreferences(ps, i, d);
            dialect.setInstant(ps, i++, now);
            dialect.setInstant(ps, i, now);
            ps.executeUpdate();
          }
          Subscription s = byEmail(conn, email).orElseThrow();
          if (user != null && s.user() == null) {
            link(conn, s.id(), user);
            s = byId(conn, s.id()).orElseThrow();
          }
          return s;
        });
  }

  @Override
  public Optional<Subscription> find(SubscriptionId id) {
    return db.read(conn -> byId(conn, id));
  }

  @Override
  public Optional<Subscription> findByEmail(EmailAddress email) {
    return db.read(conn -> byEmail(conn, email));
  }

  @Override
  public Optional<Subscription> confirm(SubscriptionId id, Instant now) {
    return db.inTransaction(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "UPDATE digest_subscription SET status = 'active', confirmed_at = ?,"
                      + " unsubscribed_at = NULL, updated_at = ? WHERE id = ? AND status <> 'active'")) {
            dialect.setInstant(ps, 1, now);
            dialect.setInstant(ps, 2, now);
            ps.setString(3, id.value());
            ps.executeUpdate();
          }
          return byId(conn, id);
        });
  }

  @Override
  public Subscription setPreferences(SubscriptionId id, DigestPreferences prefs, Instant now) {
    return db.inTransaction(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "UPDATE digest_subscription SET cadence = ?, content = ?, categories = ?,"
                      + " quiet_days = ?, paused = ?, updated_at = ? WHERE id = ?")) {
            int i = setPreferences(ps, 1, prefs);
            dialect.setInstant(ps, i++, now);
            ps.setString(i, id.value());
            if (ps.executeUpdate() == 0) {
              throw new NoSuchElementException("no subscription " + id);
            }
          }
          return byId(conn, id).orElseThrow();
        });
  }

  @Override
  public boolean unsubscribe(SubscriptionId id, Instant now) {
    return db.inTransaction(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "UPDATE digest_subscription SET status = 'unsubscribed', unsubscribed_at = ?,"
                      + " updated_at = ? WHERE id = ? AND status <> 'unsubscribed'")) {
            dialect.setInstant(ps, 1, now);
            dialect.setInstant(ps, 2, now);
            ps.setString(3, id.value());
            ps.executeUpdate();
          }
          return byId(conn, id).isPresent();
        });
  }

  @Override
  public void linkUser(SubscriptionId id, UserId user) {
    db.inTransaction(conn -> link(conn, id, user));
  }

  private static int link(Connection conn, SubscriptionId id, UserId user) throws SQLException {
    try (PreparedStatement ps =
        conn.prepareStatement("UPDATE digest_subscription SET user_id = ? WHERE id = ?")) {
      ps.setString(1, user.value());
      ps.setString(2, id.value());
      return ps.executeUpdate();
    }
  }

  @Override
  public List<Alert> alerts(SubscriptionId id) {
    return db.read(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "SELECT query, created_at FROM digest_alert WHERE subscription_id = ?"
                      + " ORDER BY created_at, query_key")) {
            ps.setString(1, id.value());
            List<Alert> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(new Alert(id, rs.getString(1), dialect.getInstant(rs, 2)));
              }
            }
            return out;
          }
        });
  }

  @Override
  public boolean addAlert(Alert alert) {
    return db.inTransaction(
        conn -> {
          // Counting and inserting in one write transaction: on PostgreSQL the subscription row is
          // locked first so two concurrent adds cannot both pass the limit.
          try (PreparedStatement lock =
              conn.prepareStatement(
                  "UPDATE digest_subscription SET updated_at = updated_at WHERE id = ?")) {
            lock.setString(1, alert.subscription().value());
            if (lock.executeUpdate() == 0) {
              throw new NoSuchElementException("no subscription " + alert.subscription());
            }
          }
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "SELECT COUNT(*), SUM(CASE WHEN query_key = ? THEN 1 ELSE 0 END)"
                      + " FROM digest_alert WHERE subscription_id = ?")) {
            ps.setString(1, alert.key());
            ps.setString(2, alert.subscription().value());
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              if (rs.getLong(2) > 0) {
                return false;
              }
              if (rs.getLong(1) >= Alert.MAX_PER_SUBSCRIPTION) {
                throw new IllegalArgumentException(
                    "a subscription has at most " + Alert.MAX_PER_SUBSCRIPTION + " alerts");
              }
            }
          }
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "INSERT INTO digest_alert (subscription_id, query_key, query, created_at)"
                      + " VALUES (?, ?, ?, ?) ON CONFLICT (subscription_id, query_key) DO NOTHING")) {
            ps.setString(1, alert.subscription().value());
            ps.setString(2, alert.key());
            ps.setString(3, alert.query());
            dialect.setInstant(ps, 4, alert.createdAt());
            return ps.executeUpdate() == 1;
          }
        });
  }

  @Override
  public boolean removeAlert(SubscriptionId id, String query) {
    return db.inTransaction(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "DELETE FROM digest_alert WHERE subscription_id = ? AND query_key = ?")) {
            ps.setString(1, id.value());
            ps.setString(
                2, query.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT));
            return ps.executeUpdate() > 0;
          }
        });
  }

  @Override
  public Map<String, Long> counts() {
    return db.read(
        conn -> {
          Map<String, Long> out = new LinkedHashMap<>();
          for (SubscriptionStatus s : SubscriptionStatus.values()) {
            out.put(s.code(), 0L);
          }
          out.put("paused", 0L);
          try (PreparedStatement ps =
                  conn.prepareStatement(
                      "SELECT status, paused, COUNT(*) FROM digest_subscription"
                          + " GROUP BY status, paused");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              String status = rs.getString(1);
              long n = rs.getLong(3);
              if (status.equals("active") && rs.getBoolean(2)) {
                out.merge("paused", n, Long::sum);
              } else {
                out.merge(status, n, Long::sum);
              }
            }
          }
          return out;
        });
  }

  @Override
  public int purgeUnconfirmed(Instant before) {
    return db.inTransaction(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "DELETE FROM digest_subscription WHERE status = 'pending' AND created_at < ?")) {
            dialect.setInstant(ps, 1, before);
            return ps.executeUpdate();
          }
        });
  }

  // ---- rows -----------------------------------------------------------------------------------

  static int setPreferences(PreparedStatement ps, int i, DigestPreferences p) throws SQLException {
    ps.setString(i++, p.cadence().code());
    ps.setString(i++, String.join(",", p.contentCodes()));
    ps.setString(i++, String.join(" ", p.categories()));
    ps.setString(i++, p.quietDays().code());
    ps.setBoolean(i++, p.paused());
    return i;
  }

  /**
   * Reads the preference columns starting at {@code i}: cadence, content, categories, quiet,
   * paused.
   */
  static DigestPreferences preferences(ResultSet rs, int i) throws SQLException {
    Set<Section> content = EnumSet.noneOf(Section.class);
    for (String code : rs.getString(i + 1).split(",")) {
      if (!code.isBlank()) {
        content.add(Section.parse(code));
      }
    }
    String cats = rs.getString(i + 2);
    return new DigestPreferences(
        Cadence.parse(rs.getString(i)),
        content,
        cats.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(cats.split(" "))),
        QuietDays.parse(rs.getString(i + 3)),
        rs.getBoolean(i + 4));
  }

  private Subscription row(ResultSet rs) throws SQLException {
    String user = rs.getString(9);
    return new Subscription(
        new SubscriptionId(rs.getString(1)),
        new EmailAddress(rs.getString(2)),
        SubscriptionStatus.parse(rs.getString(3)),
        preferences(rs, 4),
        user == null ? null : new UserId(user),
        dialect.getInstant(rs, 10),
        dialect.getInstant(rs, 11),
        dialect.getInstant(rs, 12));
  }

  private Optional<Subscription> byId(Connection conn, SubscriptionId id) throws SQLException {
    try (PreparedStatement ps =
        conn.prepareStatement("SELECT " + COLUMNS + " FROM digest_subscription s WHERE s.id = ?")) {
      ps.setString(1, id.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(row(rs)) : Optional.empty();
      }
    }
  }

  private Optional<Subscription> byEmail(Connection conn, EmailAddress email) throws SQLException {
    try (PreparedStatement ps =
        conn.prepareStatement(
            "SELECT " + COLUMNS + " FROM digest_subscription s WHERE s.email_key = ?")) {
      ps.setString(1, User.emailKey(email));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(row(rs)) : Optional.empty();
      }
    }
  }
}
