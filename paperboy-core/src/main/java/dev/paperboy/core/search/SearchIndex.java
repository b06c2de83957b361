package dev.paperboy.core.search;

import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A search index derived from the store: it can always be rebuilt from the papers there.
 *
 * <p>Writes become visible to searches after {@link #commit()} (or {@link #refresh()}).
 */
public interface SearchIndex extends AutoCloseable {

  /** Adds or replaces the documents of these papers. */
  void index(Collection<Paper> papers);

  void delete(ArxivId id);

  /** Removes every document (before a rebuild). */
  void deleteAll();

  /** Makes writes durable and visible to searches. */
  void commit();

  /**
   * How far this index has followed the store's change sequence ({@link
   * dev.paperboy.core.paper.PaperStore#changeHorizon()}): every change numbered up to the result is
   * in the index's last commit. Empty when the index does not follow the store, or has no recorded
   * position yet (made by an earlier version, or just emptied by {@link #deleteAll()}); a follower
   * then starts from 0.
   *
   * <p>The default is empty: an index that accepts writers from several processes at once (Solr)
   * does not follow, since every command writes it directly; stand-ins in tests need not either.
   * The embedded Lucene index overrides it, since a running server holds its only writer.
   */
  default OptionalLong followedTo() {
    return OptionalLong.empty();
  }

  /**
   * {@link #commit()} that also records, atomically with the documents, that every store change
   * numbered up to {@code seq} is now indexed ({@link #followedTo()}). The caller must have indexed
   * those changes first. The default just commits (an index that does not follow the store).
   *
   * @param seq >= 0
   */
  default void commitFollowedTo(long seq) {
    commit();
  }

  /**
   * Makes the writes so far visible to searches without making them durable: a crash loses them, as
   * it loses every write not committed. For long rebuilds, so that searches see their progress
   * while a crash still leaves the index as it was at the last commit.
   *
   * <p>The default does nothing, so that stand-ins in tests need not implement it; every real index
   * overrides it.
   */
  default void refresh() {}

  /**
   * Runs a query.
   *
   * @throws IllegalArgumentException when the query cannot be understood, with a message fit for
   *     the user
   */
  SearchResult search(SearchQuery query);

  /** The most ids {@link #searchWithin} accepts: a reader's whole saved list or a collection. */
  int MAX_WITHIN = 10_000;

  /**
   * Runs {@code query} over the papers in {@code ids} only, as if the index held nothing else.
   *
   * <p>Every mode ranks exactly the given papers that match: BM25 ranks those that match the words;
   * semantic search scores each of them that has a vector against the query vector (however far the
   * paper lies from the query among all papers); hybrid fuses both over the set. Filters, quoted
   * phrases and exclusions apply as in {@link #search}; {@code offset} and {@code limit} page
   * through the ranking of the set, and {@link SearchResult#total()} counts within it. Ids the
   * index does not hold are ignored; an empty set finds nothing.
   *
   * <p>The default runs {@link #search} {@link SearchQuery#MAX_LIMIT} deep and keeps the given
   * papers, so a paper outside the index's global top ranks is missed: stand-ins in tests may keep
   * it, every real index overrides it.
   *
   * @param ids at most {@link #MAX_WITHIN}
   * @throws IllegalArgumentException when the query cannot be understood, with a message fit for
   *     the user, or when there are more than {@link #MAX_WITHIN} ids
   */
  default SearchResult searchWithin(SearchQuery query, Set<ArxivId> ids) {
    checkWithin(ids);
    long started = System.nanoTime();
    if (ids.isEmpty()) {
      return new SearchResult(0, List.of(), java.time.Duration.ZERO);
    }
    SearchQuery deep =
        new SearchQuery(
            query.text(),
            query.mode(),
            query.categories(),
            query.from(),
            query.to(),
            query.codeOnly(),
            0,
            SearchQuery.MAX_LIMIT);
    List<SearchHit> kept = search(deep).hits().stream().filter(h -> ids.contains(h.id())).toList();
    int from = Math.min(query.offset(), kept.size());
    int to = Math.min(from + query.limit(), kept.size());
    return new SearchResult(
        kept.size(),
        kept.subList(from, to),
        java.time.Duration.ofNanos(System.nanoTime() - started));
  }

  /** Refuses a null set or one of more than {@link #MAX_WITHIN} ids, naming the count. */
  static void checkWithin(Set<ArxivId> ids) {
    if (ids == null) {
      throw new IllegalArgumentException("ids must not be null");
    }
    if (ids.size() > MAX_WITHIN) {
      throw new IllegalArgumentException(
          "at most " + MAX_WITHIN + " ids can be searched within, ids: " + ids.size());
    }
  }

  /**
   * Papers similar to {@code id}, most similar first, never the paper itself: by the paper's own
   * vector when it has one, else by its words (more-like-this). Empty when the paper is not
   * indexed.
   *
   * <p>The default finds none, so that stand-ins in tests need not implement it; every real index
   * overrides it.
   *
   * @param limit 1..{@link SearchQuery#MAX_LIMIT}
   */
  default List<SearchHit> similar(ArxivId id, int limit) {
    return List.of();
  }

  /** Number of documents in the index. */
  long size();

  @Override
  void close();
}
