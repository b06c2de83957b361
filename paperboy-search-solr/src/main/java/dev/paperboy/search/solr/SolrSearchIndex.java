package dev.paperboy.search.solr;

import dev.paperboy.core.embed.Embedder;
import dev.paperboy.core.embed.VectorLookup;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.search.Fusion;
import dev.paperboy.core.search.Highlighted;
import dev.paperboy.core.search.QuerySyntax;
import dev.paperboy.core.search.Scored;
import dev.paperboy.core.search.SearchHit;
import dev.paperboy.core.search.SearchIndex;
import dev.paperboy.core.search.SearchQuery;
import dev.paperboy.core.search.SearchResult;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.NamedList;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search index on a SolrCloud collection: the same documents, query syntax, BM25 scores,
 * filters, highlighting, vector search and hybrid fusion as the embedded Lucene index, spread over
 * shards and replicas.
 *
 * <ul>
 *   <li>BM25 over {@code contents} with the embedded index's analysis and k1 = 0.9, b = 0.4 (the
 *       configset); collection-wide statistics ({@code ExactStatsCache}) make scores independent of
 *       how documents fall on shards.
 *   <li>Semantic: Solr's {@code knn} query over the HNSW graph of each shard, the filters as its
 *       pre-filter, at least {@value #MIN_CANDIDATES} candidates; scores are cosine similarities.
 *       The query's words are embedded without its syntax ({@link QuerySyntax#plainText()}), and
 *       its quoted phrases and exclusions join the pre-filter, as in the embedded index.
 *   <li>Hybrid: the BM25 and k-NN candidates ({@link Semantic#depth} of each) fused here with
 *       {@link Fusion}, papers without a vector imputed from their keyword score, exactly as the
 *       embedded index does, then the page's hits fetched with their highlights.
 *   <li>Similar papers: k-NN from the paper's stored vector, else Solr's more-like-this on title
 *       and abstract.
 * </ul>
 *
 * <p>Writes go in batches of {@link SolrSettings#batchSize()}, each retried with back-off while the
 * cluster cannot take it (no leader for a shard during a fail-over); they become visible to
 * searches on {@link #commit()} (the configset has no automatic soft commit). Thread-safe.
 */
public final class SolrSearchIndex implements SearchIndex {
  private static final Logger log = LoggerFactory.getLogger(SolrSearchIndex.class);

  /** Vector dimensions the configset's schema holds (the bundled model's). */
  public static final int DIMENSION = 384;

  /** Fewest candidates an HNSW search collects (see STACK.md: recall 0.57 at k=10, 0.99 at 100). */
  static final int MIN_CANDIDATES = 100;

  /** Above this many hits to skip, the total is read first, so a page beyond it costs nothing. */
  private static final int DEEP_PAGE = 10_000;

  /** How keyword and vector rankings are combined. */
  public enum FusionMethod {
    CONVEX,
    RRF
  }

  /**
   * What semantic search needs; the defaults are the embedded index's ({@code
   * HybridOptions.DEFAULTS}: convex, 0.4 on BM25, 100 candidates a side).
   *
   * @param alpha weight of the keyword ranking in a convex combination, in [0, 1]
   * @param rrfK the k of reciprocal rank fusion
   * @param depth candidates taken from each ranking before fusing
   */
  public record Semantic(
      Embedder embedder,
      VectorLookup vectors,
      FusionMethod fusion,
      double alpha,
      int rrfK,
      int depth) {
    public Semantic {
      if (embedder == null || vectors == null || fusion == null) {
        throw new IllegalArgumentException("embedder, vectors and fusion must not be null");
      }
      if (!(alpha >= 0 && alpha <= 1)) {
        throw new IllegalArgumentException("alpha must be in [0, 1], alpha: " + alpha);
      }
      if (rrfK < 0) {
        throw new IllegalArgumentException("rrfK must be >= 0, rrfK: " + rrfK);
      }
      if (depth < 10 || depth > 10_000) {
        throw new IllegalArgumentException("depth must be in [10, 10000], depth: " + depth);
      }
    }

    public static Semantic defaults(Embedder embedder, VectorLookup vectors) {
      return new Semantic(embedder, vectors, FusionMethod.CONVEX, 0.4, 60, 100);
    }
  }

  private final SolrSettings settings;
  private final @Nullable Semantic semantic;
  private final SolrNodes nodes;
  private final AtomicBoolean closed = new AtomicBoolean();

  private SolrSearchIndex(SolrSettings settings, @Nullable Semantic semantic, SolrNodes nodes) {
    this.settings = settings;
    this.semantic = semantic;
    this.nodes = nodes;
  }

  /**
   * Connects to the collection. Nothing is checked but the settings: a cluster that is down now may
   * be up by the first search, and every call says which nodes it tried.
   *
   * @param semantic the model and vectors for semantic search, or null for keywords only
   * @throws IllegalArgumentException when the model's vectors do not fit the schema
   */
  public static SolrSearchIndex open(SolrSettings settings, @Nullable Semantic semantic) {
    if (semantic != null && semantic.embedder().dimension() != DIMENSION) {
      throw new IllegalArgumentException(
          "the Solr schema holds "
              + DIMENSION
              + "-dimension vectors, but the model "
              + semantic.embedder().modelName()
              + " makes "
              + semantic.embedder().dimension());
    }
    return new SolrSearchIndex(settings, semantic, new SolrNodes(settings, System::nanoTime));
  }

  public SolrSettings settings() {
    return settings;
  }

  public @Nullable Semantic semantic() {
    return semantic;
  }

  // --- writes ------------------------------------------------------------------------------------

  /** Adds or replaces the papers' documents in batches; the last of two with one id wins. */
  @Override
  public void index(Collection<Paper> papers) {
    ensureOpen();
    Map<ArxivId, Paper> unique = new LinkedHashMap<>();
    for (Paper p : papers) {
      unique.remove(p.id()); // re-insert: the last value, at its last position
      unique.put(p.id(), p);
    }
    List<Paper> all = new ArrayList<>(unique.values());
    for (int from = 0; from < all.size(); from += settings.batchSize()) {
      List<Paper> batch = all.subList(from, Math.min(from + settings.batchSize(), all.size()));
      Map<ArxivId, float[]> vectors =
          semantic == null ? Map.of() : semantic.vectors().vectorsFor(batch);
      List<SolrInputDocument> docs = new ArrayList<>(batch.size());
      for (Paper p : batch) {
        float[] v = vectors.get(p.id());
        if (v != null && v.length != DIMENSION) {
          throw new IllegalArgumentException(
              "vector of " + p.id() + " has " + v.length + " dimensions, the schema " + DIMENSION);
        }
        docs.add(SolrDocuments.toDocument(p, v));
      }
      UpdateRequest update = new UpdateRequest();
      update.add(docs);
      update("indexing " + batch.size() + " papers into", update);
    }
  }

  @Override
  public void delete(ArxivId id) {
    ensureOpen();
    UpdateRequest update = new UpdateRequest();
    update.deleteById(id.value());
    update("deleting " + id + " from", update);
  }

  @Override
  public void deleteAll() {
    ensureOpen();
    UpdateRequest update = new UpdateRequest();
    update.deleteByQuery("*:*");
    update("emptying", update);
  }

  /** A hard commit that opens new searchers on every replica before it returns. */
  @Override
  public void commit() {
    ensureOpen();
    UpdateRequest update = new UpdateRequest();
    update.setAction(UpdateRequest.ACTION.COMMIT, true, true);
    update("committing", update);
  }

  /** A soft commit: a new searcher over the updates so far, without flushing them to disk. */
  @Override
  public void refresh() {
    ensureOpen();
    UpdateRequest update = new UpdateRequest();
    update.setAction(UpdateRequest.ACTION.COMMIT, false, true, true);
    update("refreshing", update);
  }

  /**
   * Sends an update, trying again with doubling waits while the cluster cannot take it: a node that
   * does not answer, or a 5xx (503 while a shard has no leader). Updates are idempotent (adds by
   * id, deletes), so a retry after a lost answer does no harm.
   */
  private void update(String what, UpdateRequest update) {
    Duration wait = settings.retryDelay();
    for (int attempt = 1; ; attempt++) {
      try {
        nodes.request(update, settings.collection());
        return;
      } catch (UncheckedIOException | SolrException e) {
        boolean retryable = !(e instanceof SolrException s) || s.code() >= 500 || s.code() == 409;
        if (!retryable || attempt >= settings.maxAttempts()) {
          throw failure(what + " Solr collection " + settings.collection(), e);
        }
        log.warn(
            "{} Solr collection {} failed (attempt {} of {}): {}; retrying in {} ms",
            what,
            settings.collection(),
            attempt,
            settings.maxAttempts(),
            e.getMessage(),
            wait.toMillis());
        sleep(wait);
        wait = wait.multipliedBy(2);
      }
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to retry", e);
    }
  }

  // --- reads -------------------------------------------------------------------------------------

  @Override
  public long size() {
    ensureOpen();
    ModifiableSolrParams p = new ModifiableSolrParams();
    p.set("q", "*:*");
    p.set("rows", 0);
    return query(p).getResults().getNumFound();
  }

  @Override
  public SearchResult search(SearchQuery query) {
    ensureOpen();
    return search(query, Set.of());
  }

  /**
   * Ranks only the given papers: one {@code {!terms f=id}} filter (sent in the POST body, so a few
   * thousand ids fit) joins the query's {@code fq}s, which restrict the keyword query and are the
   * k-NN query's pre-filter, and {@code topK} is at least {@code ids.size()}, so each shard's
   * filtered k-NN search reaches every paper of the set (Lucene scores a filter that accepts no
   * more documents than asked for exactly, without the graph).
   */
  @Override
  public SearchResult searchWithin(SearchQuery query, Set<ArxivId> ids) {
    SearchIndex.checkWithin(ids);
    ensureOpen();
    if (ids.isEmpty()) {
      return new SearchResult(0, List.of(), Duration.ZERO);
    }
    return search(query, ids);
  }

  /** {@code query}, restricted to {@code within} unless it is empty (then: the whole index). */
  private SearchResult search(SearchQuery query, Set<ArxivId> within) {
    long started = System.nanoTime();
    QuerySyntax syntax = QuerySyntax.parse(query.text());
    Restriction r = new Restriction(query, within);
    return switch (query.mode()) {
      case BM25 -> searchBm25(r, syntax, started);
      case SEMANTIC -> {
        if (semantic == null) {
          throw new IllegalArgumentException(
              "search by meaning is not available: no embedding model is configured");
        }
        yield searchSemantic(r, syntax, started);
      }
      case HYBRID ->
          semantic == null
              // Papers without vectors rank by BM25 in hybrid search; with no model, all do.
              ? searchBm25(r, syntax, started)
              : searchHybrid(r, syntax, started);
    };
  }

  /**
   * A query's filters and the papers it is restricted to (none: the whole index), which every
   * request of a search adds as {@code fq}s.
   */
  private record Restriction(SearchQuery query, Set<ArxivId> within) {
    void addTo(ModifiableSolrParams p) {
      SolrQueries.addFilters(p, query);
      SolrQueries.addIdFilter(p, within);
    }

    /**
     * Candidates each ranking must reach: the page asked for, and the whole set when there is one.
     */
    int wanted() {
      return Math.max(query.offset() + query.limit(), within.size());
    }
  }

  private SearchResult searchBm25(Restriction restriction, QuerySyntax syntax, long started) {
    SearchQuery query = restriction.query();
    ModifiableSolrParams p = new ModifiableSolrParams();
    if (!SolrQueries.addKeywordQuery(p, "q", syntax, SolrDocuments.CONTENTS, "kw_")) {
      return new SearchResult(0, List.of(), took(started));
    }
    restriction.addTo(p);
    if ((long) query.offset() + query.limit() > DEEP_PAGE) {
      p.set("rows", 0);
      long total = query(p).getResults().getNumFound();
      if (query.offset() >= total) {
        return new SearchResult(total, List.of(), took(started));
      }
    }
    p.set("start", query.offset());
    p.set("rows", query.limit());
    p.set("fl", "id,score,title,abstract");
    highlight(p, syntax);
    QueryResponse r = query(p);
    List<SearchHit> hits = new ArrayList<>();
    for (SolrDocument d : r.getResults()) {
      hits.add(hit(d, score(d), r));
    }
    return new SearchResult(r.getResults().getNumFound(), hits, took(started));
  }

  /**
   * The vector of what the query looks for by meaning (its words and phrases, without its syntax),
   * or null when it looks for nothing that way ({@link QuerySyntax#embeddable}).
   */
  private float @Nullable [] queryVector(QuerySyntax syntax) {
    String text = QuerySyntax.embeddable(syntax.plainText());
    return text == null ? null : semantic.embedder().embedQuery(text);
  }

  private SearchResult searchSemantic(Restriction restriction, QuerySyntax syntax, long started) {
    SearchQuery query = restriction.query();
    float[] vector = queryVector(syntax);
    if (vector == null) {
      return new SearchResult(0, List.of(), took(started));
    }
    int wanted = restriction.wanted();
    ModifiableSolrParams p = new ModifiableSolrParams();
    p.set("q", SolrQueries.knn(vector, Math.max(wanted, MIN_CANDIDATES)));
    restriction.addTo(p);
    SolrQueries.addSyntaxFilter(p, syntax, SolrDocuments.CONTENTS, "fx_");
    p.set("start", query.offset());
    p.set("rows", query.limit());
    p.set("fl", "id,score,title,abstract");
    highlight(p, syntax);
    QueryResponse r = query(p);
    List<SearchHit> hits = new ArrayList<>();
    for (SolrDocument d : r.getResults()) {
      hits.add(hit(d, cosine(score(d)), r));
    }
    long total = Math.min(r.getResults().getNumFound(), wanted);
    return new SearchResult(total, hits, took(started));
  }

  private SearchResult searchHybrid(Restriction restriction, QuerySyntax syntax, long started) {
    SearchQuery query = restriction.query();
    float[] vector = queryVector(syntax);
    if (vector == null) {
      return new SearchResult(0, List.of(), took(started));
    }
    int depth = Math.max(semantic.depth(), restriction.wanted());
    List<Scored<String>> lexical = new ArrayList<>();
    List<Scored<String>> withoutVector = new ArrayList<>();
    ModifiableSolrParams kw = new ModifiableSolrParams();
    if (SolrQueries.addKeywordQuery(kw, "q", syntax, SolrDocuments.CONTENTS, "kw_")) {
      restriction.addTo(kw);
      kw.set("rows", depth);
      kw.set("fl", "id,score,has_vector");
      for (SolrDocument d : query(kw).getResults()) {
        Scored<String> s = new Scored<>(id(d), score(d));
        lexical.add(s);
        if (!Boolean.TRUE.equals(d.getFirstValue(SolrDocuments.HAS_VECTOR))) {
          withoutVector.add(s);
        }
      }
    }
    ModifiableSolrParams knn = new ModifiableSolrParams();
    knn.set("q", SolrQueries.knn(vector, Math.max(depth, MIN_CANDIDATES)));
    restriction.addTo(knn);
    SolrQueries.addSyntaxFilter(knn, syntax, SolrDocuments.CONTENTS, "fx_");
    knn.set("rows", depth);
    knn.set("fl", "id,score");
    List<Scored<String>> dense = new ArrayList<>();
    for (SolrDocument d : query(knn).getResults()) {
      dense.add(new Scored<>(id(d), cosine(score(d))));
    }
    List<Scored<String>> fused = fuse(lexical, dense, withoutVector);
    int from = Math.min(query.offset(), fused.size());
    int to = Math.min(from + query.limit(), fused.size());
    List<SearchHit> hits = fetch(fused.subList(from, to), syntax);
    return new SearchResult(fused.size(), hits, took(started));
  }

  /** The same fusion as the embedded index ({@code HybridRanker}), on Solr ids. */
  private List<Scored<String>> fuse(
      List<Scored<String>> lexical, List<Scored<String>> dense, List<Scored<String>> missing) {
    if (!missing.isEmpty()) {
      dense = impute(lexical, dense, missing);
    }
    return switch (semantic.fusion()) {
      case CONVEX -> Fusion.convexCombination(lexical, dense, semantic.alpha());
      case RRF ->
          Fusion.reciprocalRank(
              List.of(Fusion.ids(lexical), Fusion.ids(dense)), List.of(1.0, 1.0), semantic.rrfK());
    };
  }

  /**
   * The vector ranking with the papers that have no vector added where their keyword score puts
   * them: a vector-side score at the same relative position between the vector ranking's lowest and
   * highest score as their keyword score between the keyword ranking's, so a backfill in progress
   * does not bury new papers.
   */
  static List<Scored<String>> impute(
      List<Scored<String>> lexical, List<Scored<String>> dense, List<Scored<String>> missing) {
    double lexMin = Double.POSITIVE_INFINITY;
    double lexMax = Double.NEGATIVE_INFINITY;
    for (Scored<String> s : lexical) {
      lexMin = Math.min(lexMin, s.score());
      lexMax = Math.max(lexMax, s.score());
    }
    double lo = dense.isEmpty() ? 0 : Double.POSITIVE_INFINITY;
    double hi = dense.isEmpty() ? 1 : Double.NEGATIVE_INFINITY;
    for (Scored<String> s : dense) {
      lo = Math.min(lo, s.score());
      hi = Math.max(hi, s.score());
    }
    List<Scored<String>> out = new ArrayList<>(dense);
    for (Scored<String> s : missing) {
      double rel = lexMax > lexMin ? (s.score() - lexMin) / (lexMax - lexMin) : 1.0;
      out.add(new Scored<>(s.id(), lo + rel * (hi - lo)));
    }
    out.sort((a, b) -> Double.compare(b.score(), a.score()));
    return out;
  }

  /** The hits of ranked ids, in their order, with highlights. */
  private List<SearchHit> fetch(List<Scored<String>> ranked, QuerySyntax syntax) {
    if (ranked.isEmpty()) {
      return List.of();
    }
    ModifiableSolrParams p = new ModifiableSolrParams();
    p.set("q", "{!terms f=" + SolrDocuments.ID + "}" + String.join(",", Fusion.ids(ranked)));
    p.set("rows", ranked.size());
    p.set("fl", "id,title,abstract");
    highlight(p, syntax);
    QueryResponse r = query(p);
    Map<String, SolrDocument> byId = new HashMap<>();
    for (SolrDocument d : r.getResults()) {
      byId.put(id(d), d);
    }
    List<SearchHit> hits = new ArrayList<>(ranked.size());
    for (Scored<String> s : ranked) {
      SolrDocument d = byId.get(s.id());
      if (d != null) { // deleted between the two requests
        hits.add(hit(d, s.score(), r));
      }
    }
    return hits;
  }

  /**
   * Papers like {@code id}: the nearest vectors to its own stored vector, or, while it has none (or
   * no model is configured), Solr's more-like-this on its title and abstract. Never the paper
   * itself; none for an unknown id.
   */
  @Override
  public List<SearchHit> similar(ArxivId id, int limit) {
    ensureOpen();
    if (limit < 1 || limit > SearchQuery.MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + SearchQuery.MAX_LIMIT + ", limit: " + limit);
    }
    ModifiableSolrParams self = new ModifiableSolrParams();
    self.set("q", SolrQueries.id(id.value()));
    self.set("rows", 1);
    self.set("fl", "id,has_vector,vector");
    SolrDocumentList found = query(self).getResults();
    if (found.isEmpty()) {
      return List.of();
    }
    float[] vector = semantic == null ? null : vectorOf(found.get(0));
    ModifiableSolrParams p = new ModifiableSolrParams();
    p.add("fq", "-" + SolrQueries.id(id.value()));
    p.set("rows", limit);
    p.set("fl", "id,score,title,abstract");
    boolean byVector = vector != null;
    if (byVector) {
      p.set("q", SolrQueries.knn(vector, Math.max(limit, MIN_CANDIDATES)));
    } else {
      // Each shard builds the more-like-this query from its own document frequencies, so a term
      // in two papers may have df 1 on each shard: mindf 1 (the paper itself is filtered out).
      p.set("q", "{!mlt qf=title,abstract mintf=1 mindf=1 maxqt=25}" + id.value());
    }
    QueryResponse r = query(p);
    List<SearchHit> hits = new ArrayList<>();
    for (SolrDocument d : r.getResults()) {
      hits.add(hit(d, byVector ? cosine(score(d)) : score(d), r));
    }
    return hits;
  }

  private static float @Nullable [] vectorOf(SolrDocument d) {
    Collection<Object> values = d.getFieldValues(SolrDocuments.VECTOR);
    if (values == null || values.isEmpty()) {
      return null;
    }
    float[] v = new float[values.size()];
    int i = 0;
    for (Object o : values) {
      v[i++] = ((Number) o).floatValue();
    }
    return v;
  }

  // --- hits --------------------------------------------------------------------------------------

  /** Highlighting of whole titles and abstracts; the snippet is cut here ({@link Snippets}). */
  private static void highlight(ModifiableSolrParams p, QuerySyntax syntax) {
    if (!SolrQueries.addHighlightQuery(p, syntax)) {
      return;
    }
    p.set("hl", true);
    p.set("hl.method", "unified");
    p.set("hl.fl", SolrDocuments.TITLE + "," + SolrDocuments.ABSTRACT);
    p.set("hl.requireFieldMatch", true);
    p.set("hl.bs.type", "WHOLE");
    p.set("hl.fragsize", 0);
    p.set("hl.snippets", 1);
    p.set("hl.defaultSummary", false);
    p.set("hl.tag.pre", Snippets.PRE);
    p.set("hl.tag.post", Snippets.POST);
  }

  private SearchHit hit(SolrDocument d, double score, QueryResponse r) {
    String id = id(d);
    String title = Objects.toString(d.getFirstValue(SolrDocuments.TITLE), "");
    String abstractText = Objects.toString(d.getFirstValue(SolrDocuments.ABSTRACT), "");
    Map<String, List<String>> marks =
        r.getHighlighting() == null ? null : r.getHighlighting().get(id);
    Highlighted t = null;
    Highlighted snippet = null;
    if (marks != null) {
      Snippets.Marked mt = marked(marks.get(SolrDocuments.TITLE));
      if (mt != null && !mt.matches().isEmpty()) {
        t = Snippets.whole(mt);
      }
      Snippets.Marked ma = marked(marks.get(SolrDocuments.ABSTRACT));
      if (ma != null && !ma.matches().isEmpty()) {
        snippet = Snippets.snippet(ma, settings.snippetChars());
      }
    }
    if (t == null) {
      t = Highlighted.plain(title);
    }
    if (snippet == null) {
      snippet = dev.paperboy.core.search.SnippetText.lead(abstractText, settings.snippetChars());
    }
    return new SearchHit(new ArxivId(id), score, t, snippet);
  }

  private static Snippets.@Nullable Marked marked(@Nullable List<String> values) {
    return values == null || values.isEmpty() ? null : Snippets.parse(values.get(0));
  }

  private static String id(SolrDocument d) {
    return String.valueOf(d.getFirstValue(SolrDocuments.ID));
  }

  private static double score(SolrDocument d) {
    Object s = d.getFirstValue("score");
    return s instanceof Number n ? n.doubleValue() : 0;
  }

  /** Solr scores a dot-product match as {@code (1 + dot) / 2}; this is the cosine back. */
  static double cosine(double solrScore) {
    return 2.0 * solrScore - 1.0;
  }

  private QueryResponse query(ModifiableSolrParams params) {
    QueryRequest request = new QueryRequest(params, SolrRequest.METHOD.POST);
    try {
      NamedList<Object> raw = nodes.request(request, settings.collection());
      QueryResponse response = new QueryResponse();
      response.setResponse(raw);
      return response;
    } catch (UncheckedIOException e) {
      throw failure("searching Solr collection " + settings.collection(), e);
    } catch (SolrException e) {
      if (e.code() == 400) {
        // Every part of the user's text is quoted, so a 400 is our bug or a schema mismatch.
        throw new IllegalStateException(
            "Solr refused a query on collection "
                + settings.collection()
                + " (is the configset current? run paperboy solr init): "
                + e.getMessage(),
            e);
      }
      throw failure("searching Solr collection " + settings.collection(), e);
    }
  }

  private static Duration took(long started) {
    return Duration.ofNanos(Math.max(1, System.nanoTime() - started));
  }

  private RuntimeException failure(String what, RuntimeException e) {
    return new UncheckedIOException(
        what + " failed: " + e.getMessage(),
        e.getCause() instanceof java.io.IOException io
            ? io
            : new java.io.IOException(e.getMessage(), e));
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException(
          "search index on Solr collection " + settings.collection() + " is closed");
    }
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      nodes.close();
    }
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "SolrSearchIndex[%s on %s]", settings.collection(), nodes.urls());
  }
}
