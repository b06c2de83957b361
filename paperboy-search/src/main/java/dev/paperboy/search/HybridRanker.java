package dev.paperboy.search;

import dev.paperboy.core.embed.Vectors;
import dev.paperboy.core.search.Fusion;
import dev.paperboy.core.search.Scored;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.jspecify.annotations.Nullable;

/**
 * Vector and hybrid rankings over one searcher, by Lucene document number.
 *
 * <p>Hybrid: the top {@code depth} of the BM25 query and of the k-NN search (both under the same
 * filter) are fused ({@link Fusion}). A paper that has no vector yet (the embedding job has not
 * reached it) ranks through its BM25 score alone: it is given the vector-side score that matches
 * its keyword-side one, instead of the worst, so a backfill in progress does not bury new papers.
 * With feedback on, the query vector is then moved towards the mean vector of the first fused
 * ranking's top documents (Rocchio, 1971, applied to dense vectors as in Li et al., "Pseudo
 * Relevance Feedback with Deep Language Models and Dense Retrievers", TOIS 2023) and the vector
 * side is searched and fused again.
 */
final class HybridRanker {
  private final IndexSearcher searcher;
  private final HybridOptions options;

  HybridRanker(IndexSearcher searcher, HybridOptions options) {
    this.searcher = searcher;
    this.options = options;
  }

  /** The nearest {@code n} documents to {@code vector} among those {@code filter} accepts. */
  List<Scored<Integer>> semantic(float[] vector, @Nullable Query filter, int n) throws IOException {
    // Oversample the graph (it ranks by int8 copies), then rank the candidates by their exact
    // float vectors: on the SciFact train queries that reproduced exact search (nDCG@10 and R@100)
    // and made the ranking independent of how the graph happened to be built.
    int k = Math.max(n, PaperVectors.MIN_CANDIDATES) * PaperVectors.OVERSAMPLE;
    TopDocs top = searcher.search(PaperVectors.knnCandidates(vector, k, filter), k);
    ScoreDoc[] hits = PaperVectors.rescore(searcher, vector, top.scoreDocs);
    List<Scored<Integer>> out = new ArrayList<>(hits.length);
    for (ScoreDoc sd : hits) {
      if (out.size() == n) {
        break;
      }
      out.add(new Scored<>(sd.doc, PaperVectors.cosine(sd.score)));
    }
    return out;
  }

  /**
   * The fused ranking of {@code keywords} (already filtered; null when the text has no keywords)
   * and {@code vector}, best first; at least the top {@code n} are exact.
   */
  List<Scored<Integer>> hybrid(
      @Nullable Query keywords, float[] vector, @Nullable Query filter, int n) throws IOException {
    int depth = Math.max(options.depth(), n);
    List<Scored<Integer>> lexical = keywords == null ? List.of() : bm25(keywords, depth);
    List<Scored<Integer>> withoutVector = withoutVector(lexical);
    List<Scored<Integer>> dense = semantic(vector, filter, depth);
    List<Scored<Integer>> fused = fuse(lexical, dense, withoutVector);
    if (options.feedbackDocs() > 0 && !fused.isEmpty()) {
      float[] moved = feedback(vector, fused);
      if (moved != null) {
        fused = fuse(lexical, semantic(moved, filter, depth), withoutVector);
      }
    }
    return fused;
  }

  /** The keyword candidates that have no vector, in keyword rank order. */
  private List<Scored<Integer>> withoutVector(List<Scored<Integer>> lexical) throws IOException {
    List<Scored<Integer>> out = new ArrayList<>();
    for (Scored<Integer> s : lexical) {
      if (!PaperVectors.hasVector(searcher, s.id())) {
        out.add(s);
      }
    }
    return out;
  }

  private List<Scored<Integer>> bm25(Query keywords, int depth) throws IOException {
    TopDocs top = searcher.search(keywords, depth);
    List<Scored<Integer>> out = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc sd : top.scoreDocs) {
      out.add(new Scored<>(sd.doc, sd.score));
    }
    return out;
  }

  private List<Scored<Integer>> fuse(
      List<Scored<Integer>> lexical,
      List<Scored<Integer>> dense,
      List<Scored<Integer>> withoutVector) {
    if (!withoutVector.isEmpty()) {
      dense = impute(lexical, dense, withoutVector);
    }
    return switch (options.fusion()) {
      case CONVEX -> Fusion.convexCombination(lexical, dense, options.alpha());
      case RRF ->
          Fusion.reciprocalRank(
              List.of(Fusion.ids(lexical), Fusion.ids(dense)), List.of(1.0, 1.0), options.rrfK());
    };
  }

  /**
   * The vector ranking with the papers that have no vector added where their keyword score puts
   * them: a vector-side score at the same relative position between the vector ranking's lowest and
   * highest score as their keyword score between the keyword ranking's (for min-max fusion the two
   * normalised scores are then equal; for rank fusion the ranks are close).
   */
  private static List<Scored<Integer>> impute(
      List<Scored<Integer>> lexical, List<Scored<Integer>> dense, List<Scored<Integer>> missing) {
    double lexMin = Double.POSITIVE_INFINITY;
    double lexMax = Double.NEGATIVE_INFINITY;
    for (Scored<Integer> s : lexical) {
      lexMin = Math.min(lexMin, s.score());
      lexMax = Math.max(lexMax, s.score());
    }
    double lo = dense.isEmpty() ? 0 : Double.POSITIVE_INFINITY;
    double hi = dense.isEmpty() ? 1 : Double.NEGATIVE_INFINITY;
    for (Scored<Integer> s : dense) {
      lo = Math.min(lo, s.score());
      hi = Math.max(hi, s.score());
    }
    List<Scored<Integer>> out = new ArrayList<>(dense);
    for (Scored<Integer> s : missing) {
      double rel = lexMax > lexMin ? (s.score() - lexMin) / (lexMax - lexMin) : 1.0;
      out.add(new Scored<>(s.id(), lo + rel * (hi - lo)));
    }
    out.sort((a, b) -> Double.compare(b.score(), a.score()));
    return out;
  }

  /** The query vector moved towards the mean of the top fused documents that have vectors. */
  private float @Nullable [] feedback(float[] query, List<Scored<Integer>> fused)
      throws IOException {
    float[] mean = new float[query.length];
    int used = 0;
    for (Scored<Integer> s : fused) {
      if (used == options.feedbackDocs()) {
        break;
      }
      float[] v = PaperVectors.vectorOf(searcher, s.id());
      if (v == null) {
        continue;
      }
      for (int i = 0; i < v.length; i++) {
        mean[i] += v[i];
      }
      used++;
    }
    if (used == 0) {
      return null;
    }
    double w = options.feedbackWeight();
    float[] moved = new float[query.length];
    for (int i = 0; i < query.length; i++) {
      moved[i] = (float) ((1 - w) * query[i] + w * mean[i] / used);
    }
    return Vectors.normalizeInPlace(moved);
  }
}
