package dev.paperboy.core.testing;

import dev.paperboy.core.embed.EmbeddingStore;
import dev.paperboy.core.embed.StoredVector;
import dev.paperboy.core.paper.ArxivId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** An {@link EmbeddingStore} in memory, for tests of code that only needs the port. */
public final class InMemoryEmbeddingStore implements EmbeddingStore {
  private final Map<String, TreeMap<ArxivId, StoredVector>> byModel = new TreeMap<>();
  private int writes;

  @Override
  public synchronized void putVectors(List<StoredVector> vectors) {
    for (StoredVector v : vectors) {
      byModel.computeIfAbsent(v.model(), m -> new TreeMap<>()).put(v.id(), v);
      writes++;
    }
  }

  @Override
  public synchronized Map<ArxivId, StoredVector> findVectors(
      Collection<ArxivId> ids, String model) {
    Map<ArxivId, StoredVector> out = new LinkedHashMap<>();
    TreeMap<ArxivId, StoredVector> m = byModel.getOrDefault(model, new TreeMap<>());
    for (ArxivId id : ids) {
      StoredVector v = m.get(id);
      if (v != null) {
        out.put(id, v);
      }
    }
    return out;
  }

  @Override
  public synchronized List<StoredVector> vectorsAfter(
      @Nullable ArxivId after, String model, int limit) {
    TreeMap<ArxivId, StoredVector> m = byModel.getOrDefault(model, new TreeMap<>());
    return (after == null ? m : m.tailMap(after, false)).values().stream().limit(limit).toList();
  }

  @Override
  public synchronized long countVectors(String model) {
    return byModel.getOrDefault(model, new TreeMap<>()).size();
  }

  /** Number of vectors written so far, replacements included. */
  public synchronized int writes() {
    return writes;
  }
}
