package dev.paperboy.core.search;

import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.paper.PaperChange;
import dev.paperboy.core.paper.PaperStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps an index that records its position ({@link SearchIndex#followedTo()}) in step with the
 * store's change sequence ({@link PaperStore#changesAfter}): the papers changed since that position
 * are read as the store now holds them and indexed page by page, each page committed together with
 * its new position. So papers written by another process (an import next to a running server), or
 * stored by a process that crashed before it committed its index, are indexed without a rebuild.
 *
 * <p>Indexing a paper again is harmless (documents are replaced by id), so a paper that a writer in
 * the same process indexed already costs one more update, never a duplicate. An index without a
 * position is caught up from the start of the sequence: every paper once.
 *
 * <p>Only for an index that follows (the embedded Lucene index); one that does not record its
 * position is refused on the first commit, rather than re-indexed from the start on every call.
 */
public final class IndexFollower {
  /** Papers per page: read, indexed and committed together. */
  public static final int PAGE = 1000;

  private final PaperStore store;
  private final SearchIndex index;
  private final int page;

  public IndexFollower(PaperStore store, SearchIndex index) {
    this(store, index, PAGE);
  }

  /**
   * @param page papers per page, >= 1
   */
  public IndexFollower(PaperStore store, SearchIndex index, int page) {
    if (page < 1) {
      throw new IllegalArgumentException("page must be >= 1, page: " + page);
    }
    this.store = store;
    this.index = index;
    this.page = page;
  }

  /**
   * Indexes every change after the index's position and commits each page with its position;
   * searches see the changes when this returns.
   *
   * @return the papers indexed (or deleted from the index, when the store no longer has them)
   * @throws IllegalStateException when the index does not record its position
   */
  public long catchUp() {
    return catchUp((indexed, fraction) -> {});
  }

  /** Told after each committed page how many papers are indexed so far. */
  @FunctionalInterface
  public interface Listener {
    /**
     * @param fraction of the way from the index's position to the store's horizon when the catch-up
     *     began, between 0 and 1 (changes made since may take it a little further)
     */
    void indexed(long papers, double fraction);
  }

  /** {@link #catchUp()}, telling {@code listener} after each page. */
  public synchronized long catchUp(Listener listener) {
    long start = index.followedTo().orElse(0);
    long horizon = store.changeHorizon();
    long from = start;
    long done = 0;
    while (true) {
      List<PaperChange> changes = store.changesAfter(from, page);
      if (changes.isEmpty()) {
        return done;
      }
      List<ArxivId> ids = new ArrayList<>(changes.size());
      for (PaperChange c : changes) {
        ids.add(c.id());
      }
      List<Paper> papers = store.findPapers(ids);
      index.index(papers);
      if (papers.size() < ids.size()) {
        Set<ArxivId> found = new HashSet<>();
        for (Paper p : papers) {
          found.add(p.id());
        }
        for (ArxivId id : ids) {
          if (!found.contains(id)) {
            index.delete(id);
          }
        }
      }
      long to = changes.get(changes.size() - 1).seq();
      index.commitFollowedTo(to);
      if (index.followedTo().orElse(-1) != to) {
        throw new IllegalStateException(
            "the search index does not record how far it has followed the store (recorded "
                + index.followedTo()
                + " after committing "
                + to
                + "): it cannot follow");
      }
      from = to;
      done += changes.size();
      listener.indexed(
          done, horizon <= start ? 1.0 : Math.min(1.0, (double) (to - start) / (horizon - start)));
      if (changes.size() < page) {
        return done;
      }
    }
  }
}
