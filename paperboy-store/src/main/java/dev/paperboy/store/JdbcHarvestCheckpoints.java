package dev.paperboy.store;

import dev.paperboy.core.ingest.HarvestCheckpoint;
import dev.paperboy.core.ingest.HarvestCheckpointStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link HarvestCheckpointStore} in the {@code harvest_checkpoint} table: one row per {@code
 * (endpoint, set)}, replaced by every save ({@code INSERT ... ON CONFLICT DO UPDATE}, which SQLite
 * and PostgreSQL both speak). A save inside a {@link Database#inTransaction} joins it.
 */
public final class JdbcHarvestCheckpoints implements HarvestCheckpointStore {
  private static final String COLUMNS =
      "endpoint, set_spec, harvested_until, token, run_from, run_until, pages_in_run,"
          + " records_in_run, updated_at";

  private final Database db;
  private final Dialect dialect;

  public JdbcHarvestCheckpoints(Database db) {
    this.db = Objects.requireNonNull(db, "db");
    this.dialect = db.dialect();
  }

  @Override
  public Optional<HarvestCheckpoint> find(String endpoint, String set) {
    return db.read(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM harvest_checkpoint WHERE endpoint = ? AND set_spec = ?")) {
            ps.setString(1, endpoint);
            ps.setString(2, set);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
          }
        });
  }

  @Override
  public void save(HarvestCheckpoint c) {
    db.inTransaction(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "INSERT INTO harvest_checkpoint ("
                      + COLUMNS
                      + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                      + " ON CONFLICT (endpoint, set_spec) DO UPDATE SET"
                      + " harvested_until = excluded.harvested_until, token = excluded.token,"
                      + " run_from = excluded.run_from, run_until = excluded.run_until,"
                      + " pages_in_run = excluded.pages_in_run,"
                      + " records_in_run = excluded.records_in_run,"
                      + " updated_at = excluded.updated_at")) {
            ps.setString(1, c.endpoint());
            ps.setString(2, c.set());
            dialect.setDate(ps, 3, c.harvestedUntil());
            ps.setString(4, c.token());
            dialect.setDate(ps, 5, c.runFrom());
            dialect.setDate(ps, 6, c.runUntil());
            ps.setLong(7, c.pagesInRun());
            ps.setLong(8, c.recordsInRun());
            dialect.setInstant(ps, 9, c.updatedAt());
            ps.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public List<HarvestCheckpoint> all() {
    return db.read(
        conn -> {
          List<HarvestCheckpoint> out = new ArrayList<>();
          try (PreparedStatement ps =
                  conn.prepareStatement(
                      "SELECT "
                          + COLUMNS
                          + " FROM harvest_checkpoint ORDER BY endpoint "
                          + dialect.placeholders().get("binary_collation")
                          + ", set_spec "
                          + dialect.placeholders().get("binary_collation"));
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(read(rs));
            }
          }
          return out;
        });
  }

  private HarvestCheckpoint read(ResultSet rs) throws SQLException {
    return new HarvestCheckpoint(
        rs.getString(1),
        rs.getString(2),
        dialect.getDate(rs, 3),
        rs.getString(4),
        dialect.getDate(rs, 5),
        dialect.getDate(rs, 6),
        rs.getLong(7),
        rs.getLong(8),
        dialect.getInstant(rs, 9));
  }
}
