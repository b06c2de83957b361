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
    })
public final class ReindexCommand implements Callable<Integer> {
  @Mixin DataOptions data;

  @Override
  public Integer call() {
    try (AppContext app = AppContext.open(data.load(System.getenv(), Map.of()))) {
      long indexed = reindex(app.store(), app.index(), Progress.onStderr("reindex", "papers"));
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
