package dev.paperboy.search.solr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.search.SearchMode;
import dev.paperboy.core.search.SearchQuery;
import dev.paperboy.core.testing.Papers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.solr.embedded.JettySolrRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With one of two nodes stopped, every shard still has a live replica: searches answer in full and
 * writes go through (after a leader election, which the index's retries wait out). A cluster of its
 * own, since it stops a node.
 */
class SolrFailoverTest {
  static SolrCloud cloud;

  @BeforeAll
  static void start() {
    cloud = SolrCloud.start(2, 2, 2);
  }

  @AfterAll
  static void stop() {
    cloud.close();
  }

  @Test
  void searchesAndWritesGoOnWithOneNodeStopped() throws Exception {
    SolrSettings settings = cloud.settings().withRetries(12, Duration.ofMillis(500));
    List<String> urls = settings.urls();
    assertThat(urls).hasSize(2);
    try (SolrSearchIndex index = SolrSearchIndex.open(settings, null)) {
      List<Paper> papers = new ArrayList<>();
      for (int i = 1; i <= 200; i++) {
        papers.add(Papers.paper(String.format("2501.%05d", i), "Resilient paper " + i));
      }
      index.index(papers);
      index.commit();
      assertThat(index.search(SearchQuery.of("resilient", SearchMode.BM25, 10)).total())
          .isEqualTo(200);

      JettySolrRunner stopped = cloud.cluster().stopJettySolrRunner(0);
      cloud.cluster().waitForJettyToStop(stopped);

      // Several searches, so some are sent to the stopped node first and move on.
      for (int i = 0; i < 6; i++) {
        assertThat(index.search(SearchQuery.of("resilient", SearchMode.BM25, 10)).total())
            .as("search %d with a node down", i)
            .isEqualTo(200);
      }
      assertThat(index.size()).isEqualTo(200);

      index.index(List.of(Papers.paper("2501.09999", "Written while a node is down")));
      index.commit();
      assertThat(index.search(SearchQuery.of("written", SearchMode.BM25, 10)).total()).isEqualTo(1);
    }
  }
}
