package dev.paperboy.search;

import dev.paperboy.core.embed.DocumentText;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.search.embed.OnnxEmbedder;
import dev.paperboy.search.eval.BeirCollection;
import dev.paperboy.search.eval.VectorCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * Recall of the HNSW search (int8-quantised graph, {@link PaperVectors#MIN_CANDIDATES} candidates)
 * against exact search over the same stored vectors, for the queries of a BEIR collection whose
 * vectors are cached.
 *
 * <pre>java -cp ... dev.paperboy.search.HnswRecall BEIR_DIR CACHE_DIR</pre>
 */
public final class HnswRecall {
  private HnswRecall() {}

  public static void main(String[] args) throws Exception {
    BeirCollection c = BeirCollection.read(Path.of(args[0]));
    try (OnnxEmbedder embedder = OnnxEmbedder.bgeSmallEnV15()) {
      VectorCache cache = VectorCache.open(Path.of(args[1]), embedder);
      List<Paper> papers = new ArrayList<>();
      Map<ArxivId, float[]> vectors = new HashMap<>();
      List<String> texts = new ArrayList<>();
      for (BeirCollection.Doc d : c.corpus()) {
        ArxivId id = new ArxivId(String.format(Locale.ROOT, "1501.%05d", papers.size() + 1));
        Paper p =
            Paper.builder(id, d.title().isBlank() ? d.text() : d.title())
                .abstractText(d.title().isBlank() ? "" : d.text())
                .build();
        papers.add(p);
        texts.add(DocumentText.of(p));
      }
      List<float[]> v = cache.documents(texts, embedder, n -> {});
      for (int i = 0; i < papers.size(); i++) {
        vectors.put(papers.get(i).id(), v.get(i));
      }
      List<float[]> queries = cache.queries(new ArrayList<>(c.queries().values()), embedder);
      Path dir = Files.createTempDirectory("hnsw-recall-");
      try (LuceneSearchIndex index =
          LuceneSearchIndex.open(
              dir,
              LuceneSearchIndex.Options.DEFAULTS,
              new LuceneSearchIndex.Semantic(
                  embedder,
                  batch -> {
                    Map<ArxivId, float[]> m = new HashMap<>();
                    batch.forEach(p -> m.put(p.id(), vectors.get(p.id())));
                    return m;
                  },
                  HybridOptions.DEFAULTS))) {
        index.index(papers);
        index.commit();
        for (int k : new int[] {10, 100}) {
          double[] sum = {0};
          long start = System.nanoTime();
          index.withSearcher(
              s -> {
                for (float[] q : queries) {
                  TopDocs exact = PaperVectors.exact(s, q, k);
                  TopDocs approx = s.search(PaperVectors.knn(q, k, null), k);
                  Set<Integer> truth = new HashSet<>();
                  for (ScoreDoc sd : exact.scoreDocs) {
                    truth.add(sd.doc);
                  }
                  int found = 0;
                  for (ScoreDoc sd : approx.scoreDocs) {
                    if (truth.contains(sd.doc)) {
                      found++;
                    }
                  }
                  sum[0] += (double) found / truth.size();
                }
                return null;
              });
          System.out.printf(
              Locale.ROOT,
              "docs=%d queries=%d k=%d candidates=%d recall@k=%.4f (%.1f s)%n",
              papers.size(),
              queries.size(),
              k,
              Math.max(k, PaperVectors.MIN_CANDIDATES),
              sum[0] / queries.size(),
              (System.nanoTime() - start) / 1e9);
        }
      }
    }
  }
}
