package dev.paperboy.store;

import dev.paperboy.core.embed.EmbeddingStore;
import dev.paperboy.core.embed.StoredVector;
import dev.paperboy.core.embed.Vectors;
import dev.paperboy.core.paper.ArxivId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@link EmbeddingStore} on a JDBC {@link Database}: table {@code paper_vector}, one row per
 * paper and model, the vector as little-endian float32 bytes ({@link Vectors#toBytes}).
 */
public final class JdbcEmbeddingStore implements EmbeddingStore {
  private static final String UPSERT =
      "INSERT INTO paper_vector (paper_id, model, text_hash, dimension, vector)"
          + " VALUES (?, ?, ?, ?, ?)"
          + " ON CONFLICT (model, paper_id) DO UPDATE SET text_hash = excluded.text_hash,"
          + " dimension = excluded.dimension, vector = excluded.vector";
  private static final String COLUMNS = "paper_id, model, text_hash, dimension, vector";

  private final Database db;

  /** A store on {@code db}; closing the database is the caller's business. */
  public JdbcEmbeddingStore(Database db) {
    this.db = Objects.requireNonNull(db, "db");
  }

  @Override
  public void putVectors(List<StoredVector> vectors) {
    if (vectors.isEmpty()) {
      return;
    }
    db.inTransaction(
        conn -> {
          // A new vector changes the paper's document in the index: stamp it (V40), taking the
          // stamping lock before any write (see ChangeSeq#lock).
          ChangeSeq.lock(conn, db.dialect());
          try (PreparedStatement ps = conn.prepareStatement(UPSERT)) {
            for (StoredVector v : vectors) {
              ps.setString(1, v.id().value());
              ps.setString(2, v.model());
              ps.setString(3, v.textHash());
              ps.setInt(4, v.vector().length);
              ps.setBytes(5, Vectors.toBytes(v.vector()));
              ps.addBatch();
            }
            ps.executeBatch();
          }
          Set<ArxivId> papers = new LinkedHashSet<>();
          vectors.forEach(v -> papers.add(v.id()));
          ChangeSeq.stamp(conn, db.dialect(), papers);
          return null;
        });
  }

  @Override
  public Map<ArxivId, StoredVector> findVectors(Collection<ArxivId> ids, String model) {
    List<ArxivId> unique = new ArrayList<>(new LinkedHashSet<>(ids));
    Map<ArxivId, StoredVector> found = new LinkedHashMap<>();
    if (unique.isEmpty()) {
      return found;
    }
    return db.read(
        conn -> {
          for (int from = 0; from < unique.size(); from += JdbcPaperStore.IN_CHUNK) {
            List<ArxivId> chunk =
                unique.subList(from, Math.min(unique.size(), from + JdbcPaperStore.IN_CHUNK));
            String sql =
                "SELECT "
                    + COLUMNS
                    + " FROM paper_vector WHERE model = ? AND paper_id IN ("
                    + "?,".repeat(chunk.size() - 1)
                    + "?)";
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
              ps.setString(1, model);
              for (int i = 0; i < chunk.size(); i++) {
                ps.setString(i + 2, chunk.get(i).value());
              }
              for (StoredVector v : readAll(ps)) {
                found.put(v.id(), v);
              }
            }
          }
          return found;
        });
  }

  @Override
  public List<StoredVector> vectorsAfter(@Nullable ArxivId after, String model, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, limit: " + limit);
    }
    return db.read(
        conn -> {
          String sql =
              "SELECT "
                  + COLUMNS
                  + " FROM paper_vector WHERE model = ?"
                  + (after == null ? "" : " AND paper_id > ?")
                  + " ORDER BY paper_id LIMIT ?";
          try (PreparedStatement ps = conn.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, model);
            if (after != null) {
              ps.setString(i++, after.value());
            }
            ps.setInt(i, limit);
            return readAll(ps);
          }
        });
  }

  @Override
  public long countVectors(String model) {
    return db.read(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement("SELECT COUNT(*) FROM paper_vector WHERE model = ?")) {
            ps.setString(1, model);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  private static List<StoredVector> readAll(PreparedStatement ps) throws SQLException {
    List<StoredVector> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String id = rs.getString(1);
        int dimension = rs.getInt(4);
        byte[] bytes = rs.getBytes(5);
        float[] vector;
        try {
          vector = Vectors.fromBytes(bytes, dimension);
        } catch (IllegalArgumentException e) {
          throw new SQLException(
              "paper_vector row of " + id + " (" + rs.getString(2) + "): " + e.getMessage(), e);
        }
        out.add(new StoredVector(new ArxivId(id), rs.getString(2), rs.getString(3), vector));
      }
    }
    return out;
  }
}
