package dev.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.search.SearchHit;
import dev.paperboy.core.search.SearchMode;
import dev.paperboy.core.search.SearchQuery;
import dev.paperboy.core.testing.SharedData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * BM25 on BEIR SciFact through the public search path must reproduce the published Lucene "flat"
 * reference run (Anserini BEIR regression: title + text in one field, k1=0.9, b=0.4, test queries):
 * nDCG@10 = 0.679 (0.6789). Skipped when the shared data is absent.
 */
class ScifactReferenceRunTest {

  static final double REFERENCE_NDCG_AT_10 = 0.679;

  /** Hits read per query: enough to see ties that straddle rank 10. */
  static final int HITS = 20;

  @Test
  void bm25ReproducesTheReferenceRun() throws Exception {
    BeirCollection scifact = BeirCollection.read(SharedData.require("scifact"), "test");
    // Papers need arXiv ids: give each corpus document a synthetic one and map back.
    Map<ArxivId, String> beirIds = new HashMap<>();
    List<Paper> papers = new ArrayList<>();
    for (int i = 0; i < scifact.corpus().size(); i++) {
      BeirCollection.Doc d = scifact.corpus().get(i);
      ArxivId id = new ArxivId(String.format(Locale.ROOT, "1501.%05d", i + 1));
      beirIds.put(id, d.id());
      papers.add(Paper.builder(id, d.title()).abstractText(d.text()).build());
    }
    double sum = 0;
    double sumLuceneOrder = 0;
    int judged = 0;
    long t0 = System.nanoTime();
    try (LuceneSearchIndex index = LuceneSearchIndex.inMemory()) {
      index.index(papers);
      index.commit();
      long t1 = System.nanoTime();
      for (var e : scifact.qrels().entrySet()) {
        String text = scifact.queries().get(e.getKey());
        List<SearchHit> hits = index.search(SearchQuery.of(text, SearchMode.BM25, HITS)).hits();
        // trec_eval re-sorts a run by score (descending), breaking ties by document id
        // (descending); do the same so ties at rank 10 fall as in the reference evaluation.
        List<String> ranking =
            hits.stream()
                .sorted(
                    Comparator.comparingDouble((SearchHit h) -> -h.score())
                        .thenComparing(h -> beirIds.get(h.id()), Comparator.reverseOrder()))
                .map(h -> beirIds.get(h.id()))
                .toList();
        sum += BeirCollection.ndcg(ranking, e.getValue(), 10);
        List<String> luceneOrder = hits.stream().map(h -> beirIds.get(h.id())).toList();
        sumLuceneOrder += BeirCollection.ndcg(luceneOrder, e.getValue(), 10);
        judged++;
      }
      long t2 = System.nanoTime();
      double ndcg = sum / judged;
      System.out.printf(
          Locale.ROOT,
          "SciFact BM25 nDCG@10 = %.4f over %d queries (reference %.3f; %.4f without trec_eval's"
              + " tie order); indexed %d docs in %d ms, searched in %d ms%n",
          ndcg,
          judged,
          REFERENCE_NDCG_AT_10,
          sumLuceneOrder / judged,
          papers.size(),
          (t1 - t0) / 1_000_000,
          (t2 - t1) / 1_000_000);
      assertThat(judged).isEqualTo(300);
      assertThat(ndcg).isCloseTo(REFERENCE_NDCG_AT_10, within(0.005));
    }
  }
}
