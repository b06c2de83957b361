package dev.paperboy.search;

import dev.paperboy.core.embed.Embedder;
import dev.paperboy.core.embed.VectorLookup;
import dev.paperboy.core.search.SearchIndex;
import dev.paperboy.core.testing.SearchIndexContract;

/** The search contract on the embedded Lucene index, in memory. */
class LuceneSearchIndexContractTest extends SearchIndexContract {

  @Override
  protected SearchIndex newIndex() {
    return LuceneSearchIndex.inMemory();
  }

  @Override
  protected SearchIndex newIndex(Embedder embedder, VectorLookup vectors) {
    return LuceneSearchIndex.inMemory(
        LuceneSearchIndex.Options.DEFAULTS,
        new LuceneSearchIndex.Semantic(embedder, vectors, HybridOptions.DEFAULTS));
  }
}
