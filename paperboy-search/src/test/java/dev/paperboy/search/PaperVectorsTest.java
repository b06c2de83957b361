package dev.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.Test;

class PaperVectorsTest {

  private static final int DIM = 32;

  @Test
  void rescoringGivesExactScoresBestFirst() throws Exception {
    Random random = new Random(7);
    float[][] vectors = new float[300][];
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      // Several segments, and documents without a vector between them.
      try (IndexWriter w =
          new IndexWriter(
              dir, new IndexWriterConfig().setCodec(PaperVectors.codec()).setMaxBufferedDocs(50))) {
        for (int i = 0; i < vectors.length; i++) {
          Document d = new Document();
          d.add(new StringField("id", Integer.toString(i), Field.Store.YES));
          if (i % 7 != 3) {
            vectors[i] = unit(random);
            d.add(PaperVectors.field(vectors[i]));
          }
          w.addDocument(d);
        }
      }
      try (DirectoryReader r = DirectoryReader.open(dir)) {
        assertThat(r.leaves()).hasSizeGreaterThan(1);
        IndexSearcher s = new IndexSearcher(r);
        float[] q = unit(random);
        TopDocs approx = s.search(PaperVectors.knnCandidates(q, 40, null), 40);
        ScoreDoc[] exact = PaperVectors.rescore(s, q, approx.scoreDocs);

        assertThat(exact).hasSameSizeAs(approx.scoreDocs);
        for (int i = 0; i < exact.length; i++) {
          float[] v = vectors[Integer.parseInt(s.storedFields().document(exact[i].doc).get("id"))];
          assertThat(PaperVectors.cosine(exact[i].score))
              .isCloseTo(VectorUtil.dotProduct(q, v), within(1e-6));
          if (i > 0) {
            assertThat(exact[i].score).isLessThanOrEqualTo(exact[i - 1].score);
          }
        }
        // The best of all documents by brute force comes first.
        TopDocs brute = PaperVectors.exact(s, q, 1);
        assertThat(exact[0].doc).isEqualTo(brute.scoreDocs[0].doc);
      }
    }
  }

  @Test
  void aHitWithoutAFloatVectorKeepsItsScore() throws Exception {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w =
          new IndexWriter(dir, new IndexWriterConfig().setCodec(PaperVectors.codec()))) {
        w.addDocument(new Document());
        Document d = new Document();
        d.add(PaperVectors.field(unit(new Random(1))));
        w.addDocument(d);
      }
      try (DirectoryReader r = DirectoryReader.open(dir)) {
        IndexSearcher s = new IndexSearcher(r);
        ScoreDoc[] out =
            PaperVectors.rescore(s, unit(new Random(2)), new ScoreDoc[] {new ScoreDoc(0, 0.25f)});
        assertThat(out[0].score).isEqualTo(0.25f);
      }
    }
  }

  private static float[] unit(Random random) {
    float[] v = new float[DIM];
    for (int i = 0; i < DIM; i++) {
      v[i] = (float) random.nextGaussian();
    }
    return VectorUtil.l2normalize(v);
  }
}
