package dev.paperboy.core.ingest;

import java.util.List;
import java.util.Optional;

/**
 * Keeps one {@link HarvestCheckpoint} per {@code (endpoint, set)}. Writes replace the previous
 * checkpoint of the key and are durable when {@link #save} returns.
 */
public interface HarvestCheckpointStore {

  Optional<HarvestCheckpoint> find(String endpoint, String set);

  /** Inserts or replaces the checkpoint of {@code (checkpoint.endpoint(), checkpoint.set())}. */
  void save(HarvestCheckpoint checkpoint);

  /** Every checkpoint, by endpoint then set (for status pages and {@code paperboy stats}). */
  List<HarvestCheckpoint> all();
}
