package dev.paperboy.search.solr;

import dev.paperboy.core.embed.Embedder;
import dev.paperboy.core.embed.VectorLookup;
import dev.paperboy.core.search.SearchIndex;
import dev.paperboy.core.testing.SearchIndexContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The search contract on a real 2-node SolrCloud: a collection of 2 shards with 2 replicas each,
 * shared by the tests and emptied before each.
 */
@ExtendWith(SolrCloudExtension.class)
class SolrSearchIndexContractTest extends SearchIndexContract {
  private SolrCloud cloud;

  @BeforeEach
  void cluster(SolrCloud cloud) {
    this.cloud = cloud;
  }

  private SolrSearchIndex emptied(SolrSearchIndex index) {
    index.deleteAll();
    index.commit();
    return index;
  }

  @Override
  protected SearchIndex newIndex() {
    return emptied(SolrSearchIndex.open(cloud.settings(), null));
  }

  @Override
  protected SearchIndex newIndex(Embedder embedder, VectorLookup vectors) {
    return emptied(
        SolrSearchIndex.open(
            cloud.settings(), SolrSearchIndex.Semantic.defaults(embedder, vectors)));
  }
}
