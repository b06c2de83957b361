package dev.paperboy.core.testing;

import dev.paperboy.core.ingest.HarvestCheckpointStore;

/** The in-memory checkpoints used by harvester tests keep the same contract as the real store. */
class InMemoryHarvestCheckpointsTest extends HarvestCheckpointStoreContract {
  @Override
  protected HarvestCheckpointStore newStore() {
    return new InMemoryHarvestCheckpoints();
  }
}
