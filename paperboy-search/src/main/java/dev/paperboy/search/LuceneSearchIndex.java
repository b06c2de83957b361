package dev.paperboy.search;

import dev.paperboy.core.embed.Embedder;
import dev.paperboy.core.embed.VectorLookup;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.search.IndexInUseException;
import dev.paperboy.core.search.QuerySyntax;
import dev.paperboy.core.search.Scored;
import dev.paperboy.core.search.SearchHit;
import dev.paperboy.core.search.SearchIndex;
import dev.paperboy.core.search.SearchMode;
import dev.paperboy.core.search.SearchQuery;
import dev.paperboy.core.search.SearchResult;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded search index: one Lucene index in a directory, BM25 over title, abstract and
 * authors, filters, and highlighted snippets.
 *
 * <p>One {@link IndexWriter} takes every write; searches run on near-real-time searchers from a
 * {@link SearcherManager}, refreshed by {@link #commit()}. All methods are thread-safe: searches
 * may run while another thread indexes. Writes are visible to {@link #search} and {@link #size()}
 * only after {@link #commit()}; {@link #close()} commits what is pending.
 *
 * <p>Query syntax: see {@link KeywordQuery}. Any text is accepted; text with nothing to look for
 * (only stopwords, punctuation or exclusions) gives zero hits, never an error.
 *
 * <p>With a {@link Semantic} configuration the index also holds each paper's vector (when the
 * {@link VectorLookup} has a current one) and answers {@link SearchMode#SEMANTIC} (nearest vectors,
 * HNSW) and {@link SearchMode#HYBRID} (BM25 and vector candidates fused, see {@link
 * HybridOptions}); filters apply to every mode. Papers without a vector yet are found by BM25 and
 * hybrid search only. Without it, {@code SEMANTIC} is refused and {@code HYBRID} ranks by BM25.
 * Search by meaning embeds the query's words without its syntax, and its quoted phrases and
 * exclusions restrict vector candidates as they restrict keyword hits ({@link KeywordQuery}).
 */
public final class LuceneSearchIndex implements SearchIndex {

  private static final Logger log = LoggerFactory.getLogger(LuceneSearchIndex.class);

  /** Commit user-data key of the schema version; a different version means the index is rebuilt. */
  static final String SCHEMA_KEY = "paperboy.schema";

  /**
   * Bump when {@link PaperDocuments}, {@link PaperAnalyzer} or {@link PaperVectors#codec} change
   * what is indexed. 3: the vector graph is built denser ({@link PaperVectors#MAX_CONN}), so an
   * upgraded install rebuilds its index rather than keep the old graph's segments. 4: author names
   * are indexed in a field of their own ({@link PaperDocuments#AUTHOR}) for {@code author:}. 5:
   * {@link PaperAnalyzer} folds accents ({@code café} finds {@code cafe}).
   */
  static final String SCHEMA_VERSION = "5";

  /**
   * Commit user-data key of the store's change number this index has followed to ({@link
   * #followedTo()}): written with {@link IndexWriter#setLiveCommitData} so it is committed
   * atomically with the documents it speaks for.
   */
  static final String FOLLOWED_KEY = "paperboy.followed";

  /**
   * What semantic search needs.
   *
   * @param embedder embeds queries; its model must be the one the vectors were made with
   * @param vectors the current vectors of papers being indexed (from the embedding store)
   * @param hybrid how semantic and hybrid searches rank
   */
  public record Semantic(Embedder embedder, VectorLookup vectors, HybridOptions hybrid) {
    public Semantic {
      if (embedder == null || vectors == null || hybrid == null) {
        throw new IllegalArgumentException("embedder, vectors and hybrid must not be null");
      }
    }
  }

  /**
   * Tuning of the index.
   *
   * @param k1 BM25 term-frequency saturation; 0.9 as in the Anserini/BEIR reference runs
   * @param b BM25 length normalisation; 0.4 as in the reference runs
   * @param titleBoost weight of an extra BM25 match on the title alone, added to the score; 0 (the
   *     default) ranks exactly like the flat reference runs
   * @param snippetChars target length of an abstract snippet, in characters
   * @param indexThreads threads that share a large {@link #index} batch (1: only the caller's)
   */
  public record Options(float k1, float b, float titleBoost, int snippetChars, int indexThreads) {
    public static final Options DEFAULTS =
        new Options(0.9f, 0.4f, 0f, 240, Math.min(4, Runtime.getRuntime().availableProcessors()));

    public Options {
      if (!(k1 >= 0f) || !Float.isFinite(k1)) {
        throw new IllegalArgumentException("k1 must be a finite number >= 0, k1: " + k1);
      }
      if (!(b >= 0f && b <= 1f)) {
        throw new IllegalArgumentException("b must be between 0 and 1, b: " + b);
      }
      if (!(titleBoost >= 0f) || !Float.isFinite(titleBoost)) {
        throw new IllegalArgumentException(
            "titleBoost must be a finite number >= 0, titleBoost: " + titleBoost);
      }
      if (snippetChars < 40 || snippetChars > 2000) {
        throw new IllegalArgumentException(
            "snippetChars must be between 40 and 2000, snippetChars: " + snippetChars);
      }
      if (indexThreads < 1 || indexThreads > 64) {
        throw new IllegalArgumentException(
            "indexThreads must be between 1 and 64, indexThreads: " + indexThreads);
      }
    }

    public Options withTitleBoost(float boost) {
      return new Options(k1, b, boost, snippetChars, indexThreads);
    }

    public Options withIndexThreads(int threads) {
      return new Options(k1, b, titleBoost, snippetChars, threads);
    }
  }

  /** Batches smaller than this are indexed on the caller's thread alone. */
  static final int PARALLEL_BATCH = 512;

  private final String name;
  private final Options options;
  private final Directory directory;
  private final Analyzer analyzer = PaperDocuments.analyzer();
  private final Similarity similarity;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final SearchHits hitBuilder;
  private @Nullable ExecutorService indexers;
  private final @Nullable Semantic semantic;

  /** The store change number of the last commit ({@link #followedTo()}); -1 for none. */
  private volatile long followedTo = -1;

  private LuceneSearchIndex(
      String name, Directory directory, Options options, @Nullable Semantic semantic)
      throws IOException {
    this.name = name;
    this.options = options;
    this.semantic = semantic;
    this.directory = directory;
    this.similarity = new BM25Similarity(options.k1(), options.b());
    this.hitBuilder = new SearchHits(analyzer, options.snippetChars());
    IndexWriterConfig config =
        new IndexWriterConfig(analyzer)
            .setSimilarity(similarity)
            .setCodec(PaperVectors.codec())
            .setOpenMode(openMode(name, directory))
            .setRAMBufferSizeMB(64)
            .setCommitOnClose(true);
    this.writer = new IndexWriter(directory, config);
    try {
      // An opened index keeps its position; a created (or emptied) one has none.
      if (config.getOpenMode() == IndexWriterConfig.OpenMode.APPEND) {
        String followed = SegmentInfos.readLatestCommit(directory).getUserData().get(FOLLOWED_KEY);
        if (followed != null) {
          try {
            followedTo = Long.parseLong(followed);
          } catch (NumberFormatException e) {
            log.warn(
                "search index {}: unreadable position {}: {}; it catches up from the start",
                name,
                FOLLOWED_KEY,
                followed);
          }
        }
      }
      writer.setLiveCommitData(commitData(followedTo));
      Similarity sim = similarity;
      this.searchers =
          new SearcherManager(
              writer,
              new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(
                    IndexReader reader, @Nullable IndexReader previous) {
                  IndexSearcher s = new IndexSearcher(reader);
                  s.setSimilarity(sim);
                  return s;
                }
              });
    } catch (IOException | RuntimeException e) {
      writer.rollback(); // releases the write lock
      throw e;
    }
  }

  /** Opens (or creates) the index in {@code dir} with default options. */
  public static LuceneSearchIndex open(Path dir) {
    return open(dir, Options.DEFAULTS);
  }

  /**
   * Opens (or creates) the index in {@code dir}. An index written by an incompatible version of
   * Paperboy is emptied (it is derived data); {@link #size()} is then 0 and the caller should
   * rebuild it from the store.
   *
   * @throws IndexInUseException when another process has the index open
   * @throws UncheckedIOException when the directory cannot be read or written
   */
  public static LuceneSearchIndex open(Path dir, Options options) {
    return open(dir, options, null);
  }

  /**
   * Opens (or creates) the index in {@code dir}, with semantic search when {@code semantic} is
   * given. See {@link #open(Path, Options)}.
   */
  public static LuceneSearchIndex open(Path dir, Options options, @Nullable Semantic semantic) {
    Directory directory = null;
    try {
      directory = FSDirectory.open(dir);
      return new LuceneSearchIndex(dir.toString(), directory, options, semantic);
    } catch (LockObtainFailedException e) {
      closeQuietly(directory);
      throw new IndexInUseException(
          "search index " + dir + " is in use by another process (" + e.getMessage() + ")", e);
    } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
      closeQuietly(directory);
      throw new UncheckedIOException(
          "search index "
              + dir
              + " cannot be read ("
              + e.getMessage()
              + "); it is derived data: delete the directory and rebuild it (paperboy reindex)",
          e);
    } catch (IOException e) {
      closeQuietly(directory);
      throw new UncheckedIOException("cannot open search index " + dir + ": " + e.getMessage(), e);
    }
  }

  /** A fresh index held in memory (tests, evaluations). */
  public static LuceneSearchIndex inMemory() {
    return inMemory(Options.DEFAULTS);
  }

  public static LuceneSearchIndex inMemory(Options options) {
    return inMemory(options, null);
  }

  public static LuceneSearchIndex inMemory(Options options, @Nullable Semantic semantic) {
    try {
      return new LuceneSearchIndex("in-memory", new ByteBuffersDirectory(), options, semantic);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create in-memory search index", e);
    }
  }

  private static IndexWriterConfig.OpenMode openMode(String name, Directory directory)
      throws IOException {
    if (!DirectoryReader.indexExists(directory)) {
      return IndexWriterConfig.OpenMode.CREATE;
    }
    String found = SegmentInfos.readLatestCommit(directory).getUserData().get(SCHEMA_KEY);
    if (!SCHEMA_VERSION.equals(found)) {
      log.warn(
          "search index {} has schema version {}, this version needs {}: emptying it;"
              + " rebuild it from the store (paperboy reindex)",
          name,
          found,
          SCHEMA_VERSION);
      return IndexWriterConfig.OpenMode.CREATE;
    }
    return IndexWriterConfig.OpenMode.APPEND;
  }

  public Options options() {
    return options;
  }

  /** The semantic configuration, or null for keyword search only. */
  public @Nullable Semantic semantic() {
    return semantic;
  }

  /**
   * Adds or replaces the papers' documents; when a batch names a paper twice, the last one wins.
   * Large batches are shared among {@link Options#indexThreads()} threads: IndexWriter analyses
   * documents from several threads in parallel, which is most of the work.
   */
  @Override
  public void index(Collection<Paper> papers) {
    ensureOpen();
    List<Paper> unique = lastPerId(papers);
    int threads = Math.min(options.indexThreads(), unique.size() / (PARALLEL_BATCH / 2));
    if (threads <= 1) {
      indexAll(unique);
      return;
    }
    int chunk = (unique.size() + threads - 1) / threads;
    List<Future<?>> parts = new ArrayList<>(threads);
    for (int from = chunk; from < unique.size(); from += chunk) {
      List<Paper> part = unique.subList(from, Math.min(from + chunk, unique.size()));
      parts.add(indexers().submit(() -> indexAll(part)));
    }
    RuntimeException failure = null;
    try {
      indexAll(unique.subList(0, chunk));
    } catch (RuntimeException e) {
      failure = e;
    }
    for (Future<?> part : parts) {
      try {
        part.get();
      } catch (ExecutionException e) {
        RuntimeException cause =
            e.getCause() instanceof RuntimeException r
                ? r
                : new IllegalStateException("indexing failed: " + e.getCause(), e.getCause());
        if (failure == null) {
          failure = cause;
        } else {
          failure.addSuppressed(cause);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while indexing into " + name, e);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private void indexAll(List<Paper> papers) {
    Map<ArxivId, float[]> vectors =
        semantic == null ? Map.of() : semantic.vectors().vectorsFor(papers);
    try {
      for (Paper paper : papers) {
        var doc = PaperDocuments.toDocument(paper);
        float[] vector = vectors.get(paper.id());
        if (vector != null) {
          int dim = semantic.embedder().dimension();
          if (vector.length != dim) {
            throw new IllegalArgumentException(
                "vector of "
                    + paper.id()
                    + " has "
                    + vector.length
                    + " dimensions, the model "
                    + semantic.embedder().modelName()
                    + " makes "
                    + dim);
          }
          doc.add(PaperVectors.field(vector));
        }
        writer.updateDocument(PaperDocuments.idTerm(paper.id().value()), doc);
      }
    } catch (IOException e) {
      throw failure("indexing", e);
    }
  }

  /** The papers with each id once, at its last position's value, in first-seen order. */
  private static List<Paper> lastPerId(Collection<Paper> papers) {
    Map<ArxivId, Paper> byId = new LinkedHashMap<>(papers.size() * 2);
    for (Paper p : papers) {
      byId.put(p.id(), p);
    }
    return byId.size() == papers.size() && papers instanceof List<Paper> list
        ? list
        : new ArrayList<>(byId.values());
  }

  /** The indexing threads, started on first use (most indexes never see a large batch). */
  private synchronized ExecutorService indexers() {
    if (indexers == null) {
      AtomicInteger count = new AtomicInteger();
      indexers =
          Executors.newFixedThreadPool(
              options.indexThreads() - 1,
              r -> {
                Thread t = new Thread(r, "paperboy-indexer-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
              });
    }
    return indexers;
  }

  @Override
  public void delete(ArxivId id) {
    ensureOpen();
    try {
      writer.deleteDocuments(PaperDocuments.idTerm(id.value()));
    } catch (IOException e) {
      throw failure("deleting " + id + " from", e);
    }
  }

  @Override
  public void deleteAll() {
    ensureOpen();
    try {
      writer.deleteAll();
      // An emptied index has followed nothing: a crash before the rebuild's commit (which records
      // its horizon) leaves an index that catches up from the start.
      synchronized (this) {
        followedTo = -1;
        writer.setLiveCommitData(commitData(-1));
      }
    } catch (IOException e) {
      throw failure("emptying", e);
    }
  }

  @Override
  public void commit() {
    ensureOpen();
    try {
      writer.commit();
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw failure("committing", e);
    }
  }

  /**
   * The store change number recorded by the last {@link #commitFollowedTo}, kept in the commit's
   * user data; empty for a new or emptied index and one written before Paperboy recorded it.
   */
  @Override
  public OptionalLong followedTo() {
    long f = followedTo;
    return f < 0 ? OptionalLong.empty() : OptionalLong.of(f);
  }

  /**
   * Commits with {@code seq} as the position in the commit's user data, in the same commit as the
   * documents. Other threads' commits in between keep the position last set, which is right: the
   * documents it speaks for were written before it was set.
   */
  @Override
  public synchronized void commitFollowedTo(long seq) {
    if (seq < 0) {
      throw new IllegalArgumentException("seq must be >= 0, seq: " + seq);
    }
    ensureOpen();
    try {
      writer.setLiveCommitData(commitData(seq));
      writer.commit();
      followedTo = seq;
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw failure("committing", e);
    }
  }

  private static Iterable<Map.Entry<String, String>> commitData(long followed) {
    return (followed < 0
            ? Map.of(SCHEMA_KEY, SCHEMA_VERSION)
            : Map.of(SCHEMA_KEY, SCHEMA_VERSION, FOLLOWED_KEY, Long.toString(followed)))
        .entrySet();
  }

  /** Opens a near-real-time reader over the writer's uncommitted writes; nothing is fsynced. */
  @Override
  public void refresh() {
    ensureOpen();
    try {
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw failure("refreshing", e);
    }
  }

  /** Documents visible to searches (writes count after {@link #commit()}). */
  @Override
  public long size() {
    ensureOpen();
    return withSearcher(searcher -> (long) searcher.getIndexReader().numDocs());
  }

  @Override
  public SearchResult search(SearchQuery query) {
    ensureOpen();
    return search(query, SearchFilters.of(query), 0);
  }

  /**
   * Ranks only the given papers: their ids join the query's filters, which restrict the keyword
   * query and pre-filter the vector search, and at least {@code ids.size()} vector candidates are
   * asked for, so the filtered k-NN search reaches every paper of the set (Lucene scores a filter
   * that accepts no more documents than it is asked for exactly, without the graph).
   */
  @Override
  public SearchResult searchWithin(SearchQuery query, Set<ArxivId> ids) {
    SearchIndex.checkWithin(ids);
    ensureOpen();
    if (ids.isEmpty()) {
      return nothing(System.nanoTime());
    }
    Query filters = SearchFilters.and(SearchFilters.of(query), SearchFilters.ids(ids));
    return search(query, filters, ids.size());
  }

  /**
   * Runs {@code query} under {@code filters} (its own filters, perhaps narrowed further), ranking
   * at least {@code candidates} vector and hybrid candidates besides the page asked for.
   */
  private SearchResult search(SearchQuery query, @Nullable Query filters, int candidates) {
    long started = System.nanoTime();
    KeywordQuery keywords = KeywordQuery.parse(query.text());
    int wanted = Math.max(query.offset() + query.limit(), candidates);
    return switch (query.mode()) {
      case BM25 ->
          withSearcher(searcher -> searchBm25(searcher, query, filters, keywords, started));
      case SEMANTIC -> {
        if (semantic == null) {
          throw new IllegalArgumentException(
              "search by meaning is not available: no embedding model is configured");
        }
        float[] vector = queryVector(semantic, keywords);
        if (vector == null) {
          yield nothing(started);
        }
        yield withSearcher(
            searcher -> {
              HybridRanker ranker = new HybridRanker(searcher, semantic.hybrid());
              List<Scored<Integer>> ranked =
                  ranker.semantic(vector, vectorFilter(filters, keywords), wanted);
              return fusedResult(searcher, query, keywords, ranked, started);
            });
      }
      case HYBRID -> {
        if (semantic == null) {
          // Papers without vectors rank by BM25 in hybrid search; with no model, all of them do.
          yield withSearcher(searcher -> searchBm25(searcher, query, filters, keywords, started));
        }
        float[] vector = queryVector(semantic, keywords);
        if (vector == null) {
          yield nothing(started);
        }
        yield withSearcher(
            searcher -> {
              HybridRanker ranker = new HybridRanker(searcher, semantic.hybrid());
              Query lexical = bm25Query(keywords);
              List<Scored<Integer>> ranked =
                  ranker.hybrid(
                      lexical == null ? null : SearchFilters.apply(lexical, filters),
                      vector,
                      vectorFilter(filters, keywords),
                      wanted);
              return fusedResult(searcher, query, keywords, ranked, started);
            });
      }
    };
  }

  /**
   * The vector of what the query looks for by meaning (its words and phrases, without its syntax),
   * or null when it looks for nothing that way ({@link QuerySyntax#embeddable}).
   */
  private static float @Nullable [] queryVector(Semantic semantic, KeywordQuery keywords) {
    String text = QuerySyntax.embeddable(keywords.plainText());
    return text == null ? null : semantic.embedder().embedQuery(text);
  }

  private static SearchResult nothing(long started) {
    return new SearchResult(0, List.of(), Duration.ofNanos(System.nanoTime() - started));
  }

  /**
   * The filter of vector candidates: the query's filters ({@code filters}), and what the keyword
   * query requires and forbids (quoted phrases, exclusions; see {@link KeywordQuery}), so every
   * mode respects them.
   */
  private @Nullable Query vectorFilter(@Nullable Query filters, KeywordQuery keywords) {
    Query syntax = keywords.toFilter(PaperDocuments.CONTENTS, analyzer);
    if (syntax == null) {
      return filters;
    }
    return filters == null ? syntax : SearchFilters.apply(syntax, filters);
  }

  private SearchResult fusedResult(
      IndexSearcher searcher,
      SearchQuery query,
      KeywordQuery keywords,
      List<Scored<Integer>> ranked,
      long started)
      throws IOException {
    int from = Math.min(query.offset(), ranked.size());
    int to = Math.min(from + query.limit(), ranked.size());
    ScoreDoc[] page = new ScoreDoc[to - from];
    for (int i = from; i < to; i++) {
      page[i - from] = new ScoreDoc(ranked.get(i).id(), (float) ranked.get(i).score());
    }
    List<SearchHit> hits = hitBuilder.hits(searcher, keywords, page);
    return new SearchResult(ranked.size(), hits, Duration.ofNanos(System.nanoTime() - started));
  }

  /**
   * Papers like {@code id}: the nearest vectors to the paper's own vector, or, while it has none
   * (or no model is configured), BM25 "more like this" on its title and abstract. The paper itself
   * is never among them; an unknown id gives none.
   */
  @Override
  public List<SearchHit> similar(ArxivId id, int limit) {
    ensureOpen();
    if (limit < 1 || limit > SearchQuery.MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + SearchQuery.MAX_LIMIT + ", limit: " + limit);
    }
    return withSearcher(
        searcher -> {
          TopDocs self = searcher.search(new TermQuery(PaperDocuments.idTerm(id.value())), 1);
          if (self.scoreDocs.length == 0) {
            return List.of();
          }
          int doc = self.scoreDocs[0].doc;
          Query notSelf =
              new BooleanQuery.Builder()
                  .add(new org.apache.lucene.search.MatchAllDocsQuery(), Occur.FILTER)
                  .add(new TermQuery(PaperDocuments.idTerm(id.value())), Occur.MUST_NOT)
                  .build();
          float[] vector = semantic == null ? null : PaperVectors.vectorOf(searcher, doc);
          ScoreDoc[] ranked;
          if (vector != null) {
            List<Scored<Integer>> near =
                new HybridRanker(searcher, semantic.hybrid()).semantic(vector, notSelf, limit);
            ranked = new ScoreDoc[near.size()];
            for (int i = 0; i < near.size(); i++) {
              ranked[i] = new ScoreDoc(near.get(i).id(), (float) near.get(i).score());
            }
          } else {
            ranked = moreLikeThis(searcher, doc, notSelf, limit);
          }
          return hitBuilder.hits(searcher, KeywordQuery.parse(""), ranked);
        });
  }

  /** BM25 "more like this": the paper's most distinctive terms as a query (Lucene MLT). */
  private ScoreDoc[] moreLikeThis(IndexSearcher searcher, int doc, Query notSelf, int limit)
      throws IOException {
    var stored = searcher.storedFields().document(doc);
    String text =
        String.join(
            "\n",
            java.util.Objects.requireNonNullElse(stored.get(PaperDocuments.TITLE), ""),
            java.util.Objects.requireNonNullElse(stored.get(PaperDocuments.ABSTRACT), ""));
    MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
    mlt.setAnalyzer(analyzer);
    mlt.setFieldNames(new String[] {PaperDocuments.CONTENTS});
    mlt.setMinDocFreq(2);
    mlt.setMinTermFreq(1);
    mlt.setMaxQueryTerms(25);
    Query like = mlt.like(PaperDocuments.CONTENTS, new StringReader(text));
    return searcher.search(SearchFilters.apply(like, notSelf), limit).scoreDocs;
  }

  private SearchResult searchBm25(
      IndexSearcher searcher,
      SearchQuery query,
      @Nullable Query filters,
      KeywordQuery keywords,
      long started)
      throws IOException {
    Query ranking = bm25Query(keywords);
    if (ranking == null) {
      return new SearchResult(0, List.of(), Duration.ofNanos(System.nanoTime() - started));
    }
    Query filtered = SearchFilters.apply(ranking, filters);
    TopDocs top = topDocs(searcher, filtered, query.offset(), query.limit());
    List<SearchHit> hits = hitBuilder.hits(searcher, keywords, page(top.scoreDocs, query.offset()));
    return new SearchResult(
        top.totalHits.value(), hits, Duration.ofNanos(System.nanoTime() - started));
  }

  /** Work that reads the index. */
  @FunctionalInterface
  interface SearcherWork<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  /** Runs {@code work} on the current searcher, which stays valid until it returns. */
  <T> T withSearcher(SearcherWork<T> work) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return work.apply(searcher);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw failure("searching", e);
    }
  }

  /**
   * The BM25 ranking query of the user's words over {@link PaperDocuments#CONTENTS}, plus the
   * optional title boost; null when there is nothing to look for.
   */
  @Nullable Query bm25Query(KeywordQuery keywords) {
    Query contents = keywords.toQuery(PaperDocuments.CONTENTS, analyzer);
    if (contents == null || options.titleBoost() == 0f) {
      return contents;
    }
    Query title = keywords.toMatchAnyQuery(PaperDocuments.TITLE, analyzer);
    if (title == null) {
      return contents;
    }
    return new BooleanQuery.Builder()
        .add(contents, Occur.MUST)
        .add(new BoostQuery(title, options.titleBoost()), Occur.SHOULD)
        .build();
  }

  /**
   * The top {@code offset + limit} documents with an exact total count. The count is exact because
   * result pages show it; on 10^5 documents that costs little.
   */
  static TopDocs topDocs(IndexSearcher searcher, Query query, int offset, int limit)
      throws IOException {
    int maxDoc = Math.max(1, searcher.getIndexReader().maxDoc());
    int wanted = (int) Math.min((long) offset + limit, maxDoc);
    return searcher.search(query, new TopScoreDocCollectorManager(wanted, Integer.MAX_VALUE));
  }

  private static ScoreDoc[] page(ScoreDoc[] top, int offset) {
    return offset >= top.length ? new ScoreDoc[0] : Arrays.copyOfRange(top, offset, top.length);
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException("search index " + name + " is closed");
    }
  }

  private UncheckedIOException failure(String what, IOException e) {
    return new UncheckedIOException(
        what + " search index " + name + " failed: " + e.getMessage(), e);
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    synchronized (this) {
      if (indexers != null) {
        indexers.shutdownNow();
      }
    }
    try {
      searchers.close();
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "closing search index " + name + " failed: " + e.getMessage(), e);
    } finally {
      closeQuietly(directory);
    }
  }

  private static void closeQuietly(@Nullable Directory directory) {
    if (directory == null) {
      return;
    }
    try {
      directory.close();
    } catch (IOException e) {
      log.warn("closing index directory failed", e);
    }
  }

  @Override
  public String toString() {
    return "LuceneSearchIndex[" + name + ", " + options + "]";
  }
}
