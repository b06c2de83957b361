package dev.paperboy.app.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.core.embed.DocumentText;
import dev.paperboy.core.embed.EmbeddingStore;
import dev.paperboy.core.embed.StoredVector;
import dev.paperboy.core.eval.Metrics;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.paper.PaperStore;
import dev.paperboy.core.recommend.Candidates;
import dev.paperboy.core.recommend.CentroidModel;
import dev.paperboy.core.recommend.Like;
import dev.paperboy.core.recommend.LikeKind;
import dev.paperboy.core.recommend.LikedItem;
import dev.paperboy.core.recommend.LogisticModel;
import dev.paperboy.core.recommend.NearestLikedModel;
import dev.paperboy.core.recommend.TasteModel;
import dev.paperboy.core.recommend.TfIdfVectors;
import dev.paperboy.core.testing.SharedData;
import dev.paperboy.search.embed.OnnxEmbedder;
import dev.paperboy.store.Database;
import dev.paperboy.store.JdbcEmbeddingStore;
import dev.paperboy.store.JdbcPaperStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Offline evaluation of the personal-picks models on the shared data, with two kinds of pseudo-user
 * (there are no real Paperboy users to learn from yet):
 *
 * <ol>
 *   <li><b>HF submitters</b>: a Hugging Face user who put at least 5 papers on the daily lists
 *       ({@code submittedOnDailyBy}) likes those papers. Test: their papers of their last
 *       submission day, ranked among every paper on the HF lists of that day +-3 days (about 100,
 *       all "trending" papers, so popularity alone does not find them). Trained on their earlier
 *       submissions.
 *   <li><b>arXiv authors</b>: an author with at least 4 earlier papers in the listings likes their
 *       own papers. Test: their papers on a sampled listing day, ranked among all that day's cs
 *       listings (a few hundred: exactly what a digest chooses picks from). Trained on their
 *       earlier papers (at most 20, the newest).
 * </ol>
 *
 * <p>Temporal split (train strictly before the test day), so no model sees the future. Metrics per
 * pseudo-user, averaged: nDCG@10, hit rate @5 (a relevant paper among the 5 picks a digest shows),
 * MRR@10. A benchmark-like run, not a test; it embeds the papers it needs once (stored in the data
 * directory's store, so later runs and the digests reuse them):
 *
 * <pre>
 * bin/paperboy import --data /tmp/digest-data /work/shared/data/arxiv/*.jsonl.gz \
 *     /work/shared/data/hf-daily/hf-daily-papers-by-date.jsonl.gz
 * mvn -o -pl paperboy-app -am verify -Dtest=RecommenderEvaluation -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dpaperboy.eval=true -Dpaperboy.eval.data=/tmp/digest-data
 * </pre>
 *
 * <p>The {@code tfidf-hashed-*} rows are what {@code digest.picks.model=tfidf} runs (core {@code
 * TfIdfVectors} with the centroid model); {@code -Dpaperboy.eval.slow=true} adds a logistic
 * regression over exact TF-IDF (the best measured, but about 1.5 s per reader).
 */
@EnabledIfSystemProperty(named = "paperboy.eval", matches = "true")
class RecommenderEvaluation {
  static final long SEED = Long.getLong("paperboy.eval.seed", 7);
  static final int AUTHOR_DAYS = Integer.getInteger("paperboy.eval.days", 15);
  static final int AUTHORS_PER_DAY = Integer.getInteger("paperboy.eval.authors.per.day", 25);
  static final int MAX_TRAIN = 20;
  static final int BACKGROUND = 400;

  record PseudoUser(String name, List<Like> train, Set<ArxivId> relevant, List<ArxivId> pool) {}

  @Test
  void evaluate() throws Exception {
    Path data = Path.of(System.getProperty("paperboy.eval.data", "/tmp/digest-data"));
    Path hfFile = SharedData.require("hf-daily").resolve("hf-daily-papers-by-date.jsonl.gz");
    try (Database db = Database.sqlite(data.resolve("paperboy.db"))) {
      PaperStore store = new JdbcPaperStore(db);
      EmbeddingStore vectors = new JdbcEmbeddingStore(db);
      Random random = new Random(SEED);

      HfLists hf = HfLists.read(hfFile);
      List<PseudoUser> submitters = hfSubmitters(hf);
      Corpus corpus = Corpus.load(store);
      List<PseudoUser> authors = authors(corpus, random);
      System.out.printf(
          Locale.ROOT,
          "pseudo-users: %d HF submitters, %d arXiv authors (seed %d)%n",
          submitters.size(),
          authors.size(),
          SEED);

      Set<ArxivId> needed = new HashSet<>();
      for (PseudoUser u : concat(submitters, authors)) {
        u.train().forEach(l -> needed.add(l.paper()));
        needed.addAll(u.pool());
      }
      List<ArxivId> bgIds = new ArrayList<>(needed);
      Collections.sort(bgIds);
      Collections.shuffle(bgIds, random);
      Map<ArxivId, Paper> papers = new HashMap<>();
      for (Paper p : store.findPapers(needed)) {
        papers.put(p.id(), p);
      }
      Map<ArxivId, float[]> vec = embed(papers, vectors);
      System.out.printf(Locale.ROOT, "papers with vectors: %,d%n", vec.size());

      List<float[]> background = new ArrayList<>();
      for (ArxivId id : bgIds) {
        if (vec.containsKey(id) && background.size() < BACKGROUND) {
          background.add(vec.get(id));
        }
      }
      float[] bgMean = mean(background);
      TfIdf tfidf = TfIdf.fit(papers.values());
      List<Map<String, Double>> bgSparse = new ArrayList<>();
      for (ArxivId id : bgIds.subList(0, Math.min(BACKGROUND, bgIds.size()))) {
        if (papers.containsKey(id)) {
          bgSparse.add(tfidf.vector(papers.get(id)));
        }
      }

      Map<String, Ranker> models = new LinkedHashMap<>();
      models.put("random", (u, pool, now) -> randomScores(pool, new Random(u.name().hashCode())));
      models.put("popularity (HF upvotes)", (u, pool, now) -> popularity(pool, hf));
      addDense(models, CentroidModel.mean(), vec, papers);
      addDense(models, CentroidModel.recencyWeighted(Duration.ofDays(60)), vec, papers);
      addDense(models, CentroidModel.rocchio(null, bgMean, 0.5), vec, papers);
      addDense(models, CentroidModel.rocchio(null, bgMean, 1.0), vec, papers);
      addDense(models, new NearestLikedModel(1), vec, papers);
      addDense(models, new NearestLikedModel(3), vec, papers);
      addDense(models, new LogisticModel(background, 0.01, 100), vec, papers);
      addDense(models, new LogisticModel(background, 0.1, 100), vec, papers);
      models.put("tfidf-centroid", (u, pool, now) -> tfidf.centroidScores(u, pool, papers));
      // What the digests run (digest.picks.model=tfidf): the same weights hashed into dense
      // vectors, fitted on the papers at hand, scored by the production centroid model.
      int[][] variants = {{1024, 32}, {2048, 32}, {2048, 64}, {4096, 32}, {4096, 64}, {4096, 0}};
      for (int[] v : variants) {
        Map<ArxivId, float[]> hashed =
            TfIdfVectors.fit(papers.values(), v[0], v[1]).vectorsOf(papers.values());
        Map<String, Ranker> one = new LinkedHashMap<>();
        addDense(one, CentroidModel.mean(), hashed, papers);
        models.put("tfidf-hashed-" + v[0] + "-top" + v[1], one.values().iterator().next());
      }
      if (Boolean.getBoolean("paperboy.eval.slow")) {
        // About 1.5 s per pseudo-user: far too slow for a digest of many subscribers.
        models.put(
            "tfidf-logistic-l0.01",
            (u, pool, now) -> tfidf.logisticScores(u, pool, papers, bgSparse, 0.01));
      }

      report("HF submitters (likes = papers they put on the HF daily list)", submitters, models);
      report(
          "HF submitters without the two curators (taesiri, akhaliq)",
          submitters.stream()
              .filter(u -> !u.name().equals("taesiri") && !u.name().equals("akhaliq"))
              .toList(),
          models);
      report("arXiv authors (likes = their own earlier papers)", authors, models);
    }
  }

  interface Ranker {
    double[] score(PseudoUser user, List<ArxivId> pool, Instant now);
  }

  private static void addDense(
      Map<String, Ranker> models,
      TasteModel model,
      Map<ArxivId, float[]> vec,
      Map<ArxivId, Paper> papers) {
    models.put(
        model.name(),
        (u, pool, now) -> {
          List<LikedItem> liked = new ArrayList<>();
          for (Like l : u.train()) {
            if (vec.containsKey(l.paper())) {
              liked.add(new LikedItem(l, papers.get(l.paper()).title(), vec.get(l.paper())));
            }
          }
          Map<ArxivId, float[]> m = new LinkedHashMap<>();
          for (ArxivId id : pool) {
            m.put(id, vec.get(id));
          }
          return model.fit(liked, now).score(Candidates.of(m));
        });
  }

  private static void report(String title, List<PseudoUser> users, Map<String, Ranker> models) {
    System.out.printf(Locale.ROOT, "%n%s: %d pseudo-users%n", title, users.size());
    double poolSize = users.stream().mapToInt(u -> u.pool().size()).average().orElse(0);
    double relevant = users.stream().mapToInt(u -> u.relevant().size()).average().orElse(0);
    double train = users.stream().mapToInt(u -> u.train().size()).average().orElse(0);
    System.out.printf(
        Locale.ROOT,
        "  mean candidates %.0f, relevant %.2f, training likes %.1f%n",
        poolSize,
        relevant,
        train);
    System.out.printf(
        Locale.ROOT, "  %-34s %8s %8s %8s %9s%n", "model", "nDCG@10", "HR@5", "MRR@10", "ms/user");
    for (Map.Entry<String, Ranker> m : models.entrySet()) {
      double ndcg = 0;
      double hit5 = 0;
      double mrr = 0;
      long t0 = System.nanoTime();
      for (PseudoUser u : users) {
        Instant now =
            u.train().stream().map(Like::at).max(Instant::compareTo).orElseThrow().plusSeconds(1);
        double[] scores = m.getValue().score(u, u.pool(), now);
        Map<String, Double> byId = new HashMap<>();
        for (int i = 0; i < scores.length; i++) {
          byId.put(u.pool().get(i).toString(), scores[i]);
        }
        List<String> ranking = Metrics.trecOrder(byId);
        Map<String, Integer> grades = new HashMap<>();
        u.relevant().forEach(r -> grades.put(r.toString(), 1));
        ndcg += Metrics.ndcg(ranking, grades, 10);
        mrr += Metrics.reciprocalRank(ranking, grades, 10);
        hit5 += Metrics.recall(ranking, grades, 5) > 0 ? 1 : 0;
      }
      double ms = (System.nanoTime() - t0) / 1e6 / Math.max(1, users.size());
      int n = Math.max(1, users.size());
      System.out.printf(
          Locale.ROOT,
          "  %-34s %8.3f %8.3f %8.3f %9.2f%n",
          m.getKey(),
          ndcg / n,
          hit5 / n,
          mrr / n,
          ms);
    }
  }

  // ---- pseudo-users -------------------------------------------------------------------------

  /** The HF daily lists: day -> entries (id, upvotes, submitter). */
  record HfEntry(LocalDate day, ArxivId id, int upvotes, String submitter) {}

  record HfLists(TreeMap<LocalDate, List<HfEntry>> byDay, Map<ArxivId, Integer> upvotes) {
    static HfLists read(Path file) throws IOException {
      ObjectMapper json = new ObjectMapper();
      TreeMap<LocalDate, List<HfEntry>> byDay = new TreeMap<>();
      Map<ArxivId, Integer> upvotes = new HashMap<>();
      try (BufferedReader r =
          new BufferedReader(
              new InputStreamReader(
                  new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          JsonNode day = json.readTree(line);
          LocalDate d = LocalDate.parse(day.get("date").asText());
          List<HfEntry> list = new ArrayList<>();
          for (JsonNode e : day.get("papers")) {
            JsonNode p = e.get("paper");
            ArxivId id;
            try {
              id = ArxivId.parse(p.get("id").asText());
            } catch (IllegalArgumentException ex) {
              continue;
            }
            JsonNode by = p.get("submittedOnDailyBy");
            String submitter =
                by != null && by.has("user")
                    ? by.get("user").asText()
                    : e.has("submittedBy") && e.get("submittedBy").has("user")
                        ? e.get("submittedBy").get("user").asText()
                        : "";
            int up = p.path("upvotes").asInt(0);
            list.add(new HfEntry(d, id, up, submitter));
            upvotes.merge(id, up, Math::max);
          }
          byDay.put(d, list);
        }
      }
      return new HfLists(byDay, upvotes);
    }
  }

  private static List<PseudoUser> hfSubmitters(HfLists hf) {
    Map<String, TreeMap<LocalDate, Set<ArxivId>>> bySubmitter = new TreeMap<>();
    hf.byDay()
        .forEach(
            (day, list) -> {
              for (HfEntry e : list) {
                if (!e.submitter().isBlank()) {
                  bySubmitter
                      .computeIfAbsent(e.submitter(), k -> new TreeMap<>())
                      .computeIfAbsent(day, k -> new HashSet<>())
                      .add(e.id());
                }
              }
            });
    List<PseudoUser> out = new ArrayList<>();
    for (Map.Entry<String, TreeMap<LocalDate, Set<ArxivId>>> s : bySubmitter.entrySet()) {
      TreeMap<LocalDate, Set<ArxivId>> days = s.getValue();
      int total = days.values().stream().mapToInt(Set::size).sum();
      if (total < 5 || days.size() < 2) {
        continue;
      }
      LocalDate testDay = days.lastKey();
      Set<ArxivId> relevant = days.get(testDay);
      List<Like> train = new ArrayList<>();
      for (Map.Entry<LocalDate, Set<ArxivId>> d :
          days.headMap(testDay, false).descendingMap().entrySet()) {
        for (ArxivId id : d.getValue()) {
          if (!relevant.contains(id) && train.size() < 50) {
            train.add(
                new Like(id, LikeKind.UPVOTE, d.getKey().atStartOfDay(ZoneOffset.UTC).toInstant()));
          }
        }
      }
      Set<ArxivId> trainIds = new HashSet<>();
      train.forEach(l -> trainIds.add(l.paper()));
      List<ArxivId> pool = new ArrayList<>();
      for (List<HfEntry> list :
          hf.byDay().subMap(testDay.minusDays(3), true, testDay.plusDays(3), true).values()) {
        for (HfEntry e : list) {
          if (!trainIds.contains(e.id()) && !pool.contains(e.id())) {
            pool.add(e.id());
          }
        }
      }
      out.add(new PseudoUser(s.getKey(), train, relevant, pool));
    }
    return out;
  }

  /** Every paper with an arXiv listing day, and who wrote it. */
  record Corpus(
      TreeMap<LocalDate, List<ArxivId>> listed,
      Map<String, TreeMap<LocalDate, List<ArxivId>>> byAuthor) {
    static Corpus load(PaperStore store) {
      TreeMap<LocalDate, List<ArxivId>> listed = new TreeMap<>();
      Map<String, TreeMap<LocalDate, List<ArxivId>>> byAuthor = new HashMap<>();
      ArxivId after = null;
      while (true) {
        List<Paper> page = store.papersAfter(after, 1000);
        if (page.isEmpty()) {
          break;
        }
        for (Paper p : page) {
          after = p.id();
          if (p.listingDate() == null || p.categories().isEmpty()) {
            continue;
          }
          listed.computeIfAbsent(p.listingDate(), k -> new ArrayList<>()).add(p.id());
          for (String a : p.authors()) {
            String key = a.strip().toLowerCase(Locale.ROOT);
            if (key.split("\\s+").length >= 2) {
              byAuthor
                  .computeIfAbsent(key, k -> new TreeMap<>())
                  .computeIfAbsent(p.listingDate(), k -> new ArrayList<>())
                  .add(p.id());
            }
          }
        }
      }
      return new Corpus(listed, byAuthor);
    }
  }

  private static List<PseudoUser> authors(Corpus corpus, Random random) {
    // Listing days with a full list (over 100 papers), from the second half of the data so
    // authors have a history.
    List<LocalDate> days =
        corpus.listed().entrySet().stream()
            .filter(e -> e.getValue().size() > 100)
            .map(Map.Entry::getKey)
            .filter(d -> d.isAfter(corpus.listed().firstKey().plusMonths(8)))
            .toList();
    List<LocalDate> sampled = new ArrayList<>(days);
    Collections.shuffle(sampled, random);
    sampled = sampled.subList(0, Math.min(AUTHOR_DAYS, sampled.size()));
    Collections.sort(sampled);
    List<PseudoUser> out = new ArrayList<>();
    for (LocalDate day : sampled) {
      List<ArxivId> pool = corpus.listed().get(day);
      List<String> names = new ArrayList<>();
      Map<String, Set<ArxivId>> relevantOf = new HashMap<>();
      for (Map.Entry<String, TreeMap<LocalDate, List<ArxivId>>> a : corpus.byAuthor().entrySet()) {
        List<ArxivId> today = a.getValue().get(day);
        if (today == null) {
          continue;
        }
        int before = a.getValue().headMap(day).values().stream().mapToInt(List::size).sum();
        if (before >= 4) {
          names.add(a.getKey());
          relevantOf.put(a.getKey(), new HashSet<>(today));
        }
      }
      Collections.sort(names);
      Collections.shuffle(names, random);
      for (String name : names.subList(0, Math.min(AUTHORS_PER_DAY, names.size()))) {
        List<Like> train = new ArrayList<>();
        for (Map.Entry<LocalDate, List<ArxivId>> d :
            corpus.byAuthor().get(name).headMap(day, false).descendingMap().entrySet()) {
          for (ArxivId id : d.getValue()) {
            if (train.size() < MAX_TRAIN) {
              train.add(
                  new Like(
                      id, LikeKind.UPVOTE, d.getKey().atStartOfDay(ZoneOffset.UTC).toInstant()));
            }
          }
        }
        Set<ArxivId> trainIds = new HashSet<>();
        train.forEach(l -> trainIds.add(l.paper()));
        List<ArxivId> candidates = pool.stream().filter(id -> !trainIds.contains(id)).toList();
        out.add(new PseudoUser(name + "@" + day, train, relevantOf.get(name), candidates));
      }
    }
    return out;
  }

  // ---- embeddings ---------------------------------------------------------------------------

  private static Map<ArxivId, float[]> embed(Map<ArxivId, Paper> papers, EmbeddingStore store) {
    String model = "bge-small-en-v1.5-q";
    Map<ArxivId, float[]> have = new HashMap<>(store.currentVectors(papers.values(), model));
    List<Paper> missing = papers.values().stream().filter(p -> !have.containsKey(p.id())).toList();
    System.out.printf(
        Locale.ROOT, "vectors stored: %,d, to embed: %,d%n", have.size(), missing.size());
    if (missing.isEmpty()) {
      return have;
    }
    try (OnnxEmbedder embedder = OnnxEmbedder.bgeSmallEnV15()) {
      if (!embedder.modelName().equals(model)) {
        throw new IllegalStateException("unexpected model " + embedder.modelName());
      }
      long t0 = System.nanoTime();
      for (int i = 0; i < missing.size(); i += 256) {
        List<Paper> batch = missing.subList(i, Math.min(missing.size(), i + 256));
        List<String> texts = batch.stream().map(DocumentText::of).toList();
        List<float[]> out = embedder.embedDocuments(texts);
        List<StoredVector> rows = new ArrayList<>();
        for (int j = 0; j < batch.size(); j++) {
          rows.add(
              new StoredVector(
                  batch.get(j).id(), model, DocumentText.hash(texts.get(j)), out.get(j)));
          have.put(batch.get(j).id(), out.get(j));
        }
        store.putVectors(rows);
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
            Locale.ROOT,
            "  embedded %,d / %,d (%.0f/s)%n",
            i + batch.size(),
            missing.size(),
            (i + batch.size()) / secs);
      }
    }
    return have;
  }

  // ---- baselines and helpers ----------------------------------------------------------------

  private static double[] randomScores(List<ArxivId> pool, Random r) {
    double[] s = new double[pool.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = r.nextDouble();
    }
    return s;
  }

  private static double[] popularity(List<ArxivId> pool, HfLists hf) {
    double[] s = new double[pool.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = hf.upvotes().getOrDefault(pool.get(i), 0);
    }
    return s;
  }

  static float[] mean(List<float[]> vs) {
    float[] m = new float[vs.get(0).length];
    for (float[] v : vs) {
      for (int j = 0; j < m.length; j++) {
        m[j] += v[j] / vs.size();
      }
    }
    return m;
  }

  @SafeVarargs
  private static <T> List<T> concat(List<T>... lists) {
    List<T> out = new ArrayList<>();
    for (List<T> l : lists) {
      out.addAll(l);
    }
    return out;
  }

  /** TF-IDF over title and abstract (lower-cased words of 3+ letters, no stopwords). */
  record TfIdf(Map<String, Double> idf) {
    /** The hashed vectors' own words ({@link TfIdfVectors#counts}), so only the hashing differs. */
    static Map<String, Integer> counts(Paper p) {
      return TfIdfVectors.counts(p);
    }

    static TfIdf fit(java.util.Collection<Paper> papers) {
      Map<String, Integer> df = new HashMap<>();
      for (Paper p : papers) {
        for (String w : counts(p).keySet()) {
          df.merge(w, 1, Integer::sum);
        }
      }
      Map<String, Double> idf = new HashMap<>();
      double n = papers.size();
      df.forEach((w, d) -> idf.put(w, Math.log((n + 1) / (d + 1)) + 1));
      return new TfIdf(idf);
    }

    Map<String, Double> vector(Paper p) {
      Map<String, Double> v = new HashMap<>();
      counts(p).forEach((w, c) -> v.put(w, (1 + Math.log(c)) * idf.getOrDefault(w, 1.0)));
      double norm = Math.sqrt(v.values().stream().mapToDouble(x -> x * x).sum());
      if (norm > 0) {
        v.replaceAll((w, x) -> x / norm);
      }
      return v;
    }

    static double dot(Map<String, Double> a, Map<String, Double> b) {
      Map<String, Double> small = a.size() < b.size() ? a : b;
      Map<String, Double> large = small == a ? b : a;
      double s = 0;
      for (Map.Entry<String, Double> e : small.entrySet()) {
        Double o = large.get(e.getKey());
        if (o != null) {
          s += e.getValue() * o;
        }
      }
      return s;
    }

    double[] centroidScores(PseudoUser u, List<ArxivId> pool, Map<ArxivId, Paper> papers) {
      Map<String, Double> c = new HashMap<>();
      int n = 0;
      for (Like l : u.train()) {
        Paper p = papers.get(l.paper());
        if (p != null) {
          vector(p).forEach((w, x) -> c.merge(w, x, Double::sum));
          n++;
        }
      }
      int count = Math.max(1, n);
      c.replaceAll((w, x) -> x / count);
      return scores(c, pool, papers);
    }

    double[] logisticScores(
        PseudoUser u,
        List<ArxivId> pool,
        Map<ArxivId, Paper> papers,
        List<Map<String, Double>> background,
        double lambda) {
      List<Map<String, Double>> pos = new ArrayList<>();
      for (Like l : u.train()) {
        if (papers.containsKey(l.paper())) {
          pos.add(vector(papers.get(l.paper())));
        }
      }
      Map<String, Double> w = new HashMap<>();
      double b = 0;
      double step = 1.0 / (0.25 + lambda);
      for (int it = 0; it < 100; it++) {
        Map<String, Double> grad = new HashMap<>();
        double gb = 0;
        gb += acc(pos, 1, w, b, grad);
        gb += acc(background, 0, w, b, grad);
        Set<String> keys = new HashSet<>(w.keySet());
        keys.addAll(grad.keySet());
        for (String k : keys) {
          double wk = w.getOrDefault(k, 0.0);
          w.put(k, wk - step * (grad.getOrDefault(k, 0.0) + lambda * wk));
        }
        b -= step * gb;
      }
      return scores(w, pool, papers);
    }

    private static double acc(
        List<Map<String, Double>> xs,
        double label,
        Map<String, Double> w,
        double b,
        Map<String, Double> grad) {
      double scale = 0.5 / xs.size();
      double gb = 0;
      for (Map<String, Double> x : xs) {
        double z = b + dot(w, x);
        double g = (1 / (1 + Math.exp(-z)) - label) * scale;
        x.forEach((k, v) -> grad.merge(k, g * v, Double::sum));
        gb += g;
      }
      return gb;
    }

    private double[] scores(
        Map<String, Double> profile, List<ArxivId> pool, Map<ArxivId, Paper> papers) {
      Function<ArxivId, Double> score =
          id -> papers.containsKey(id) ? dot(profile, vector(papers.get(id))) : 0.0;
      double[] s = new double[pool.size()];
      for (int i = 0; i < s.length; i++) {
        s[i] = score.apply(pool.get(i));
      }
      return s;
    }
  }
}
