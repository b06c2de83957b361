package dev.paperboy.web;

import dev.paperboy.core.embed.Coverage;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.DailyEntry;
import dev.paperboy.core.paper.EntryOrder;
import dev.paperboy.core.paper.EntryQuery;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.paper.PaperStore;
import dev.paperboy.core.search.QuerySyntax;
import dev.paperboy.core.search.SearchHit;
import dev.paperboy.core.search.SearchIndex;
import dev.paperboy.core.search.SearchMode;
import dev.paperboy.core.search.SearchQuery;
import dev.paperboy.core.search.SearchResult;
import dev.paperboy.core.trending.TrendingScore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The read side the pages, the API and the feeds share: lists of papers with their entries, joined
 * in bulk (one store call for the entries, one for their papers: no query per paper).
 */
public final class Catalog {

  /** A paper on a list, with the entry that put it there and, for trending lists, its score. */
  public record Listed(Paper paper, DailyEntry entry, double score) {}

  /** One page of a longer list. */
  public record Slice(List<Listed> items, long total, int offset, int limit) {
    public boolean hasNext() {
      return offset + items.size() < total;
    }
  }

  /** A search hit joined with its paper. */
  public record Found(Paper paper, SearchHit hit, int upvotes) {}

  /** A page of search results. */
  public record Results(List<Found> items, long total, Duration took) {}

  /** A trending list and the day its window ends on. */
  public record Trending(Slice slice, LocalDate from, LocalDate to) {}

  private final PaperStore store;
  private final SearchIndex index;
  private final Clock clock;
  private final Supplier<@Nullable Coverage> coverage;
  private java.util.function.Function<java.util.Collection<ArxivId>, Map<ArxivId, Integer>>
      commentCounts = ids -> Map.of();
  private java.util.function.Function<java.util.Collection<ArxivId>, java.util.Set<ArxivId>>
      hidden = ids -> java.util.Set.of();

  public Catalog(PaperStore store, SearchIndex index, Clock clock) {
    this(store, index, clock, () -> null);
  }

  /**
   * @param coverage how far the embedding backfill has got, or null when the server has no semantic
   *     search
   */
  public Catalog(
      PaperStore store, SearchIndex index, Clock clock, Supplier<@Nullable Coverage> coverage) {
    this.store = store;
    this.index = index;
    this.clock = clock;
    this.coverage = coverage;
  }

  /**
   * Where visible comment counts come from (the community features); without it every paper has
   * none. Set once, before the server starts.
   */
  Catalog withCommentCounts(
      java.util.function.Function<java.util.Collection<ArxivId>, Map<ArxivId, Integer>> counts) {
    this.commentCounts = counts;
    return this;
  }

  /**
   * Where hidden papers come from (moderation); without it no paper is hidden. The lists leave
   * hidden papers out in the store; search and similar papers come from the index, which does not
   * know them, so they are dropped here. Set once, before the server starts.
   */
  Catalog withHiddenPapers(
      java.util.function.Function<java.util.Collection<ArxivId>, java.util.Set<ArxivId>> hidden) {
    this.hidden = hidden;
    return this;
  }

  /** Visible comments per paper; papers without any are left out. */
  public Map<ArxivId, Integer> commentCounts(java.util.Collection<ArxivId> ids) {
    return ids.isEmpty() ? Map.of() : commentCounts.apply(ids);
  }

