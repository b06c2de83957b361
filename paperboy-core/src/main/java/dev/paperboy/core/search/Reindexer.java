package dev.paperboy.core.search;

import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.paper.PaperStore;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Rebuilds a search index from the store, which is the source of truth: every document is deleted,
 * then every stored paper is indexed page by page (keyset pagination, so papers added meanwhile are
 * not skipped or doubled) and committed once at the end, with the store's change horizon read
 * before the rebuild started ({@link SearchIndex#commitFollowedTo}).
 */
public final class Reindexer {
  /** Told the papers indexed so far and the papers in the store when the rebuild started. */
  public interface Listener {
    void indexed(long done, long total);
  }

  public static final int PAGE = 1000;

  private Reindexer() {}

  /** Rebuilds {@code index} from {@code store}; returns the number of papers indexed. */
  public static long rebuild(PaperStore store, SearchIndex index, Listener listener) {
    return rebuild(store, index, listener, Long.MAX_VALUE);
  }

  /**
   * Rebuilds {@code index} from {@code store} and lets searches see the progress every {@code
   * refreshEvery} papers ({@link SearchIndex#refresh()}): for an index that is empty anyway, so a
   * partial one is better than none. Only the final commit makes the rebuild durable. Returns the
   * number of papers indexed.
   *
   * @param refreshEvery 1 or more
   */
  public static long rebuild(
      PaperStore store, SearchIndex index, Listener listener, long refreshEvery) {
    if (refreshEvery < 1) {
      throw new IllegalArgumentException(
          "refreshEvery must be >= 1, refreshEvery: " + refreshEvery);
    }
    // The horizon before the first read: every change up to it is in what the pages below read, and
    // a change made meanwhile is numbered above it, so a follower indexes it again (harmless).
    long horizon = store.changeHorizon();
    long total = store.stats().papers();
    index.deleteAll();
    long done = 0;
    @Nullable ArxivId after = null;
    while (true) {
      List<Paper> page = store.papersAfter(after, PAGE);
      if (page.isEmpty()) {
        break;
      }
      index.index(page);
      long before = done;
      done += page.size();
      if (done / refreshEvery > before / refreshEvery) {
        index.refresh();
      }
      after = page.get(page.size() - 1).id();
      listener.indexed(done, Math.max(total, done));
    }
    index.commitFollowedTo(horizon);
    return done;
  }
}
