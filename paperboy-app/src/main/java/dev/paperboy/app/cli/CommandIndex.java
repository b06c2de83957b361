package dev.paperboy.app.cli;

import dev.paperboy.app.AppContext;
import dev.paperboy.core.search.IndexFollower;
import dev.paperboy.core.search.SearchIndex;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How a command that writes papers ({@code import}, {@code harvest}, {@code embed}) reaches the
 * search index, decided once when it starts:
 *
 * <ul>
 *   <li><b>a running server holds the embedded index</b>: the command writes the store only, and
 *       the server, which follows the store, indexes the papers;
 *   <li><b>the command holds the embedded index</b>: it writes the store only while it works, then
 *       catches the index up with the store once ({@link IndexFollower}), so every paper is indexed
 *       once and the index records how far it got (a later {@code serve} has nothing to redo; an
 *       interrupted command leaves the rest to the next one);
 *   <li><b>Solr</b>, which takes writes from every process and does not follow: the writers index
 *       directly, as they go.
 * </ul>
 */
final class CommandIndex {
  /**
   * Papers per committed page when a command catches its index up: larger than the server's pages
   * (which keep each catch-up short), since a first import can store millions of papers and every
   * page is a commit.
   */
  static final int PAGE = 5_000;

  private final AppContext app;
  private final @Nullable SearchIndex direct;
  private final @Nullable IndexFollower follower;

  private CommandIndex(
      AppContext app, @Nullable SearchIndex direct, @Nullable IndexFollower follower) {
    this.app = app;
    this.direct = direct;
    this.follower = follower;
  }

  static CommandIndex of(AppContext app) {
    SearchIndex index = app.indexUnlessServed();
    if (index == null) {
      return new CommandIndex(app, null, null);
    }
    IndexFollower follower = app.indexFollower(PAGE);
    return follower == null
        ? new CommandIndex(app, index, null)
        : new CommandIndex(app, null, follower);
  }

  /** True when a running server holds the index (the command stores papers only). */
  boolean served() {
    return direct == null && follower == null;
  }

  /** The index the command's writers update as they go, or null: they write the store only. */
  @Nullable SearchIndex direct() {
    return direct;
  }

  /**
   * After the command's writes: indexes what it stored (progress on stderr), or says that the
   * running server will. {@code stored} is how many papers the command added or changed.
   */
  void finish(long stored) {
    if (served()) {
      System.out.println(ServedIndex.storedOnly(app, stored));
      return;
    }
    indexStored();
  }

  /**
   * Indexes what the command stored when it holds the embedded index (also after a failure, for
   * what was stored before it); nothing otherwise.
   */
  void indexStored() {
    if (follower == null) {
      return;
    }
    Progress progress = Progress.onStderr("index", "papers");
    long start = System.nanoTime();
    long indexed = follower.catchUp(progress::update);
    progress.finish(indexed);
    if (indexed > 0) {
      System.out.printf(
          Locale.ROOT,
          "indexed %,d papers in %.1f s%n",
          indexed,
          (System.nanoTime() - start) / 1e9);
    }
  }
}
