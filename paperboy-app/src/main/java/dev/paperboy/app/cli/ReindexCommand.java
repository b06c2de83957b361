package dev.paperboy.app.cli;

import dev.paperboy.app.AppContext;
import dev.paperboy.core.paper.PaperStore;
import dev.paperboy.core.search.Reindexer;
import dev.paperboy.core.search.SearchIndex;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code paperboy reindex}: rebuilds the search index from the store. */
@Command(
    name = "reindex",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuild the search index from the store (the store is the source of truth;",
      "the index can always be rebuilt, e.g. after an upgrade or a lost index directory)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:rebuilt",
      "1:failed",
      "3:a running server holds the search index: stop it first"
    })
public final class ReindexCommand implements Callable<Integer> {
  @Mixin DataOptions data;

  @Override
  public Integer call() {
    try (AppContext app = AppContext.open(data.load(System.getenv(), Map.of()))) {
      SearchIndex index = app.indexUnlessServed();
      if (index == null) {
        System.err.println(
            "error: the search index "
                + app.config().search().indexDir()
                + " is in use by a running server, which keeps it up to date with the store by"
                + " itself; to rebuild it (a lost or damaged index), stop the server, then run"
                + " 'paperboy reindex'");
        return ServedIndex.IN_USE;
      }
      long indexed = reindex(app.store(), index, Progress.onStderr("reindex", "papers"));
      System.out.printf(Locale.ROOT, "reindexed %,d papers%n", indexed);
      return 0;
    }
  }

  /** Rebuilds the index from the store, drawing progress. */
  public static long reindex(PaperStore store, SearchIndex index, Progress progress) {
    long done =
        Reindexer.rebuild(store, index, (n, total) -> progress.update(n, (double) n / total));
    progress.finish(done);
    return done;
  }
}
