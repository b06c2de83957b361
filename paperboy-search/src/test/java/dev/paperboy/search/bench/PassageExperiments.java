package dev.paperboy.search.bench;

import dev.paperboy.core.embed.DocumentText;
import dev.paperboy.core.embed.Embedder;
import dev.paperboy.core.eval.Qrels;
import dev.paperboy.core.search.Scored;
import dev.paperboy.search.embed.OnnxEmbedder;
import dev.paperboy.search.eval.BeirCollection;
import dev.paperboy.search.eval.VectorCache;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.VectorUtil;

/**
 * Passage-level (multi-vector) experiments on a BEIR collection, on top of {@link
 * HybridExperiments}: each abstract is cut into sentence windows, every window is embedded (and
 * cached like the document vectors), and a document's passage score is its best window's cosine
 * (MaxP, Dai and Callan, "Deeper Text Understanding for IR with Contextual Neural Language
 * Modeling", SIGIR 2019) or a soft maximum. BM25 over the same windows is tried as a further
 * ranker, and a linear fusion of several normalised scores is fitted on train with
 * cross-validation.
 *
 * <p>Only train metrics are printed (choices are made there); {@code -Dexperiments.test=true}
 * prints test too, for the final choice only.
 *
 * <pre>java -cp ... dev.paperboy.search.bench.PassageExperiments BEIR_DIR CACHE_DIR SETS GROUPS
 * </pre>
 *
 * SETS: comma-separated passage sets, each {@code s<w>x<stride>} (sentence windows without the
 * title) or {@code t<w>x<stride>} (title + window), e.g. {@code s1x1,t3x2}.
 */
public final class PassageExperiments {
  final HybridExperiments x;
  final int nDocs;
  final List<String> trainQ;
  final Qrels train;
  final Qrels test;

  /** Query id to row in the score arrays. */
  final Map<String, Integer> qRow = new HashMap<>();

  final List<String> qids = new ArrayList<>();

  /** [query][doc] cosine of the whole-document vector. */
  final float[][] docCos;

  /** [query][doc] BM25 score of the flat index (0 outside the top 1000). */
  final float[][] bm25;

  /** Per passage set: [query][doc] best window cosine, and the soft-max variants. */
  final Map<String, float[][]> maxP = new LinkedHashMap<>();

  final Map<String, float[][]> meanTop2 = new LinkedHashMap<>();

  /** Per passage set: [query][doc] cosine of the normalised mean of the document's windows. */
  final Map<String, float[][]> meanP = new LinkedHashMap<>();

  /** Per passage set: [query][doc] best window BM25 (0 outside the top 1000 windows). */
  final Map<String, float[][]> bm25P = new LinkedHashMap<>();

  final Map<String, Integer> passageCounts = new LinkedHashMap<>();

  PassageExperiments(HybridExperiments x) {
    this.x = x;
    this.nDocs = x.docIds.size();
    this.train = x.c.qrels("train");
    this.test = x.c.qrels("test");
    this.trainQ = new ArrayList<>(train.judgments().keySet());
    for (String q : x.c.queries().keySet()) {
      if (train.judgments().containsKey(q) || test.judgments().containsKey(q)) {
        qRow.put(q, qids.size());
        qids.add(q);
      }
    }
    docCos = new float[qids.size()][];
    bm25 = new float[qids.size()][nDocs];
    for (int r = 0; r < qids.size(); r++) {
      float[] qv = x.queryVecs.get(qids.get(r));
      float[] row = new float[nDocs];
      for (int d = 0; d < nDocs; d++) {
        row[d] = VectorUtil.dotProduct(qv, x.docVecs[d]);
      }
      docCos[r] = row;
      for (Scored<String> s : x.bm25.get(qids.get(r))) {
        bm25[r][x.docIndex.get(s.id())] = (float) s.score();
      }
    }
  }

  // ---------------------------------------------------------------- passages

