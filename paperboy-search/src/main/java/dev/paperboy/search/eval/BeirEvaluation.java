package dev.paperboy.search.eval;

import dev.paperboy.core.embed.DocumentText;
import dev.paperboy.core.embed.Embedder;
import dev.paperboy.core.embed.VectorLookup;
import dev.paperboy.core.eval.Metrics;
import dev.paperboy.core.eval.Qrels;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.search.SearchHit;
import dev.paperboy.core.search.SearchIndex;
import dev.paperboy.core.search.SearchMode;
import dev.paperboy.core.search.SearchQuery;
import dev.paperboy.search.HybridOptions;
import dev.paperboy.search.LuceneSearchIndex;
import dev.paperboy.search.embed.OnnxEmbedder;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates every search mode on a BEIR collection with the product's own index: the corpus is
 * indexed into a {@link LuceneSearchIndex} in a temporary directory (vectors from the on-disk
 * {@link VectorCache}, so only the first run embeds the corpus), each judged query is searched in
 * each mode for its top 100, and nDCG@10, Recall@100 and MRR@10 are printed, one line per mode:
 *
 * <pre>
 * mode     nDCG@10  R@100   MRR@10  seconds
 * bm25     0.6789   0.9253  0.6457  0.9
 * </pre>
 *
 * <p>{@code seconds} is the wall time of that mode's queries, embedding each query included. Runs
 * are ranked as trec_eval ranks them (score, then document id, descending), so ties fall as in
 * published figures.
 */
public final class BeirEvaluation {
  /** The header line; every following line is {@code mode ndcg recall mrr seconds}. */
  public static final String HEADER = "mode     nDCG@10  R@100   MRR@10  seconds";

  /** Hits per query: enough for Recall@100. */
  static final int DEPTH = 100;

  /**
   * The knobs of one evaluation.
   *
   * @param split judgments to score against ({@code qrels/SPLIT.tsv}): {@code test} to report,
   *     {@code train} to choose settings on
   * @param modes the modes to run, in order
   */
  public record Settings(
      String split, List<SearchMode> modes, LuceneSearchIndex.Options index, HybridOptions hybrid) {
    public static final Settings DEFAULTS =
        new Settings(
            "test",
            List.of(SearchMode.BM25, SearchMode.SEMANTIC, SearchMode.HYBRID),
            LuceneSearchIndex.Options.DEFAULTS,
            HybridOptions.DEFAULTS);

    public Settings {
      if (split == null || !split.matches("[A-Za-z0-9_-]+")) {
        throw new IllegalArgumentException(
            "split must be a plain name such as test, split: " + split);
      }
      modes = List.copyOf(modes);
    }

    public Settings withSplit(String s) {
      return new Settings(s, modes, index, hybrid);
    }

    public Settings withHybrid(HybridOptions h) {
      return new Settings(split, modes, index, h);
    }

    public Settings withModes(List<SearchMode> m) {
      return new Settings(split, m, index, hybrid);
    }
  }

  /** The scores of one mode. */
  public record ModeResult(SearchMode mode, Metrics.Summary metrics, Duration took) {
    /** The table line: {@code mode nDCG@10 R@100 MRR@10 seconds}. */
    public String line() {
      return String.format(
          Locale.ROOT,
          "%-8s %.4f   %.4f  %.4f  %.1f",
          mode.label(),
          metrics.ndcg10(),
          metrics.recall100(),
          metrics.mrr10(),
          took.toMillis() / 1000.0);
    }
  }

  /**
   * Makes the index an evaluation runs against, empty, with semantic search from {@code embedder}
   * and {@code vectors}: the embedded Lucene index by default ({@link #lucene}), or another engine
   * (the app passes a SolrCloud collection), so every engine is measured the same way.
   */
  @FunctionalInterface
  public interface IndexFactory {
    SearchIndex open(Embedder embedder, VectorLookup vectors, Settings settings);
  }

  /**
   * A Lucene index in {@code dir} (a fresh temporary directory), written by one thread: with
   * several, how the documents fall into segments (and so how each segment's HNSW graph is built)
   * depends on thread timing, and the vector candidates at the tail of a ranking could differ from
   * run to run. One thread makes every run build the same graphs.
   */
  public static IndexFactory lucene(Path dir) {
    return (embedder, vectors, settings) ->
        LuceneSearchIndex.open(
            dir,
            settings.index().withIndexThreads(1),
            new LuceneSearchIndex.Semantic(embedder, vectors, settings.hybrid()));
  }

  /** Told how many corpus documents have been embedded so far (first run only). */
  public interface Progress {
    void embedded(int done, int total);
  }

  private BeirEvaluation() {}

  /**
   * What {@code paperboy eval --beir DIR} runs: the bundled model, default settings, the test
   * split; prints the table to {@code out}.
   *
   * @param cacheDir where the collection's vectors are kept between runs
   * @throws IllegalArgumentException for a malformed collection (file:line and why) or a missing
   *     split
   */
  public static List<ModeResult> run(
      Path beirDir, Path cacheDir, Settings settings, PrintStream out, Progress progress) {
    Path dir = tempDir();
    try {
      return run(beirDir, cacheDir, settings, out, progress, lucene(dir));
    } finally {
      deleteRecursively(dir);
    }
  }

  /** {@link #run} against the index {@code factory} makes. */
  public static List<ModeResult> run(
      Path beirDir,
      Path cacheDir,
      Settings settings,
      PrintStream out,
      Progress progress,
      IndexFactory factory) {
    BeirCollection collection = BeirCollection.read(beirDir);
    try (OnnxEmbedder embedder = OnnxEmbedder.bgeSmallEnV15()) {
      VectorCache cache = VectorCache.open(cacheDir, embedder);
      return evaluate(collection, embedder, cache, settings, out, progress, factory);
    }
  }

