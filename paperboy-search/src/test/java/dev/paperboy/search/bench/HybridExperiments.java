package dev.paperboy.search.bench;

import dev.paperboy.core.embed.DocumentText;
import dev.paperboy.core.embed.Embedder;
import dev.paperboy.core.embed.Vectors;
import dev.paperboy.core.eval.Metrics;
import dev.paperboy.core.eval.Qrels;
import dev.paperboy.core.search.Fusion;
import dev.paperboy.core.search.Scored;
import dev.paperboy.search.embed.OnnxEmbedder;
import dev.paperboy.search.eval.BeirCollection;
import dev.paperboy.search.eval.VectorCache;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Exploration of fusion recipes on a BEIR collection with a plain Lucene BM25 (flat title + text,
 * English analyzer, k1 0.9, b 0.4) and exact dense search over cached vectors. Prints metrics on
 * the train and test splits for each recipe; choices are made on train.
 *
 * <pre>java -cp ... dev.paperboy.search.bench.HybridExperiments BEIR_DIR CACHE_DIR</pre>
 */
public final class HybridExperiments {
  static final int DEPTH = 1000;

  final BeirCollection c;
  final List<String> docIds = new ArrayList<>();
  final float[][] docVecs;
  final Map<String, float[]> queryVecs = new HashMap<>();
  final Map<String, float[]> plainQueryVecs = new HashMap<>();
  final Map<String, List<Scored<String>>> bm25 = new HashMap<>();
  final Map<String, List<Scored<String>>> dense = new HashMap<>();
  final Map<String, Integer> docIndex = new HashMap<>();

  HybridExperiments(BeirCollection c, Path cacheDir) throws Exception {
    this.c = c;
    List<String> texts = new ArrayList<>();
    for (BeirCollection.Doc d : c.corpus()) {
      docIndex.put(d.id(), docIds.size());
      docIds.add(d.id());
      texts.add(DocumentText.of(d.title(), d.text()));
    }
    try (Embedder embedder = OnnxEmbedder.bgeSmallEnV15()) {
      VectorCache cache = VectorCache.open(cacheDir, embedder);
      docVecs = cache.documents(texts, embedder, n -> {}).toArray(new float[0][]);
      List<String> qids = new ArrayList<>(c.queries().keySet());
      List<float[]> qv = cache.queries(new ArrayList<>(c.queries().values()), embedder);
      List<float[]> pv = cache.documents(new ArrayList<>(c.queries().values()), embedder, n -> {});
      for (int i = 0; i < qids.size(); i++) {
        queryVecs.put(qids.get(i), qv.get(i));
        plainQueryVecs.put(qids.get(i), pv.get(i));
      }
    }
    bm25.putAll(bm25Runs(0f));
    for (String q : c.queries().keySet()) {
      dense.put(q, denseSearch(queryVecs.get(q), DEPTH));
    }
  }

  Map<String, List<Scored<String>>> bm25Runs(float titleBoost)
      throws IOException, org.apache.lucene.queryparser.classic.ParseException {
    return bm25Runs(titleBoost, 0.9f, 0.4f);
  }

