package dev.paperboy.core.testing;

import dev.paperboy.core.ingest.HarvestCheckpoint;
import dev.paperboy.core.ingest.HarvestCheckpointStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A {@link HarvestCheckpointStore} in a map, for tests of harvesters. */
public final class InMemoryHarvestCheckpoints implements HarvestCheckpointStore {
  private final Map<String, HarvestCheckpoint> byKey = new TreeMap<>();
  private int saves;

  private static String key(String endpoint, String set) {
    return endpoint + "\u0000" + set;
  }

  @Override
  public synchronized Optional<HarvestCheckpoint> find(String endpoint, String set) {
    return Optional.ofNullable(byKey.get(key(endpoint, set)));
  }

  @Override
  public synchronized void save(HarvestCheckpoint checkpoint) {
    saves++;
    byKey.put(key(checkpoint.endpoint(), checkpoint.set()), checkpoint);
  }

  @Override
  public synchronized List<HarvestCheckpoint> all() {
    return new ArrayList<>(byKey.values());
  }

  /** How many times {@link #save} was called. */
  public synchronized int saves() {
    return saves;
  }
}
