package dev.paperboy.core.embed;

import dev.paperboy.core.testing.EmbeddingStoreContract;
import dev.paperboy.core.testing.InMemoryEmbeddingStore;
import dev.paperboy.core.testing.InMemoryPaperStore;

/** The EmbeddingStore contract on the in-memory store the other tests use. */
class InMemoryEmbeddingStoreTest extends EmbeddingStoreContract {
  @Override
  protected Stores openStores() {
    return new Stores(new InMemoryPaperStore(), new InMemoryEmbeddingStore(), () -> {});
  }

  /** The two in-memory stores do not know each other; the JDBC stores share the database. */
  @Override
  protected boolean stampsPapers() {
    return false;
  }
}