  Map<String, List<Scored<String>>> bm25Runs(float titleBoost, float k1, float b)
      throws IOException, org.apache.lucene.queryparser.classic.ParseException {
    Map<String, List<Scored<String>>> out = new HashMap<>();
    EnglishAnalyzer analyzer = new EnglishAnalyzer();
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    BM25Similarity sim = new BM25Similarity(k1, b);
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer).setSimilarity(sim))) {
      for (BeirCollection.Doc d : c.corpus()) {
        Document doc = new Document();
        doc.add(new StringField("id", d.id(), Field.Store.YES));
        doc.add(new TextField("contents", d.title() + " " + d.text(), Field.Store.NO));
        doc.add(new TextField("title", d.title(), Field.Store.NO));
        w.addDocument(doc);
      }
    }
    try (DirectoryReader r = DirectoryReader.open(dir)) {
      IndexSearcher s = new IndexSearcher(r);
      s.setSimilarity(sim);
      QueryParser parser = new QueryParser("contents", analyzer);
      for (Map.Entry<String, String> q : c.queries().entrySet()) {
        org.apache.lucene.search.Query query = parser.parse(QueryParser.escape(q.getValue()));
        if (titleBoost > 0) {
          org.apache.lucene.search.Query title =
              new QueryParser("title", analyzer).parse(QueryParser.escape(q.getValue()));
          query =
              new org.apache.lucene.search.BooleanQuery.Builder()
                  .add(query, org.apache.lucene.search.BooleanClause.Occur.SHOULD)
                  .add(
                      new org.apache.lucene.search.BoostQuery(title, titleBoost),
                      org.apache.lucene.search.BooleanClause.Occur.SHOULD)
                  .build();
        }
        ScoreDoc[] hits = s.search(query, DEPTH).scoreDocs;
        List<Scored<String>> run = new ArrayList<>();
        for (ScoreDoc h : hits) {
          run.add(new Scored<>(s.storedFields().document(h.doc).get("id"), h.score));
        }
        out.put(q.getKey(), run);
      }
    }
    return out;
  }

  /**
   * Sequential dependence (Metzler and Croft, "A Markov Random Field Model for Term Dependencies",
   * SIGIR 2005) on BM25: the query's terms, plus each pair of neighbouring query terms as an exact
   * phrase (weight {@code wOrdered}) and within an unordered window of {@code window} positions
   * (weight {@code wUnordered}), all BM25-scored over the flat field.
   */
  Map<String, List<Scored<String>>> sdmRuns(double wOrdered, double wUnordered, int window)
      throws IOException, org.apache.lucene.queryparser.classic.ParseException {
    EnglishAnalyzer analyzer = new EnglishAnalyzer();
    if (sdmSearcher == null) {
      ByteBuffersDirectory dir = new ByteBuffersDirectory();
      BM25Similarity sim = new BM25Similarity(0.9f, 0.4f);
      try (IndexWriter w =
          new IndexWriter(dir, new IndexWriterConfig(analyzer).setSimilarity(sim))) {
        for (BeirCollection.Doc d : c.corpus()) {
          Document doc = new Document();
          doc.add(new StringField("id", d.id(), Field.Store.YES));
          doc.add(new TextField("contents", d.title() + " " + d.text(), Field.Store.NO));
          w.addDocument(doc);
        }
      }
      sdmSearcher = new IndexSearcher(DirectoryReader.open(dir));
      sdmSearcher.setSimilarity(sim);
    }
    IndexSearcher s = sdmSearcher;
    QueryParser parser = new QueryParser("contents", analyzer);
    Map<String, List<Scored<String>>> out = new HashMap<>();
    for (Map.Entry<String, String> q : c.queries().entrySet()) {
      org.apache.lucene.search.BooleanQuery.Builder b =
          new org.apache.lucene.search.BooleanQuery.Builder()
              .add(
                  parser.parse(QueryParser.escape(q.getValue())),
                  org.apache.lucene.search.BooleanClause.Occur.SHOULD);
      List<String> terms = new ArrayList<>();
      try (org.apache.lucene.analysis.TokenStream ts =
          analyzer.tokenStream("contents", q.getValue())) {
        org.apache.lucene.analysis.tokenattributes.CharTermAttribute term =
            ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
        ts.reset();
        while (ts.incrementToken()) {
          terms.add(term.toString());
        }
        ts.end();
      }
      for (int i = 0; i + 1 < terms.size(); i++) {
        if (terms.get(i).equals(terms.get(i + 1))) {
          continue;
        }
        if (wOrdered > 0) {
          b.add(
              new org.apache.lucene.search.BoostQuery(
                  new org.apache.lucene.search.PhraseQuery(
                      1, "contents", terms.get(i), terms.get(i + 1)),
                  (float) wOrdered),
              org.apache.lucene.search.BooleanClause.Occur.SHOULD);
        }
        if (wUnordered > 0) {
          b.add(
              new org.apache.lucene.search.BoostQuery(
                  new org.apache.lucene.search.PhraseQuery(
                      window, "contents", terms.get(i), terms.get(i + 1)),
                  (float) wUnordered),
              org.apache.lucene.search.BooleanClause.Occur.SHOULD);
        }
      }
      ScoreDoc[] hits = s.search(b.build(), DEPTH).scoreDocs;
      List<Scored<String>> run = new ArrayList<>();
      for (ScoreDoc h : hits) {
        run.add(new Scored<>(s.storedFields().document(h.doc).get("id"), h.score));
      }
      out.put(q.getKey(), run);
    }
    return out;
  }

  private IndexSearcher sdmSearcher;

  List<Scored<String>> denseSearch(float[] q, int k) {
    List<Scored<String>> all = new ArrayList<>(docVecs.length);
    for (int i = 0; i < docVecs.length; i++) {
      all.add(new Scored<>(docIds.get(i), Vectors.dot(q, docVecs[i])));
    }
    all.sort((a, b) -> Double.compare(b.score(), a.score()));
    return new ArrayList<>(all.subList(0, Math.min(k, all.size())));
  }

  static List<Scored<String>> top(List<Scored<String>> run, int n) {
    return run.subList(0, Math.min(n, run.size()));
  }

  Metrics.Summary eval(Qrels qrels, Function<String, List<Scored<String>>> runner) {
    Map<String, List<String>> run = new LinkedHashMap<>();
    for (String q : qrels.judgments().keySet()) {
      List<Scored<String>> r = runner.apply(q);
      Map<String, Double> scores = new LinkedHashMap<>();
      for (Scored<String> s : top(r, 100)) {
        scores.put(s.id(), s.score());
      }
      run.put(q, Metrics.trecOrder(scores));
    }
    return Metrics.evaluate(run, qrels);
  }

  /**
   * Prints train metrics only: recipes are chosen on train, and the test split is evaluated once,
   * for the chosen recipe, by the evaluation runner (set -Dexperiments.test=true to see it anyway).
   */
  void report(String name, Function<String, List<Scored<String>>> runner) {
    Metrics.Summary train = eval(c.qrels("train"), runner);
    String test = "";
    if (Boolean.getBoolean("experiments.test")) {
      Metrics.Summary t = eval(c.qrels("test"), runner);
      test =
          String.format(
              Locale.ROOT, " | test %.4f %.4f %.4f", t.ndcg10(), t.recall100(), t.mrr10());
    }
    System.out.printf(
        Locale.ROOT,
        "%-44s train %.4f %.4f %.4f%s%n",
        name,
        train.ndcg10(),
        train.recall100(),
        train.mrr10(),
        test);
  }

  /** Reports {@code run} fused with the dense run (top 100 of each) at each alpha. */
  void reportWithDense(String name, Map<String, List<Scored<String>>> run, double... alphas) {
    for (double alpha : alphas) {
      report(
          String.format(Locale.ROOT, "  convex(%s) a=%.1f", name, alpha),
          q -> Fusion.convexCombination(top(run.get(q), 100), top(dense.get(q), 100), alpha));
    }
  }

  List<Scored<String>> convex(String q, double alpha, int depth) {
    return Fusion.convexCombination(top(bm25.get(q), depth), top(dense.get(q), depth), alpha);
  }

  List<Scored<String>> rrf(String q, int k, double wDense, int depth) {
    return Fusion.reciprocalRank(
        List.of(Fusion.ids(top(bm25.get(q), depth)), Fusion.ids(top(dense.get(q), depth))),
        List.of(1.0, wDense),
        k);
  }

  static List<Scored<String>> zscore(List<Scored<String>> run) {
    double mean = run.stream().mapToDouble(Scored::score).average().orElse(0);
    double var =
        run.stream().mapToDouble(x -> (x.score() - mean) * (x.score() - mean)).average().orElse(0);
    double sd = Math.sqrt(var) > 0 ? Math.sqrt(var) : 1;
    List<Scored<String>> out = new ArrayList<>();
    for (Scored<String> x : run) {
      out.add(new Scored<>(x.id(), (x.score() - mean) / sd));
    }
    return out;
  }

  /** alpha * z(bm25) + (1 - alpha) * z(dense); a missing document gets the list's minimum. */
  List<Scored<String>> zConvex(String q, double alpha, int depth) {
    List<Scored<String>> a = zscore(top(bm25.get(q), depth));
    List<Scored<String>> b = zscore(top(dense.get(q), depth));
    Map<String, Double> fa = new HashMap<>();
    a.forEach(x -> fa.put(x.id(), x.score()));
    Map<String, Double> fb = new HashMap<>();
    b.forEach(x -> fb.put(x.id(), x.score()));
    double minA = a.stream().mapToDouble(Scored::score).min().orElse(0);
    double minB = b.stream().mapToDouble(Scored::score).min().orElse(0);
    java.util.Set<String> all = new java.util.HashSet<>(fa.keySet());
    all.addAll(fb.keySet());
    List<Scored<String>> out = new ArrayList<>();
    for (String id : all) {
      out.add(
          new Scored<>(
              id, alpha * fa.getOrDefault(id, minA) + (1 - alpha) * fb.getOrDefault(id, minB)));
    }
    out.sort((x, y) -> Double.compare(y.score(), x.score()));
    return out;
  }

  /**
   * Score propagation over document similarity: each of the top m fused documents gets the
   * cosine-weighted mean score of the others added (clustering hypothesis).
   */
  List<Scored<String>> smooth(List<Scored<String>> fused, int m, double gamma) {
    int n = Math.min(m, fused.size());
    List<Scored<String>> out = new ArrayList<>();
    for (int i = 0; i < fused.size(); i++) {
      Scored<String> d = fused.get(i);
      if (i >= n) {
        out.add(d);
        continue;
      }
      float[] vd = docVecs[docIndex.get(d.id())];
      double acc = 0;
      for (int j = 0; j < n; j++) {
        if (j != i) {
          acc += Vectors.dot(vd, docVecs[docIndex.get(fused.get(j).id())]) * fused.get(j).score();
        }
      }
      out.add(new Scored<>(d.id(), d.score() + gamma * acc / Math.max(1, n - 1)));
    }
    out.sort((x, y) -> Double.compare(y.score(), x.score()));
    return out;
  }

  /** Rocchio on vectors: move the query towards the mean of the top documents of a first pass. */
  List<Scored<String>> densePrf(String q, List<Scored<String>> firstPass, int k, double beta) {
    float[] qv = queryVecs.get(q).clone();
    float[] centroid = new float[qv.length];
    int n = Math.min(k, firstPass.size());
    for (int i = 0; i < n; i++) {
      float[] d = docVecs[docIndex.get(firstPass.get(i).id())];
      for (int j = 0; j < d.length; j++) {
        centroid[j] += d[j] / n;
      }
    }
    for (int j = 0; j < qv.length; j++) {
      qv[j] = (float) ((1 - beta) * qv[j] + beta * centroid[j]);
    }
    return denseSearch(Vectors.normalizeInPlace(qv), DEPTH);
  }

  /** Term counts of each document after English analysis, for lexical feedback. */
  Map<String, Map<String, Integer>> docTerms;

  Map<String, Integer> docFreq;

  void analyseCorpus() throws IOException {
    if (docTerms != null) {
      return;
    }
    docTerms = new HashMap<>();
    docFreq = new HashMap<>();
    EnglishAnalyzer analyzer = new EnglishAnalyzer();
    for (BeirCollection.Doc d : c.corpus()) {
      Map<String, Integer> tf = terms(analyzer, d.title() + " " + d.text());
      docTerms.put(d.id(), tf);
      tf.keySet().forEach(t -> docFreq.merge(t, 1, Integer::sum));
    }
  }

  static Map<String, Integer> terms(EnglishAnalyzer analyzer, String text) throws IOException {
    Map<String, Integer> tf = new HashMap<>();
    try (org.apache.lucene.analysis.TokenStream ts = analyzer.tokenStream("contents", text)) {
      var term =
          ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        tf.merge(term.toString(), 1, Integer::sum);
      }
      ts.end();
    }
    return tf;
  }

  /**
   * RM3: a relevance model from the top {@code k} documents of {@code feedback} (each weighted by
   * its share of their scores), its {@code m} heaviest terms mixed with the original query terms
   * ({@code lambda} on the original), searched with BM25 over the flat field.
   */
  Map<String, List<Scored<String>>> rm3Runs(
      Function<String, List<Scored<String>>> feedback, int k, int m, double lambda)
      throws IOException {
    analyseCorpus();
    EnglishAnalyzer analyzer = new EnglishAnalyzer();
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    BM25Similarity sim = new BM25Similarity(0.9f, 0.4f);
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer).setSimilarity(sim))) {
      for (BeirCollection.Doc d : c.corpus()) {
        Document doc = new Document();
        doc.add(new StringField("id", d.id(), Field.Store.YES));
        doc.add(new TextField("contents", d.title() + " " + d.text(), Field.Store.NO));
        w.addDocument(doc);
      }
    }
    int n = c.corpus().size();
    Map<String, List<Scored<String>>> out = new HashMap<>();
    try (DirectoryReader r = DirectoryReader.open(dir)) {
      IndexSearcher s = new IndexSearcher(r);
      s.setSimilarity(sim);
      for (Map.Entry<String, String> q : c.queries().entrySet()) {
        List<Scored<String>> fb = top(feedback.apply(q.getKey()), k);
        double total = fb.stream().mapToDouble(x -> Math.max(0, x.score())).sum();
        Map<String, Double> model = new HashMap<>();
        for (Scored<String> d : fb) {
          Map<String, Integer> tf = docTerms.get(d.id());
          double len = tf.values().stream().mapToInt(Integer::intValue).sum();
          double wd = total > 0 ? Math.max(0, d.score()) / total : 1.0 / fb.size();
          for (Map.Entry<String, Integer> t : tf.entrySet()) {
            // drop terms in more than a tenth of the corpus: they carry no topic
            if (docFreq.get(t.getKey()) > n / 10) {
              continue;
            }
            model.merge(t.getKey(), wd * t.getValue() / len, Double::sum);
          }
        }
        List<Map.Entry<String, Double>> best = new ArrayList<>(model.entrySet());
        best.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
        best = best.subList(0, Math.min(m, best.size()));
        double norm = best.stream().mapToDouble(Map.Entry::getValue).sum();
        Map<String, Integer> orig = terms(analyzer, q.getValue());
        double origLen = orig.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, Double> weights = new HashMap<>();
        orig.forEach((t, f) -> weights.merge(t, lambda * f / origLen, Double::sum));
        for (Map.Entry<String, Double> e : best) {
          weights.merge(e.getKey(), (1 - lambda) * e.getValue() / norm, Double::sum);
        }
        var bq = new org.apache.lucene.search.BooleanQuery.Builder();
        weights.forEach(
            (t, wt) ->
                bq.add(
                    new org.apache.lucene.search.BoostQuery(
                        new org.apache.lucene.search.TermQuery(
                            new org.apache.lucene.index.Term("contents", t)),
                        (float) (double) wt),
                    org.apache.lucene.search.BooleanClause.Occur.SHOULD));
        org.apache.lucene.search.IndexSearcher.setMaxClauseCount(4096);
        ScoreDoc[] hits = s.search(bq.build(), DEPTH).scoreDocs;
        List<Scored<String>> run = new ArrayList<>();
        for (ScoreDoc h : hits) {
          run.add(new Scored<>(s.storedFields().document(h.doc).get("id"), h.score));
        }
        out.put(q.getKey(), run);
      }
    }
    return out;
  }

  public static void main(String[] args) throws Exception {
    HybridExperiments x =
        new HybridExperiments(BeirCollection.read(Path.of(args[0])), Path.of(args[1]));
    java.util.Set<String> groups =
        new java.util.HashSet<>(
            List.of((args.length > 2 ? args[2] : "base,convex,rrf").split(",")));
    if (groups.contains("base")) {
      x.report("bm25", q -> x.bm25.get(q));
      x.report("dense (exact)", q -> x.dense.get(q));
    }
    if (groups.contains("convex")) {
      for (int depth : new int[] {100, 1000}) {
        for (int a = 0; a <= 10; a++) {
          double alpha = a / 10.0;
          x.report(
              String.format(Locale.ROOT, "convex a=%.1f depth=%d", alpha, depth),
              q -> x.convex(q, alpha, depth));
        }
      }
    }
    if (groups.contains("z")) {
      for (int a = 1; a <= 6; a++) {
        double alpha = a / 10.0;
        x.report(
            String.format(Locale.ROOT, "zscore a=%.1f depth=100", alpha),
            q -> x.zConvex(q, alpha, 100));
      }
    }
    if (groups.contains("rrf")) {
      for (int k : new int[] {5, 10, 30, 60}) {
        for (double w : new double[] {1.0, 1.5, 2.0}) {
          x.report(
              String.format(Locale.ROOT, "rrf k=%d wDense=%.1f", k, w), q -> x.rrf(q, k, w, 100));
        }
      }
    }
    if (groups.contains("prf")) {
      for (double alpha : new double[] {0.2, 0.3}) {
        for (int k : new int[] {3, 5, 10}) {
          for (double beta : new double[] {0.3, 0.5, 0.7}) {
            x.report(
                String.format(Locale.ROOT, "densePRF a=%.1f k=%d b=%.1f", alpha, k, beta),
                q -> {
                  List<Scored<String>> first = x.convex(q, alpha, 100);
                  List<Scored<String>> prf = x.densePrf(q, first, k, beta);
                  return Fusion.convexCombination(top(x.bm25.get(q), 100), top(prf, 100), alpha);
                });
          }
        }
      }
    }
    if (groups.contains("title")) {
      for (float tb : new float[] {0.25f, 0.5f, 1f}) {
        Map<String, List<Scored<String>>> titled = x.bm25Runs(tb);
        String name = String.format(Locale.ROOT, "bm25 title+%.2f", tb);
        x.report(name, titled::get);
        x.reportWithDense(name, titled, 0.2, 0.3, 0.4);
      }
    }
    if (groups.contains("stack")) {
      Map<String, List<Scored<String>>> titled = x.bm25Runs(0.25f);
      for (int depth : new int[] {100, 1000}) {
        for (double alpha : new double[] {0.3, 0.4}) {
          for (double beta : new double[] {0.2, 0.3}) {
            x.report(
                String.format(
                    Locale.ROOT, "stack d=%d a=%.1f prf3 b=%.1f title.25", depth, alpha, beta),
                q -> {
                  List<Scored<String>> lex = top(titled.get(q), depth);
                  List<Scored<String>> first =
                      Fusion.convexCombination(lex, top(x.dense.get(q), depth), alpha);
                  List<Scored<String>> prf = x.densePrf(q, first, 3, beta);
                  return Fusion.convexCombination(lex, top(prf, depth), alpha);
                });
          }
        }
      }
    }
    if (groups.contains("noinstr")) {
      Map<String, List<Scored<String>>> plain = new HashMap<>();
      Map<String, List<Scored<String>>> avg = new HashMap<>();
      for (String q : x.c.queries().keySet()) {
        plain.put(q, x.denseSearch(x.plainQueryVecs.get(q), DEPTH));
        float[] a = x.queryVecs.get(q).clone();
        float[] b = x.plainQueryVecs.get(q);
        for (int i = 0; i < a.length; i++) {
          a[i] += b[i];
        }
        avg.put(q, x.denseSearch(Vectors.normalizeInPlace(a), DEPTH));
      }
      x.report("dense, query without instruction", plain::get);
      x.report("dense, mean of both query vectors", avg::get);
      for (double alpha : new double[] {0.3, 0.4}) {
        x.report(
            String.format(Locale.ROOT, "convex a=%.1f, no instruction", alpha),
            q -> Fusion.convexCombination(top(x.bm25.get(q), 100), top(plain.get(q), 100), alpha));
        x.report(
            String.format(Locale.ROOT, "convex a=%.1f, mean query", alpha),
            q -> Fusion.convexCombination(top(x.bm25.get(q), 100), top(avg.get(q), 100), alpha));
      }
    }
    if (groups.contains("bm25grid")) {
      for (float k1 : new float[] {0.6f, 0.9f, 1.2f, 1.6f}) {
        for (float b : new float[] {0.3f, 0.4f, 0.6f, 0.75f}) {
          Map<String, List<Scored<String>>> run = x.bm25Runs(0f, k1, b);
          x.report(String.format(Locale.ROOT, "bm25 k1=%.1f b=%.2f", k1, b), run::get);
          for (double alpha : new double[] {0.3, 0.4}) {
            x.report(
                String.format(Locale.ROOT, "  convex(k1=%.1f b=%.2f) a=%.1f", k1, b, alpha),
                q ->
                    Fusion.convexCombination(
                        top(run.get(q), 100), top(x.dense.get(q), 100), alpha));
          }
        }
      }
    }
    if (groups.contains("rm3")) {
      for (String source : new String[] {"bm25", "hybrid"}) {
        Function<String, List<Scored<String>>> fb =
            source.equals("bm25") ? x.bm25::get : q -> x.convex(q, 0.4, 100);
        for (int k : new int[] {3, 5, 10}) {
          for (int m : new int[] {10, 30}) {
            for (double lambda : new double[] {0.5, 0.7}) {
              Map<String, List<Scored<String>>> rm3 = x.rm3Runs(fb, k, m, lambda);
              String name =
                  String.format(Locale.ROOT, "rm3(%s) k=%d m=%d l=%.1f", source, k, m, lambda);
              x.report(name, rm3::get);
              x.reportWithDense(name, rm3, 0.3, 0.4, 0.5);
            }
          }
        }
      }
    }
    if (groups.contains("depths")) {
      // Min-max normalisation takes its minimum from the list's tail: deeper lists move it.
      for (int lexDepth : new int[] {100, 300, 1000}) {
        for (int denseDepth : new int[] {100, 300, 1000}) {
          for (double alpha : new double[] {0.3, 0.4}) {
            x.report(
                String.format(
                    Locale.ROOT, "convex a=%.1f bm25@%d dense@%d", alpha, lexDepth, denseDepth),
                q ->
                    Fusion.convexCombination(
                        top(x.bm25.get(q), lexDepth), top(x.dense.get(q), denseDepth), alpha));
          }
        }
      }
    }
    if (groups.contains("titlevec")) {
      // A second dense field: the title alone, embedded as a document (about a tenth of the
      // tokens of title + abstract).
      float[][] titleVecs;
      try (Embedder embedder = OnnxEmbedder.bgeSmallEnV15()) {
        List<String> titles = new ArrayList<>();
        for (BeirCollection.Doc d : x.c.corpus()) {
          titles.add(d.title().isBlank() ? d.text() : d.title());
        }
        titleVecs =
            VectorCache.open(Path.of(args[1]), embedder)
                .documents(titles, embedder, n -> {})
                .toArray(new float[0][]);
      }
      for (double w : new double[] {0.1, 0.2, 0.3}) {
        Map<String, List<Scored<String>>> mixed = new HashMap<>();
        for (String q : x.c.queries().keySet()) {
          float[] qv = x.queryVecs.get(q);
          List<Scored<String>> all = new ArrayList<>();
          for (int i = 0; i < x.docVecs.length; i++) {
            double sc = (1 - w) * Vectors.dot(qv, x.docVecs[i]) + w * Vectors.dot(qv, titleVecs[i]);
            all.add(new Scored<>(x.docIds.get(i), sc));
          }
          all.sort((a, b) -> Double.compare(b.score(), a.score()));
          mixed.put(q, new ArrayList<>(all.subList(0, DEPTH)));
        }
        x.report(String.format(Locale.ROOT, "dense + %.1f title vector", w), mixed::get);
        for (double alpha : new double[] {0.3, 0.4}) {
          x.report(
              String.format(Locale.ROOT, "  convex(bm25, dense + %.1f title) a=%.1f", w, alpha),
              q ->
                  Fusion.convexCombination(top(x.bm25.get(q), 100), top(mixed.get(q), 100), alpha));
        }
      }
    }
    if (groups.contains("sdm")) {
      for (double wo : new double[] {0.1, 0.2, 0.4}) {
        for (double wu : new double[] {0, 0.1, 0.2}) {
          Map<String, List<Scored<String>>> sdm = x.sdmRuns(wo, wu, 8);
          String name = String.format(Locale.ROOT, "sdm o=%.1f u=%.1f", wo, wu);
          x.report(name, sdm::get);
          x.reportWithDense(name, sdm, 0.3, 0.4, 0.5);
        }
      }
    }
    if (groups.contains("smooth")) {
      for (int m : new int[] {10, 20}) {
        for (double g : new double[] {0.25, 0.5, 1.0}) {
          x.report(
              String.format(Locale.ROOT, "smooth(convex .3) m=%d g=%.2f", m, g),
              q -> x.smooth(x.convex(q, 0.3, 100), m, g));
        }
      }
    }
  }
}