  /** Papers with a vector among all papers; empty when semantic search is not wired. */
  public Optional<Coverage> semanticCoverage() {
    try {
      return Optional.ofNullable(coverage.get());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Papers similar to {@code id} (by its vector, or by shared words until it has one), joined with
   * their papers; the paper itself is never among them.
   */
  public List<Found> similar(ArxivId id, int limit) {
    List<SearchHit> hits = index.similar(id, limit);
    List<ArxivId> ids =
        visible(hits.stream().map(SearchHit::id).filter(h -> !h.equals(id)).toList());
    Map<ArxivId, Paper> papers = new HashMap<>();
    for (Paper p : store.findPapers(ids)) {
      papers.put(p.id(), p);
    }
    Map<ArxivId, Integer> upvotes = store.upvotesOf(ids);
    List<Found> found = new ArrayList<>(ids.size());
    for (SearchHit h : hits) {
      Paper p = papers.get(h.id());
      if (p != null) {
        found.add(new Found(p, h, upvotes.getOrDefault(p.id(), 0)));
      }
    }
    return found;
  }

  public PaperStore store() {
    return store;
  }

  /** Today in UTC, by the injected clock. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }

  public Instant now() {
    return clock.instant();
  }

  /** One page of the entries {@code query} selects, in {@code order}. */
  public Slice list(EntryQuery query, EntryOrder order, int offset, int limit) {
    List<DailyEntry> entries = store.entries(query, order, offset, limit);
    // A first page that is not full is the whole list: no need to count.
    long total = offset == 0 && entries.size() < limit ? entries.size() : store.countEntries(query);
    return new Slice(join(entries, e -> 0.0), total, offset, limit);
  }

  /**
   * The trending list over the last {@code days} days: entries with at least one upvote, ranked by
   * {@link TrendingScore}. The window ends on the latest day that has a list, or today if that is
   * earlier, so an install that imported older data still shows what was trending then.
   *
   * <p>Ranks the {@value PaperStore#MAX_PAGE} most upvoted entries of the window: a paper outside
   * them has no more votes than any of them and at best the same age.
   */
  public Optional<Trending> trending(int days, Duration halfLife, int offset, int limit) {
    Optional<LocalDate> latest = store.latestDay();
    if (latest.isEmpty()) {
      return Optional.empty();
    }
    LocalDate to = latest.get().isAfter(today()) ? today() : latest.get();
    LocalDate from = to.minusDays(days - 1L);
    EntryQuery query = new EntryQuery(from, to, null, 1);
    List<DailyEntry> candidates = store.entries(query, EntryOrder.UPVOTES, 0, PaperStore.MAX_PAGE);
    Instant endOfWindow = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant now = now().isBefore(endOfWindow) ? now() : endOfWindow;
    Map<ArxivId, Double> scores = new HashMap<>();
    for (DailyEntry e : candidates) {
      scores.put(e.paperId(), TrendingScore.score(e.upvotes(), e.day(), now, halfLife));
    }
    List<DailyEntry> ranked = new ArrayList<>(candidates);
    ranked.sort(
        Comparator.comparingDouble((DailyEntry e) -> scores.get(e.paperId()))
            .reversed()
            .thenComparing(EntryOrder.UPVOTES.comparator()));
    List<DailyEntry> page =
        offset >= ranked.size()
            ? List.of()
            : ranked.subList(offset, Math.min(ranked.size(), offset + limit));
    Slice slice = new Slice(join(page, e -> scores.get(e.paperId())), ranked.size(), offset, limit);
    return Optional.of(new Trending(slice, from, to));
  }

  /** Sorts an already loaded slice by trending score (the API's {@code sort=trending}). */
  public List<Listed> rankByTrending(List<Listed> items, Duration halfLife) {
    Instant now = now();
    List<Listed> scored = new ArrayList<>(items.size());
    for (Listed l : items) {
      scored.add(
          new Listed(
              l.paper(),
              l.entry(),
              TrendingScore.score(l.entry().upvotes(), l.entry().day(), now, halfLife)));
    }
    scored.sort(
        Comparator.comparingDouble(Listed::score)
            .reversed()
            .thenComparing(Listed::entry, EntryOrder.UPVOTES.comparator()));
    return scored;
  }

  public Optional<Paper> paper(ArxivId id) {
    return store.findPaper(id);
  }

  /** The days a paper was featured, oldest first. */
  public List<DailyEntry> featured(ArxivId id) {
    return store.entriesOf(id);
  }

  /** A paper's upvotes: the most any of its entries has (each list counts the same votes). */
  public static int upvotes(List<DailyEntry> entries) {
    return entries.stream().mapToInt(DailyEntry::upvotes).max().orElse(0);
  }

  /**
   * Runs a search and joins the hits with their papers in one store call. Hits whose paper is no
   * longer in the store (an index behind the store) are left out.
   */
  public Results search(SearchQuery query) {
    if (query.mode() != SearchMode.BM25 && !hasWords(query.text())) {
      // A search by meaning always has nearest neighbours, so "*", "-" or an empty phrase would
      // bring back arbitrary papers; keyword search finds nothing for them, and neither does this.
      return new Results(List.of(), 0, Duration.ZERO);
    }
    SearchResult result = index.search(query);
    List<ArxivId> ids = visible(result.hits().stream().map(SearchHit::id).toList());
    Map<ArxivId, Paper> papers = new HashMap<>();
    for (Paper p : store.findPapers(ids)) {
      papers.put(p.id(), p);
    }
    Map<ArxivId, Integer> upvotes = store.upvotesOf(ids);
    List<Found> found = new ArrayList<>(ids.size());
    for (SearchHit h : result.hits()) {
      Paper p = papers.get(h.id());
      if (p != null) {
        found.add(new Found(p, h, upvotes.getOrDefault(p.id(), 0)));
      }
    }
    return new Results(found, result.total(), result.took());
  }

  /**
   * Whether search by meaning has anything to embed for the query ({@link QuerySyntax#embeddable}).
   */
  static boolean hasWords(String text) {
    return QuerySyntax.embeddable(QuerySyntax.parse(text).plainText()) != null;
  }

  /** {@code ids} without the hidden papers, in order. */
  private List<ArxivId> visible(List<ArxivId> ids) {
    if (ids.isEmpty()) {
      return ids;
    }
    java.util.Set<ArxivId> out = hidden.apply(ids);
    return out.isEmpty() ? ids : ids.stream().filter(i -> !out.contains(i)).toList();
  }

  private List<Listed> join(
      List<DailyEntry> entries, java.util.function.ToDoubleFunction<DailyEntry> score) {
    Map<ArxivId, Paper> papers = new HashMap<>();
    for (Paper p : store.findPapers(entries.stream().map(DailyEntry::paperId).toList())) {
      papers.put(p.id(), p);
    }
    List<Listed> out = new ArrayList<>(entries.size());
    for (DailyEntry e : entries) {
      Paper p = papers.get(e.paperId());
      if (p != null) {
        out.add(new Listed(p, e, score.applyAsDouble(e)));
      }
    }
    return out;
  }
}