  /** Sentences of a text, by the JDK's sentence break rules, stripped, blanks dropped. */
  static List<String> sentences(String text) {
    BreakIterator it = BreakIterator.getSentenceInstance(Locale.ROOT);
    it.setText(text);
    List<String> out = new ArrayList<>();
    int start = it.first();
    for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
      String s = text.substring(start, end).strip();
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * Windows of {@code w} sentences every {@code stride} sentences; the last window ends at the last
   * sentence. A text of at most {@code w} sentences is one window.
   */
  static List<String> windows(String text, int w, int stride) {
    List<String> s = sentences(text);
    List<String> out = new ArrayList<>();
    if (s.size() <= w) {
      out.add(String.join(" ", s));
      return out;
    }
    for (int from = 0; ; from += stride) {
      int to = Math.min(from + w, s.size());
      out.add(String.join(" ", s.subList(to - w, to)));
      if (to == s.size()) {
        break;
      }
    }
    return out;
  }

  record PassageSet(String name, List<String> texts, int[] owner) {}

  PassageSet passageSet(String name) {
    boolean withTitle = name.charAt(0) == 't';
    String[] parts = name.substring(1).split("x");
    int w = Integer.parseInt(parts[0]);
    int stride = Integer.parseInt(parts[1]);
    List<String> texts = new ArrayList<>();
    List<Integer> owner = new ArrayList<>();
    for (int d = 0; d < nDocs; d++) {
      BeirCollection.Doc doc = x.c.corpus().get(d);
      for (String win : windows(doc.text(), w, stride)) {
        texts.add(
            withTitle ? DocumentText.of(doc.title(), win) : win.isEmpty() ? doc.title() : win);
        owner.add(d);
      }
    }
    return new PassageSet(name, texts, owner.stream().mapToInt(Integer::intValue).toArray());
  }

  void addPassageSet(String name, Path cacheDir, Embedder embedder) throws Exception {
    PassageSet p = passageSet(name);
    passageCounts.put(name, p.texts().size());
    long tokens = 0;
    if (embedder instanceof OnnxEmbedder onnx) {
      for (String t : p.texts()) {
        tokens += onnx.tokenCount(t);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "passage set %s: %d passages (%.2f per doc), %d tokens%n",
        name,
        p.texts().size(),
        p.texts().size() / (double) nDocs,
        tokens);
    VectorCache cache = VectorCache.open(cacheDir.resolve("passages"), embedder);
    long start = System.nanoTime();
    int[] last = {0};
    List<float[]> vecs =
        cache.documents(
            p.texts(),
            embedder,
            n -> {
              last[0] = n;
              if (n % 2048 < 256) {
                System.out.printf(
                    Locale.ROOT,
                    "  %s: %d embedded, %.1f/s%n",
                    name,
                    n,
                    n / ((System.nanoTime() - start) / 1e9));
              }
            });
    if (last[0] > 0) {
      System.out.printf(
          Locale.ROOT,
          "  %s: embedded %d in %.0f s%n",
          name,
          last[0],
          (System.nanoTime() - start) / 1e9);
    }
    float[][] best = new float[qids.size()][nDocs];
    float[][] top2 = new float[qids.size()][nDocs];
    for (int r = 0; r < qids.size(); r++) {
      float[] qv = x.queryVecs.get(qids.get(r));
      float[] b1 = best[r];
      float[] b2 = new float[nDocs];
      Arrays.fill(b1, -2f);
      Arrays.fill(b2, -2f);
      for (int i = 0; i < vecs.size(); i++) {
        float s = VectorUtil.dotProduct(qv, vecs.get(i));
        int d = p.owner()[i];
        if (s > b1[d]) {
          b2[d] = b1[d];
          b1[d] = s;
        } else if (s > b2[d]) {
          b2[d] = s;
        }
      }
      for (int d = 0; d < nDocs; d++) {
        top2[r][d] = b2[d] < -1f ? b1[d] : (b1[d] + b2[d]) / 2;
      }
    }
    float[][] means = new float[nDocs][];
    for (int i = 0; i < vecs.size(); i++) {
      int d = p.owner()[i];
      float[] v = vecs.get(i);
      if (means[d] == null) {
        means[d] = new float[v.length];
      }
      for (int j = 0; j < v.length; j++) {
        means[d][j] += v[j];
      }
    }
    for (float[] m : means) {
      double n = 0;
      for (float f : m) {
        n += f * f;
      }
      for (int j = 0; j < m.length; j++) {
        m[j] /= (float) Math.sqrt(n);
      }
    }
    float[][] meanCos = new float[qids.size()][nDocs];
    for (int r = 0; r < qids.size(); r++) {
      float[] qv = x.queryVecs.get(qids.get(r));
      for (int d = 0; d < nDocs; d++) {
        meanCos[r][d] = VectorUtil.dotProduct(qv, means[d]);
      }
    }
    meanP.put(name, meanCos);
    maxP.put(name, best);
    meanTop2.put(name, top2);
    bm25P.put(name, passageBm25(p));
  }

  /** BM25 (k1 0.9, b 0.4) over the windows, each document scored by its best window. */
  float[][] passageBm25(PassageSet p) throws Exception {
    EnglishAnalyzer analyzer = new EnglishAnalyzer();
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    BM25Similarity sim = new BM25Similarity(0.9f, 0.4f);
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer).setSimilarity(sim))) {
      for (int i = 0; i < p.texts().size(); i++) {
        Document doc = new Document();
        doc.add(new StoredField("owner", p.owner()[i]));
        String text = p.texts().get(i);
        // BM25 always sees the title with the window: a window alone lacks the topic words.
        if (p.name().charAt(0) == 's') {
          text = x.c.corpus().get(p.owner()[i]).title() + " " + text;
        }
        doc.add(new TextField("contents", text, Field.Store.NO));
        w.addDocument(doc);
      }
    }
    float[][] out = new float[qids.size()][nDocs];
    try (DirectoryReader r = DirectoryReader.open(dir)) {
      IndexSearcher s = new IndexSearcher(r);
      s.setSimilarity(sim);
      QueryParser parser = new QueryParser("contents", analyzer);
      for (int q = 0; q < qids.size(); q++) {
        var query = parser.parse(QueryParser.escape(x.c.queries().get(qids.get(q))));
        for (ScoreDoc h : s.search(query, 3000).scoreDocs) {
          int d = s.storedFields().document(h.doc).getField("owner").numericValue().intValue();
          out[q][d] = Math.max(out[q][d], h.score);
        }
      }
    }
    return out;
  }

  private final Map<Integer, float[]> rocchioCache = new HashMap<>();

  /**
   * Cosine of every document with the query vector moved towards the mean vector of the top {@code
   * k} of the convex fusion (BM25 0.4, document vector 0.6, depth 100).
   */
  float[] rocchio(int row, int k, double w) {
    return rocchioCache.computeIfAbsent(
        row,
        r -> {
          float[] lexS = bm25[r];
          float[] denseS = docCos[r];
          Map<Integer, Double> fused = new HashMap<>();
          addNormalised(fused, topIdx(lexS, 100, true), lexS, 0.4);
          addNormalised(fused, topIdx(denseS, 100, false), denseS, 0.6);
          List<Map.Entry<Integer, Double>> order = new ArrayList<>(fused.entrySet());
          order.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
          float[] qv = x.queryVecs.get(qids.get(r));
          float[] mean = new float[qv.length];
          int used = Math.min(k, order.size());
          for (int i = 0; i < used; i++) {
            float[] v = x.docVecs[order.get(i).getKey()];
            for (int j = 0; j < v.length; j++) {
              mean[j] += v[j] / used;
            }
          }
          float[] moved = new float[qv.length];
          double norm = 0;
          for (int j = 0; j < qv.length; j++) {
            moved[j] = (float) ((1 - w) * qv[j] + w * mean[j]);
            norm += moved[j] * moved[j];
          }
          for (int j = 0; j < qv.length; j++) {
            moved[j] /= (float) Math.sqrt(norm);
          }
          float[] out = new float[nDocs];
          for (int d = 0; d < nDocs; d++) {
            out[d] = VectorUtil.dotProduct(moved, x.docVecs[d]);
          }
          return out;
        });
  }

  private int[] topIdx(float[] scores, int depth, boolean lexical) {
    List<Integer> out = new ArrayList<>();
    for (Scored<String> s : lexical ? topBm25(scores, depth) : top(scores, depth)) {
      out.add(x.docIndex.get(s.id()));
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private static void addNormalised(Map<Integer, Double> into, int[] idx, float[] s, double w) {
    if (idx.length == 0) {
      return;
    }
    double max = s[idx[0]];
    double min = s[idx[idx.length - 1]];
    for (int d : idx) {
      double norm = max > min ? (s[d] - min) / (max - min) : 1;
      into.merge(d, w * norm, Double::sum);
    }
  }

  // ---------------------------------------------------------------- fusion

  /** The top {@code depth} documents by {@code scores}, as a scored ranking. */
  List<Scored<String>> top(float[] scores, int depth) {
    Integer[] order = new Integer[nDocs];
    for (int i = 0; i < nDocs; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Float.compare(scores[b], scores[a]));
    List<Scored<String>> out = new ArrayList<>(depth);
    for (int i = 0; i < Math.min(depth, nDocs); i++) {
      out.add(new Scored<>(x.docIds.get(order[i]), scores[order[i]]));
    }
    return out;
  }

  /** BM25's top list: only documents that match (score > 0). */
  List<Scored<String>> topBm25(float[] scores, int depth) {
    List<Scored<String>> all = top(scores, depth);
    List<Scored<String>> out = new ArrayList<>();
    for (Scored<String> s : all) {
      if (s.score() > 0) {
        out.add(s);
      }
    }
    return out;
  }

  static float[] mix(float[] a, float[] b, double beta) {
    float[] out = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = (float) ((1 - beta) * a[i] + beta * b[i]);
    }
    return out;
  }

  void report(String name, Function<String, List<Scored<String>>> runner) {
    x.report(name, runner);
  }

  // ---------------------------------------------------------------- learned fusion

  /**
   * Per query, the candidates of the product-style fusion (union of each ranker's top {@code
   * depth}) with each ranker's min-max normalised score (0 where the ranker did not list it).
   */
  record Features(int[] docs, float[][] f, int[] grades, int[] idOrder) {}

  /** Scores at or below this mark documents a ranker does not list. */
  static final float MASKED = -5f;

  /**
   * {@code scores} kept only for the union of the top {@code depth} of BM25 and of the document
   * vectors: a passage score used to rescore the usual candidates rather than to find new ones.
   */
  float[] maskToCandidates(int row, float[] scores, int depth) {
    float[] out = new float[nDocs];
    Arrays.fill(out, -10f);
    for (Scored<String> s : topBm25(bm25[row], depth)) {
      int d = x.docIndex.get(s.id());
      out[d] = scores[d];
    }
    for (Scored<String> s : top(docCos[row], depth)) {
      int d = x.docIndex.get(s.id());
      out[d] = scores[d];
    }
    return out;
  }

  interface Ranker {
    float[] scores(int row);

    default boolean lexical() {
      return false;
    }
  }

  /** Each document's position in id order (for trec_eval's tie-break). */
  int[] idOrder;

  Features features(int row, List<Ranker> rankers, int depth) {
    if (idOrder == null) {
      Integer[] byId = new Integer[nDocs];
      for (int i = 0; i < nDocs; i++) {
        byId[i] = i;
      }
      Arrays.sort(byId, (a, b) -> x.docIds.get(a).compareTo(x.docIds.get(b)));
      int[] pos = new int[nDocs];
      for (int i = 0; i < nDocs; i++) {
        pos[byId[i]] = i;
      }
      idOrder = pos;
    }
    Map<String, Integer> judged = new HashMap<>(train.of(qids.get(row)));
    judged.putAll(test.of(qids.get(row)));
    Map<Integer, float[]> cand = new LinkedHashMap<>();
    for (int k = 0; k < rankers.size(); k++) {
      float[] s = rankers.get(k).scores(row);
      Integer[] order = new Integer[nDocs];
      for (int i = 0; i < nDocs; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Float.compare(s[b], s[a]));
      int n = Math.min(depth, nDocs);
      int listed = 0;
      while (listed < n && s[order[listed]] > MASKED) {
        listed++;
      }
      n = listed;
      if (rankers.get(k).lexical()) {
        int m = 0;
        while (m < n && s[order[m]] > 0) {
          m++;
        }
        n = m;
      }
      if (n == 0) {
        continue;
      }
      float max = s[order[0]];
      float min = s[order[n - 1]];
      float range = max - min;
      for (int i = 0; i < n; i++) {
        int d = order[i];
        float norm = range > 0 ? (s[d] - min) / range : 1f;
        final int kk = k;
        cand.computeIfAbsent(d, z -> new float[rankers.size()])[kk] = norm;
      }
    }
    int[] docs = new int[cand.size()];
    float[][] f = new float[cand.size()][];
    int[] grades = new int[cand.size()];
    int[] ids = new int[cand.size()];
    int i = 0;
    for (Map.Entry<Integer, float[]> e : cand.entrySet()) {
      docs[i] = e.getKey();
      f[i] = e.getValue();
      grades[i] = judged.getOrDefault(x.docIds.get(docs[i]), 0);
      ids[i] = idOrder[docs[i]];
      i++;
    }
    return new Features(docs, f, grades, ids);
  }

  /**
   * Mean nDCG@10 (and R@100 in [1]) of the weighted sum over the given queries. Only the ranks of
   * the relevant candidates are computed (one pass over the candidates each), which is what the
   * metrics need with binary judgments; ties fall by document id descending, as in trec_eval.
   */
  double[] score(List<String> queries, Map<String, Features> feats, double[] w, Qrels qrels) {
    double ndcg = 0;
    double recall = 0;
    int n = 0;
    for (String q : queries) {
      Map<String, Integer> grades = qrels.of(q);
      if (grades.isEmpty()) {
        continue;
      }
      Features fe = feats.get(q);
      int m = fe.docs().length;
      double[] s = new double[m];
      for (int i = 0; i < m; i++) {
        double v = 0;
        float[] f = fe.f()[i];
        for (int k = 0; k < w.length; k++) {
          v += w[k] * f[k];
        }
        s[i] = v;
      }
      int relevant = 0;
      for (int g : grades.values()) {
        if (g > 0) {
          relevant++;
        }
      }
      double dcg = 0;
      int found = 0;
      for (int i = 0; i < m; i++) {
        int g = fe.grades()[i];
        if (g <= 0) {
          continue;
        }
        int rank = 1;
        for (int j = 0; j < m; j++) {
          if (s[j] > s[i] || (s[j] == s[i] && fe.idOrder()[j] > fe.idOrder()[i])) {
            rank++;
          }
        }
        if (rank <= 10) {
          dcg += g / (Math.log(rank + 1) / Math.log(2));
        }
        if (rank <= 100) {
          found++;
        }
      }
      double idcg = 0;
      List<Integer> ideal = new ArrayList<>(grades.values());
      ideal.sort(Collections.reverseOrder());
      for (int j = 0; j < Math.min(10, ideal.size()); j++) {
        if (ideal.get(j) > 0) {
          idcg += ideal.get(j) / (Math.log(j + 2) / Math.log(2));
        }
      }
      ndcg += idcg == 0 ? 0 : dcg / idcg;
      recall += relevant == 0 ? 0 : (double) found / relevant;
      n++;
    }
    return new double[] {ndcg / n, recall / n};
  }

  /** Every weight vector on the simplex with the given step. */
  static List<double[]> simplex(int dims, double step) {
    List<double[]> out = new ArrayList<>();
    int units = (int) Math.round(1 / step);
    simplex(new int[dims], 0, units, out, step);
    return out;
  }

  private static void simplex(int[] cur, int i, int left, List<double[]> out, double step) {
    if (i == cur.length - 1) {
      cur[i] = left;
      double[] w = new double[cur.length];
      for (int k = 0; k < cur.length; k++) {
        w[k] = cur[k] * step;
      }
      out.add(w);
      return;
    }
    for (int v = 0; v <= left; v++) {
      cur[i] = v;
      simplex(cur, i + 1, left - v, out, step);
    }
  }

  double[] best(List<String> queries, Map<String, Features> feats, List<double[]> grid) {
    double[] bestW = null;
    double bestS = -1;
    for (double[] w : grid) {
      double s = score(queries, feats, w, train)[0];
      if (s > bestS + 1e-12) {
        bestS = s;
        bestW = w;
      }
    }
    return bestW;
  }

  /**
   * Fits the weights of {@code rankers} on the simplex by grid search on train, with 5-fold
   * cross-validation: prints each fold's weights and held-out nDCG@10, then the weights fitted on
   * all of train and their train score.
   */
  void learned(String name, List<Ranker> rankers, int depth, double step) {
    Map<String, Features> feats = new HashMap<>();
    for (String q : trainQ) {
      feats.put(q, features(qRow.get(q), rankers, depth));
    }
    List<double[]> grid = simplex(rankers.size(), step);
    List<String> shuffled = new ArrayList<>(trainQ);
    Collections.shuffle(shuffled, new Random(42));
    int folds = 5;
    double cv = 0;
    double cvR = 0;
    StringBuilder ws = new StringBuilder();
    for (int f = 0; f < folds; f++) {
      List<String> fit = new ArrayList<>();
      List<String> held = new ArrayList<>();
      for (int i = 0; i < shuffled.size(); i++) {
        (i % folds == f ? held : fit).add(shuffled.get(i));
      }
      double[] w = best(fit, feats, grid);
      double[] s = score(held, feats, w, train);
      cv += s[0] * held.size();
      cvR += s[1] * held.size();
      ws.append(' ').append(fmt(w));
    }
    double[] all = best(trainQ, feats, grid);
    double[] s = score(trainQ, feats, all, train);
    System.out.printf(
        Locale.ROOT,
        "%-44s train %.4f %.4f  cv %.4f %.4f  w=%s folds:%s%n",
        "learned " + name + " d=" + depth,
        s[0],
        s[1],
        cv / trainQ.size(),
        cvR / trainQ.size(),
        fmt(all),
        ws);
    if (Boolean.getBoolean("experiments.test")) {
      Map<String, Features> tf = new HashMap<>();
      List<String> testQ = new ArrayList<>(test.judgments().keySet());
      for (String q : testQ) {
        tf.put(q, features(qRow.get(q), rankers, depth));
      }
      double[] t = score(testQ, tf, all, test);
      System.out.printf(Locale.ROOT, "    test %.4f %.4f%n", t[0], t[1]);
    }
  }

  /** Train score of fixed weights (no fitting). */
  void fixed(String name, List<Ranker> rankers, int depth, double[] w) {
    Map<String, Features> feats = new HashMap<>();
    for (String q : trainQ) {
      feats.put(q, features(qRow.get(q), rankers, depth));
    }
    double[] s = score(trainQ, feats, w, train);
    System.out.printf(
        Locale.ROOT, "%-44s train %.4f %.4f  w=%s%n", name + " d=" + depth, s[0], s[1], fmt(w));
  }

  static String fmt(double[] w) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < w.length; i++) {
      b.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.2f", w[i]));
    }
    return b.append(']').toString();
  }

  // ---------------------------------------------------------------- main

  public static void main(String[] args) throws Exception {
    Path cacheDir = Path.of(args[1]);
    HybridExperiments hx = new HybridExperiments(BeirCollection.read(Path.of(args[0])), cacheDir);
    PassageExperiments p = new PassageExperiments(hx);
    List<String> sets =
        args.length > 2 && !args[2].isEmpty() ? List.of(args[2].split(",")) : List.of();
    java.util.Set<String> groups =
        new java.util.HashSet<>(List.of((args.length > 3 ? args[3] : "base,maxp").split(",")));
    try (OnnxEmbedder embedder = OnnxEmbedder.bgeSmallEnV15()) {
      if (groups.contains("stats")) {
        long docTokens = 0;
        for (int d = 0; d < p.nDocs; d++) {
          BeirCollection.Doc doc = hx.c.corpus().get(d);
          docTokens += embedder.tokenCount(DocumentText.of(doc.title(), doc.text()));
        }
        System.out.printf(Locale.ROOT, "documents: %d, %d tokens%n", p.nDocs, docTokens);
        for (String set : sets) {
          PassageSet ps = p.passageSet(set);
          long tokens = 0;
          for (String t : ps.texts()) {
            tokens += embedder.tokenCount(t);
          }
          System.out.printf(
              Locale.ROOT,
              "%s: %d passages (%.2f per doc), %d tokens (%.2fx the documents')%n",
              set,
              ps.texts().size(),
              ps.texts().size() / (double) p.nDocs,
              tokens,
              tokens / (double) docTokens);
        }
        return;
      }
      for (String set : sets) {
        p.addPassageSet(set, cacheDir, embedder);
      }
    }
    Ranker lex =
        new Ranker() {
          @Override
          public float[] scores(int row) {
            return p.bm25[row];
          }

          @Override
          public boolean lexical() {
            return true;
          }
        };
    Ranker doc = row -> p.docCos[row];
    if (groups.contains("base")) {
      p.report("bm25", q -> p.topBm25(p.bm25[p.qRow.get(q)], 1000));
      p.report("dense", q -> p.top(p.docCos[p.qRow.get(q)], 1000));
      for (double a : new double[] {0.3, 0.4, 0.5}) {
        p.fixed(
            String.format(Locale.ROOT, "convex a=%.1f", a),
            List.of(lex, doc),
            100,
            new double[] {a, 1 - a});
      }
      p.learned("bm25+dense", List.of(lex, doc), 100, 0.05);
    }
    for (String set : sets) {
      float[][] mp = p.maxP.get(set);
      float[][] t2 = p.meanTop2.get(set);
      float[][] bp = p.bm25P.get(set);
      Ranker maxp = row -> mp[row];
      Ranker top2 = row -> t2[row];
      Ranker bm25p =
          new Ranker() {
            @Override
            public float[] scores(int row) {
              return bp[row];
            }

            @Override
            public boolean lexical() {
              return true;
            }
          };
      if (groups.contains("maxp")) {
        p.report(set + " maxP", q -> p.top(mp[p.qRow.get(q)], 1000));
        p.report(set + " mean of best 2", q -> p.top(t2[p.qRow.get(q)], 1000));
        p.report(set + " bm25 maxP", q -> p.topBm25(bp[p.qRow.get(q)], 1000));
        for (double beta : new double[] {0.3, 0.5, 0.7}) {
          p.report(
              String.format(Locale.ROOT, "%s doc+maxP b=%.1f", set, beta),
              q -> p.top(mix(p.docCos[p.qRow.get(q)], mp[p.qRow.get(q)], beta), 1000));
        }
        for (double beta : new double[] {0.3, 0.5, 0.7}) {
          for (double a : new double[] {0.3, 0.4}) {
            Ranker mixed = row -> mix(p.docCos[row], mp[row], beta);
            p.fixed(
                String.format(Locale.ROOT, "%s convex(bm25, doc+maxP b=%.1f) a=%.1f", set, beta, a),
                List.of(lex, mixed),
                100,
                new double[] {a, 1 - a});
          }
        }
      }
      if (groups.contains("rescore")) {
        Ranker maxpC = row -> p.maskToCandidates(row, mp[row], 100);
        p.learned(set + " bm25+doc+maxP(rescore)", List.of(lex, doc, maxpC), 100, 0.05);
        Ranker maxpC1000 = row -> p.maskToCandidates(row, mp[row], 1000);
        p.learned(set + " bm25+doc+maxP(rescore 1000)", List.of(lex, doc, maxpC1000), 1000, 0.05);
      }
      if (groups.contains("deep")) {
        p.fixed(
            set + " bm25+doc+maxP", List.of(lex, doc, maxp), 1000, new double[] {0.35, 0.5, 0.15});
        p.learned(set + " bm25+doc+maxP", List.of(lex, doc, maxp), 1000, 0.05);
      }
      if (groups.contains("learn")) {
        p.learned(set + " bm25+doc+maxP", List.of(lex, doc, maxp), 100, 0.05);
        p.learned(set + " bm25+doc+top2", List.of(lex, doc, top2), 100, 0.05);
        p.learned(set + " bm25+bm25P+doc", List.of(lex, bm25p, doc), 100, 0.05);
        p.learned(set + " bm25+bm25P+doc+maxP", List.of(lex, bm25p, doc, maxp), 100, 0.05);
      }
    }
    if (groups.contains("meanp")) {
      // Sentence vectors only, no whole-document vector: the mean of a document's sentence vectors
      // stands in for it (sentences cost less to embed than the whole text, see PassageThroughput).
      for (String set : sets) {
        float[][] mean = p.meanP.get(set);
        float[][] mp = p.maxP.get(set);
        Ranker meanR = row -> mean[row];
        Ranker maxp = row -> mp[row];
        p.report(set + " meanP", q -> p.top(mean[p.qRow.get(q)], 1000));
        p.fixed(
            set + " convex(bm25, meanP) a=0.4", List.of(lex, meanR), 100, new double[] {0.4, 0.6});
        p.learned(set + " bm25+meanP", List.of(lex, meanR), 100, 0.05);
        p.learned(set + " bm25+meanP+maxP", List.of(lex, meanR, maxp), 100, 0.05);
        p.learned(set + " bm25+doc+meanP+maxP", List.of(lex, doc, meanR, maxp), 100, 0.05);
      }
    }
    if (groups.contains("stack") && !sets.isEmpty()) {
      // Everything that helped a little on its own, fitted together: BM25, the document vector,
      // the best sentence (first passage set), and the document vector of a query moved towards
      // the mean of the first fused ranking's top 3 (Rocchio on vectors, weight 0.3).
      float[][] mp = p.maxP.get(sets.get(0));
      Ranker maxp = row -> mp[row];
      Ranker prf = row -> p.rocchio(row, 3, 0.3);
      p.learned("stack bm25+doc+prf", List.of(lex, doc, prf), 100, 0.05);
      p.learned("stack bm25+doc+maxP+prf", List.of(lex, doc, maxp, prf), 100, 0.05);
      p.learned("stack bm25+doc+maxP+prf", List.of(lex, doc, maxp, prf), 1000, 0.05);
      if (sets.size() >= 2) {
        float[][] mp2 = p.maxP.get(sets.get(1));
        Ranker maxp2 = row -> mp2[row];
        p.learned("stack bm25+doc+maxP+maxP2+prf", List.of(lex, doc, maxp, maxp2, prf), 100, 0.05);
      }
    }
    if (groups.contains("pair") && sets.size() >= 2) {
      float[][] a = p.maxP.get(sets.get(0));
      float[][] b = p.maxP.get(sets.get(1));
      Ranker ra = row -> a[row];
      Ranker rb = row -> b[row];
      p.learned(
          sets.get(0) + "+" + sets.get(1) + " bm25+doc+maxP+maxP",
          List.of(lex, doc, ra, rb),
          100,
          0.05);
    }
  }
}
