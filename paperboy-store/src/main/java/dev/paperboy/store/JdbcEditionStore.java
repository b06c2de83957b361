package dev.paperboy.store;

import dev.paperboy.core.account.UserId;
import dev.paperboy.core.digest.Delivery;
import dev.paperboy.core.digest.Edition;
import dev.paperboy.core.digest.EditionId;
import dev.paperboy.core.digest.EditionStore;
import dev.paperboy.core.digest.NewDelivery;
import dev.paperboy.core.digest.Recipient;
import dev.paperboy.core.digest.SubscriptionId;
import dev.paperboy.core.mail.EmailAddress;
import dev.paperboy.core.paper.ArxivId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@link EditionStore} in tables {@code digest_edition}, {@code digest_delivery} and {@code
 * digest_subscription} (recipients and their latest papers).
 */
public final class JdbcEditionStore implements EditionStore {
  /** How many of a subscriber's latest editions' papers are kept out of the next one. */
  static final int RECENT_EDITIONS = 3;

  private final Database db;
  private final Dialect dialect;

  public JdbcEditionStore(Database db) {
    this.db = db;
    this.dialect = db.dialect();
  }

  @Override
  public Edition createEdition(Edition e) {
    return db.inTransaction(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "INSERT INTO digest_edition (id, cadence, day, period_from, period_to,"
                      + " quiet_note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                      + " ON CONFLICT (id) DO NOTHING")) {
            ps.setString(1, e.id().value());
            ps.setString(2, e.cadence().code());
            dialect.setDate(ps, 3, e.day());
            dialect.setDate(ps, 4, e.from());
            dialect.setDate(ps, 5, e.to());
            ps.setString(6, e.quietNote());
            dialect.setInstant(ps, 7, e.createdAt());
            ps.executeUpdate();
          }
          return edition(conn, e.id()).orElseThrow().edition();
        });
  }

  @Override
  public Optional<StoredEdition> findEdition(EditionId id) {
    return db.read(conn -> edition(conn, id));
  }

  private static final String EDITION_COLUMNS =
      "id, period_from, period_to, quiet_note, created_at, composed_at";

  private Optional<StoredEdition> edition(Connection conn, EditionId id) throws SQLException {
    try (PreparedStatement ps =
        conn.prepareStatement("SELECT " + EDITION_COLUMNS + " FROM digest_edition WHERE id = ?")) {
      ps.setString(1, id.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(editionRow(rs)) : Optional.empty();
      }
    }
  }

  private StoredEdition editionRow(ResultSet rs) throws SQLException {
    return new StoredEdition(
        new Edition(
            new EditionId(rs.getString(1)),
            dialect.getDate(rs, 2),
            dialect.getDate(rs, 3),
            rs.getString(4),
            dialect.getInstant(rs, 5)),
        dialect.getInstant(rs, 6));
  }

  @Override
  public List<StoredEdition> editions(int limit) {
    return db.read(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "SELECT "
                      + EDITION_COLUMNS
                      + " FROM digest_edition ORDER BY day DESC, id LIMIT ?")) {
            ps.setInt(1, limit);
            List<StoredEdition> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(editionRow(rs));
              }
            }
            return out;
          }
        });
  }

  @Override
  public void markComposed(EditionId id, Instant at) {
    db.inTransaction(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "UPDATE digest_edition SET composed_at = ? WHERE id = ? AND composed_at IS NULL")) {
            dialect.setInstant(ps, 1, at);
            ps.setString(2, id.value());
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public List<Recipient> recipientsWithout(
      EditionId edition, @Nullable SubscriptionId after, int limit) {
    return db.read(
        conn -> {
          List<Recipient> out = new ArrayList<>();
          // The account is the linked one, else an active account with the same address.
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "SELECT s.id, s.email, s.cadence, s.content, s.categories, s.quiet_days,"
                      + " s.paused, COALESCE(s.user_id, u.id), s.recent_papers"
                      + " FROM digest_subscription s"
                      + " LEFT JOIN app_user u ON u.email_key = s.email_key"
                      + " AND u.suspended_at IS NULL"
                      + " WHERE s.status = 'active' AND s.paused = ? AND s.cadence = ? AND s.id > ?"
                      + " AND NOT EXISTS (SELECT 1 FROM digest_delivery d"
                      + " WHERE d.edition_id = ? AND d.subscription_id = s.id)"
                      + " AND NOT EXISTS (SELECT 1 FROM digest_suppression x"
                      + " WHERE x.email_key = s.email_key)"
                      + " ORDER BY s.id LIMIT ?")) {
            ps.setBoolean(1, false);
            ps.setString(2, edition.cadence().code());
            ps.setString(3, after == null ? "" : after.value());
            ps.setString(4, edition.value());
            ps.setInt(5, limit);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                String user = rs.getString(8);
                out.add(
                    new Recipient(
                        new SubscriptionId(rs.getString(1)),
                        new EmailAddress(rs.getString(2)),
                        JdbcSubscriptionStore.preferences(rs, 3),
                        user == null ? null : new UserId(user),
                        List.of(),
                        recentPapers(rs.getString(9))));
              }
            }
          }
          if (out.isEmpty()) {
            return out;
          }
          Map<SubscriptionId, List<String>> alerts = alertsOf(conn, out);
          List<Recipient> withAlerts = new ArrayList<>(out.size());
          for (Recipient r : out) {
            withAlerts.add(
                new Recipient(
                    r.id(),
                    r.email(),
                    r.preferences(),
                    r.user(),
                    alerts.getOrDefault(r.id(), List.of()),
                    r.recent()));
          }
          return withAlerts;
        });
  }

  private Map<SubscriptionId, List<String>> alertsOf(Connection conn, List<Recipient> page)
      throws SQLException {
    Map<SubscriptionId, List<String>> out = new HashMap<>();
    for (int i = 0; i < page.size(); i += 500) {
      List<Recipient> chunk = page.subList(i, Math.min(page.size(), i + 500));
      String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
      try (PreparedStatement ps =
          conn.prepareStatement(
              "SELECT subscription_id, query FROM digest_alert WHERE subscription_id IN ("
                  + marks
                  + ") ORDER BY subscription_id, created_at, query_key")) {
        for (int j = 0; j < chunk.size(); j++) {
          ps.setString(j + 1, chunk.get(j).id().value());
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.computeIfAbsent(new SubscriptionId(rs.getString(1)), k -> new ArrayList<>())
                .add(rs.getString(2));
          }
        }
      }
    }
    return out;
  }

  /** Every paper id in a {@code recent_papers} value. */
  static Set<ArxivId> recentPapers(String text) {
    Set<ArxivId> out = new HashSet<>();
    for (String id : text.split("[ |]")) {
      if (!id.isEmpty()) {
        ArxivId.tryParse(id).ifPresent(out::add);
      }
    }
    return out;
  }

  /** {@code recent} with a new edition's papers in front, keeping {@link #RECENT_EDITIONS}. */
  static String pushRecent(String recent, List<ArxivId> papers) {
    List<String> groups = new ArrayList<>();
    StringBuilder first = new StringBuilder();
    for (ArxivId id : papers) {
      first.append(first.length() == 0 ? "" : " ").append(id.value());
    }
    groups.add(first.toString());
    for (String g : recent.split("\\|", -1)) {
      if (groups.size() >= RECENT_EDITIONS) {
        break;
      }
      if (!g.isBlank()) {
        groups.add(g);
      }
    }
    return String.join("|", groups);
  }

  @Override
  public int enqueue(Edition edition, List<NewDelivery> deliveries, String domain, Instant now) {
    if (deliveries.isEmpty()) {
      return 0;
    }
    return db.inTransaction(
        conn -> {
          // Builders of one edition on several nodes (a lease should prevent it) wait for each
          // other here rather than both deciding a row is new.
          dialect.lockForWrite(conn, "digest_delivery:" + edition.id());
          Set<SubscriptionId> existing = existing(conn, edition.id(), deliveries);
          Map<SubscriptionId, String> recent = recentOf(conn, deliveries);
          List<NewDelivery> fresh = new ArrayList<>();
          for (NewDelivery d : deliveries) {
            if (!existing.contains(d.subscription())) {
              fresh.add(d);
            }
          }
          Set<SubscriptionId> seen = new LinkedHashSet<>();
          try (PreparedStatement ins =
                  conn.prepareStatement(
                      "INSERT INTO digest_delivery (edition_id, subscription_id, email, message_id,"
                          + " status, attempts, due_at, last_error, content, created_at)"
                          + " VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?)"
                          + " ON CONFLICT (edition_id, subscription_id) DO NOTHING");
              PreparedStatement upd =
                  conn.prepareStatement(
                      "UPDATE digest_subscription SET recent_papers = ?, last_edition = ?"
                          + " WHERE id = ? AND (last_edition IS NULL OR last_edition <> ?)")) {
            for (NewDelivery d : fresh) {
              if (!seen.add(d.subscription())) {
                continue;
              }
              boolean skip = d.skipReason() != null;
              ins.setString(1, edition.id().value());
              ins.setString(2, d.subscription().value());
              ins.setString(3, d.to().value());
              ins.setString(
                  4, Delivery.messageIdFor(edition.id(), d.subscription(), domain).value());
              ins.setString(5, skip ? "skipped" : "queued");
              dialect.setInstant(ins, 6, skip ? null : now);
              ins.setString(7, d.skipReason());
              ins.setString(8, DigestContentJson.write(d.content()));
              dialect.setInstant(ins, 9, now);
              ins.addBatch();
              if (!skip && !d.content().items().isEmpty()) {
                upd.setString(
                    1, pushRecent(recent.getOrDefault(d.subscription(), ""), d.content().papers()));
                upd.setString(2, edition.id().value());
                upd.setString(3, d.subscription().value());
                upd.setString(4, edition.id().value());
                upd.addBatch();
              }
            }
            ins.executeBatch();
            upd.executeBatch();
          }
          return seen.size();
        });
  }

  private static Set<SubscriptionId> existing(
      Connection conn, EditionId edition, List<NewDelivery> deliveries) throws SQLException {
    Set<SubscriptionId> out = new HashSet<>();
    for (int i = 0; i < deliveries.size(); i += 500) {
      List<NewDelivery> chunk = deliveries.subList(i, Math.min(deliveries.size(), i + 500));
      String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
      try (PreparedStatement ps =
          conn.prepareStatement(
              "SELECT subscription_id FROM digest_delivery WHERE edition_id = ?"
                  + " AND subscription_id IN ("
                  + marks
                  + ")")) {
        ps.setString(1, edition.value());
        for (int j = 0; j < chunk.size(); j++) {
          ps.setString(j + 2, chunk.get(j).subscription().value());
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new SubscriptionId(rs.getString(1)));
          }
        }
      }
    }
    return out;
  }

  private static Map<SubscriptionId, String> recentOf(Connection conn, List<NewDelivery> deliveries)
      throws SQLException {
    Map<SubscriptionId, String> out = new HashMap<>();
    for (int i = 0; i < deliveries.size(); i += 500) {
      List<NewDelivery> chunk = deliveries.subList(i, Math.min(deliveries.size(), i + 500));
      String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
      try (PreparedStatement ps =
          conn.prepareStatement(
              "SELECT id, recent_papers FROM digest_subscription WHERE id IN (" + marks + ")")) {
        for (int j = 0; j < chunk.size(); j++) {
          ps.setString(j + 1, chunk.get(j).subscription().value());
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.put(new SubscriptionId(rs.getString(1)), rs.getString(2));
          }
        }
      }
    }
    return out;
  }

  @Override
  public Optional<Delivery> findDelivery(EditionId edition, SubscriptionId subscription) {
    return db.read(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "SELECT "
                      + DeliveryRows.COLUMNS
                      + " FROM digest_delivery d WHERE d.edition_id = ? AND d.subscription_id = ?")) {
            ps.setString(1, edition.value());
            ps.setString(2, subscription.value());
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(DeliveryRows.read(rs, dialect)) : Optional.empty();
            }
          }
        });
  }
}