  /**
   * Evaluates {@code collection} with any embedder on a temporary Lucene index; see {@link #run}.
   */
  public static List<ModeResult> evaluate(
      BeirCollection collection,
      Embedder embedder,
      VectorCache cache,
      Settings settings,
      PrintStream out,
      Progress progress) {
    Path dir = tempDir();
    try {
      return evaluate(collection, embedder, cache, settings, out, progress, lucene(dir));
    } finally {
      deleteRecursively(dir);
    }
  }

  /** Evaluates {@code collection} with any embedder on the index {@code factory} makes. */
  public static List<ModeResult> evaluate(
      BeirCollection collection,
      Embedder embedder,
      VectorCache cache,
      Settings settings,
      PrintStream out,
      Progress progress,
      IndexFactory factory) {
    if (!collection.hasSplit(settings.split())) {
      throw new IllegalArgumentException(
          collection.dir().resolve("qrels").resolve(settings.split() + ".tsv")
              + ": not found (the split to evaluate)");
    }
    Qrels qrels = collection.qrels(settings.split());

    // Papers need arXiv ids: each corpus document gets a synthetic one, mapped back for scoring.
    List<Paper> papers = new ArrayList<>(collection.corpus().size());
    Map<ArxivId, String> beirIds = new HashMap<>();
    for (BeirCollection.Doc d : collection.corpus()) {
      Paper p = toPaper(syntheticId(papers.size()), d);
      if (p == null) {
        continue; // neither title nor text: nothing to index
      }
      papers.add(p);
      beirIds.put(p.id(), d.id());
    }
    // Keyword search alone needs no vectors: a bm25-only run does not embed the collection.
    Map<ArxivId, float[]> byId = new HashMap<>();
    if (settings.modes().stream().anyMatch(m -> m != SearchMode.BM25)) {
      List<String> texts = papers.stream().map(DocumentText::of).toList();
      List<float[]> vectors =
          cache.documents(texts, embedder, done -> progress.embedded(done, texts.size()));
      for (int i = 0; i < papers.size(); i++) {
        byId.put(papers.get(i).id(), vectors.get(i));
      }
    }

    VectorLookup lookup =
        batch -> {
          Map<ArxivId, float[]> found = new HashMap<>();
          for (Paper p : batch) {
            float[] v = byId.get(p.id());
            if (v != null) {
              found.put(p.id(), v);
            }
          }
          return found;
        };
    List<ModeResult> results = new ArrayList<>();
    out.println(HEADER);
    try (SearchIndex index = factory.open(embedder, lookup, settings)) {
      index.index(papers);
      index.commit();
      for (SearchMode mode : settings.modes()) {
        ModeResult r = runMode(index, mode, collection, qrels, beirIds);
        out.println(r.line());
        out.flush();
        results.add(r);
      }
    }
    return results;
  }

  private static ModeResult runMode(
      SearchIndex index,
      SearchMode mode,
      BeirCollection collection,
      Qrels qrels,
      Map<ArxivId, String> beirIds) {
    Map<String, List<String>> run = new LinkedHashMap<>();
    long start = System.nanoTime();
    for (String queryId : qrels.judgments().keySet()) {
      String text = collection.queries().get(queryId);
      List<SearchHit> hits = index.search(SearchQuery.of(text, mode, DEPTH)).hits();
      Map<String, Double> scores = new LinkedHashMap<>();
      for (SearchHit h : hits) {
        scores.put(beirIds.get(h.id()), h.score());
      }
      run.put(queryId, Metrics.trecOrder(scores));
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    return new ModeResult(mode, Metrics.evaluate(run, qrels), took);
  }

  /**
   * A document as a paper. The index's keyword field is title + abstract, which is BEIR's "flat"
   * title + text; a document without a title takes its text as the title (a paper must have one)
   * and an empty abstract, which indexes and embeds exactly the same text.
   */
  static @Nullable Paper toPaper(ArxivId id, BeirCollection.Doc d) {
    String title = d.title().strip();
    String text = d.text().strip();
    if (title.isEmpty() && text.isEmpty()) {
      return null;
    }
    return title.isEmpty()
        ? Paper.builder(id, text).build()
        : Paper.builder(id, title).abstractText(text).build();
  }

  /** The i-th synthetic id: 1501.00001, 1501.00002, ... 99,999 a month, from January 2015 on. */
  static ArxivId syntheticId(int i) {
    int month = i / 99_999;
    int yy = 15 + month / 12;
    int mm = 1 + month % 12;
    if (yy > 99) {
      throw new IllegalArgumentException("collection too large for synthetic ids: " + i);
    }
    return new ArxivId(String.format(Locale.ROOT, "%02d%02d.%05d", yy, mm, i % 99_999 + 1));
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("paperboy-eval-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary index directory", e);
    }
  }

  private static void deleteRecursively(Path dir) {
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
              Files.delete(d);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      // A leftover temporary directory is harmless; the evaluation itself succeeded.
    }
  }

  /**
   * {@code java ... BeirEvaluation BEIR_DIR CACHE_DIR [SPLIT]}: prints the table for the default
   * settings.
   */
  public static void main(String[] args) {
    if (args.length < 2) {
      System.err.println("usage: BeirEvaluation BEIR_DIR CACHE_DIR [SPLIT]");
      System.exit(2);
    }
    Settings settings = Settings.DEFAULTS;
    if (args.length > 2) {
      settings = settings.withSplit(args[2]);
    }
    run(
        Path.of(args[0]),
        Path.of(args[1]),
        settings,
        System.out,
        (done, total) -> System.err.printf("embedded %d of %d documents%n", done, total));
  }
}
