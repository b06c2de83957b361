package dev.paperboy.core.testing;

import dev.paperboy.core.paper.PaperStore;

/** The read contract on the in-memory store used by other modules' tests. */
class InMemoryPaperStoreReadTest extends PaperStoreReadContract {
  @Override
  protected PaperStore newStore() {
    return new InMemoryPaperStore();
  }
}
