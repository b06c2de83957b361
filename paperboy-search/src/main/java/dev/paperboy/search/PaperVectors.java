package dev.paperboy.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.VectorUtil;
import org.jspecify.annotations.Nullable;

/**
 * The vector side of the index: one {@link KnnFloatVectorField} per paper that has a vector, kept
 * in an HNSW graph (Malkov and Yashunin, "Efficient and robust approximate nearest neighbor search
 * using Hierarchical Navigable Small World graphs", TPAMI 2020) over int8-quantised copies of the
 * vectors, with the float vectors kept for exact rescoring.
 *
 * <p>Vectors are unit length, so the dot product is the cosine similarity and the cheaper of the
 * two. Lucene maps it to a score in [0, 1] as {@code (1 + dot) / 2}; {@link #cosine} undoes that.
 */
final class PaperVectors {
  /** The vector field. */
  static final String VECTOR = "vector";

  /**
   * Candidates the HNSW search collects before the best are kept. STACK.md measured recall 0.57 at
   * k=10 and 0.99 at k=100 on 200k documents, so a search never asks for fewer than this.
   */
  static final int MIN_CANDIDATES = 100;

  /**
   * How many more candidates than asked for the graph search returns before they are rescored with
   * the float vectors ({@link #rescore}). On SciFact train, 2 brought recall@100 to that of exact
   * search (0.9615 to 0.9639) and 4 added nothing.
   */
  static final int OVERSAMPLE = 2;

  /**
   * Neighbours per node and the candidate list while building the graph: twice Lucene's 16 and 100.
   * With Lucene's, five `paperboy eval` runs on SciFact gave semantic nDCG@10 between 0.7073 and
   * 0.7107 (and once 0.7028), depending on how the index's segments happened to be merged; with
   * these, every run gave 0.7107 / R@100 0.9433, the figures of exact search. Reindexing 80,317
   * papers took 40 s instead of 31 s.
   */
  static final int MAX_CONN = 32;

  static final int BEAM_WIDTH = 200;

  private PaperVectors() {}

  /** The codec of the index: Lucene's default, with int8 scalar-quantised HNSW for vectors. */
  static Codec codec() {
    KnnVectorsFormat format = new Lucene104HnswScalarQuantizedVectorsFormat(MAX_CONN, BEAM_WIDTH);
    return new Lucene104Codec() {
      @Override
      public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
        return format;
      }
    };
  }

  static KnnFloatVectorField field(float[] vector) {
    return new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT);
  }

  /** The cosine similarity behind a Lucene DOT_PRODUCT score. */
  static double cosine(float luceneScore) {
    return 2.0 * luceneScore - 1.0;
  }

  /**
   * Approximate nearest neighbours among the documents {@code filter} accepts (all when null): the
   * filter is applied inside the graph search, so filtered searches still return full pages.
   */
  static Query knn(float[] query, int k, @Nullable Query filter) {
    return knnCandidates(query, Math.max(k, MIN_CANDIDATES), filter);
  }

  /** Exactly {@code k} approximate nearest neighbours (the caller chose k). */
  static Query knnCandidates(float[] query, int k, @Nullable Query filter) {
    return new KnnFloatVectorQuery(VECTOR, query, k, filter);
  }

  /** The stored vector of a document, or null when it has none. */
  static float @Nullable [] vectorOf(IndexSearcher searcher, int doc) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
    FloatVectorValues values = leaf.reader().getFloatVectorValues(VECTOR);
    if (values == null) {
      return null;
    }
    int local = doc - leaf.docBase;
    KnnVectorValues.DocIndexIterator it = values.iterator();
    if (it.advance(local) != local) {
      return null;
    }
    return values.vectorValue(it.index()).clone();
  }

  /**
   * {@code hits} scored again with the exact dot product of their float vectors, best first (ties
   * by document). The graph ranks by int8 copies of the vectors, whose scores are approximations. A
   * hit without a float vector (not possible for a k-NN hit) keeps its score.
   */
  static ScoreDoc[] rescore(IndexSearcher searcher, float[] query, ScoreDoc[] hits)
      throws IOException {
    ScoreDoc[] byDoc = hits.clone();
    java.util.Arrays.sort(byDoc, java.util.Comparator.comparingInt((ScoreDoc h) -> h.doc));
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    ScoreDoc[] out = new ScoreDoc[byDoc.length];
    int current = -1;
    LeafReaderContext leaf = null;
    FloatVectorValues values = null;
    KnnVectorValues.DocIndexIterator it = null;
    for (int i = 0; i < byDoc.length; i++) {
      int doc = byDoc[i].doc;
      int index = org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves);
      if (index != current) {
        current = index;
        leaf = leaves.get(index);
        values = leaf.reader().getFloatVectorValues(VECTOR);
        it = values == null ? null : values.iterator();
      }
      float score = byDoc[i].score;
      int local = doc - leaf.docBase;
      if (it != null
          && (it.docID() == local || (it.docID() < local && it.advance(local) == local))) {
        score = (1 + VectorUtil.dotProduct(query, values.vectorValue(it.index()))) / 2;
      }
      out[i] = new ScoreDoc(doc, score);
    }
    java.util.Arrays.sort(
        out, (a, b) -> a.score != b.score ? Float.compare(b.score, a.score) : a.doc - b.doc);
    return out;
  }

  /** Whether a document has a vector. */
  static boolean hasVector(IndexSearcher searcher, int doc) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
    FloatVectorValues values = leaf.reader().getFloatVectorValues(VECTOR);
    if (values == null) {
      return false;
    }
    int local = doc - leaf.docBase;
    return values.iterator().advance(local) == local;
  }

  /**
   * The exact top {@code k} by brute force over every stored vector: the reference that HNSW recall
   * is measured against.
   */
  static TopDocs exact(IndexSearcher searcher, float[] query, int k) throws IOException {
    List<ScoreDoc> all = new ArrayList<>();
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      FloatVectorValues values = leaf.reader().getFloatVectorValues(VECTOR);
      if (values == null) {
        continue;
      }
      var live = leaf.reader().getLiveDocs();
      KnnVectorValues.DocIndexIterator it = values.iterator();
      for (int d = it.nextDoc();
          d != KnnVectorValues.DocIndexIterator.NO_MORE_DOCS;
          d = it.nextDoc()) {
        if (live != null && !live.get(d)) {
          continue;
        }
        float dot = VectorUtil.dotProduct(query, values.vectorValue(it.index()));
        all.add(new ScoreDoc(leaf.docBase + d, (1 + dot) / 2));
      }
    }
    all.sort((a, b) -> Float.compare(b.score, a.score));
    List<ScoreDoc> top = all.subList(0, Math.min(k, all.size()));
    return new TopDocs(
        new org.apache.lucene.search.TotalHits(
            all.size(), org.apache.lucene.search.TotalHits.Relation.EQUAL_TO),
        top.toArray(new ScoreDoc[0]));
  }
}
