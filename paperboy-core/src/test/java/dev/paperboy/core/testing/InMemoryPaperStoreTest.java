package dev.paperboy.core.testing;

import dev.paperboy.core.paper.PaperStore;

/** The in-memory store used by other tests keeps the same contract as the real stores. */
class InMemoryPaperStoreTest extends PaperStoreContract {
  @Override
  protected PaperStore openStore() {
    return new InMemoryPaperStore();
  }
}
