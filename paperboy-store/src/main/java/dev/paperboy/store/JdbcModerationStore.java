package dev.paperboy.store;

import dev.paperboy.core.community.AuditEntry;
import dev.paperboy.core.community.ModerationStore;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.security.Secrets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The {@link ModerationStore} in tables {@code paper_hidden} and {@code audit_log}. */
public final class JdbcModerationStore implements ModerationStore {
  private final Database db;
  private final Dialect dialect;

  public JdbcModerationStore(Database db) {
    this.db = db;
    this.dialect = db.dialect();
  }

  @Override
  public boolean hidePaper(ArxivId paper, String byName, @Nullable String reason, Instant now) {
    return db.inTransaction(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "INSERT INTO paper_hidden (paper_id, hidden_at, hidden_by, reason)"
                      + " VALUES (?, ?, ?, ?) ON CONFLICT (paper_id) DO NOTHING")) {
            ps.setString(1, paper.value());
            dialect.setInstant(ps, 2, now);
            ps.setString(3, byName);
            ps.setString(4, reason);
            return ps.executeUpdate() == 1;
          }
        });
  }

  @Override
  public boolean unhidePaper(ArxivId paper) {
    return db.inTransaction(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement("DELETE FROM paper_hidden WHERE paper_id = ?")) {
            ps.setString(1, paper.value());
            return ps.executeUpdate() == 1;
          }
        });
  }

  @Override
  public Set<ArxivId> hiddenAmong(Collection<ArxivId> papers) {
    return PaperRows.idsAmong(db, "paper_hidden", null, papers);
  }

  @Override
  public List<HiddenPaper> hiddenPapers() {
    return db.read(
        conn -> {
          try (PreparedStatement ps =
                  conn.prepareStatement(
                      "SELECT paper_id, hidden_at, hidden_by, reason FROM paper_hidden"
                          + " ORDER BY hidden_at DESC, paper_id");
              ResultSet rs = ps.executeQuery()) {
            List<HiddenPaper> out = new ArrayList<>();
            while (rs.next()) {
              out.add(
                  new HiddenPaper(
                      new ArxivId(rs.getString(1)),
                      dialect.getInstant(rs, 2),
                      rs.getString(3),
                      rs.getString(4)));
            }
            return out;
          }
        });
  }

  @Override
  public void record(AuditEntry e) {
    db.inTransaction(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "INSERT INTO audit_log (id, at, actor_id, actor_name, action, target, detail)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, Secrets.newId());
            dialect.setInstant(ps, 2, e.at());
            ps.setString(3, e.actorId());
            ps.setString(4, e.actorName());
            ps.setString(5, e.action());
            ps.setString(6, e.target());
            ps.setString(7, e.detail());
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public List<AuditEntry> audit(int offset, int limit) {
    return db.read(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "SELECT at, actor_id, actor_name, action, target, detail FROM audit_log"
                      + " ORDER BY at DESC, id LIMIT ? OFFSET ?")) {
            ps.setInt(1, limit);
            ps.setInt(2, offset);
            List<AuditEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new AuditEntry(
                        dialect.getInstant(rs, 1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)));
              }
            }
            return out;
          }
        });
  }
}
