package dev.paperboy.app.cli;

import dev.paperboy.app.AppContext;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.paper.PaperStore;
import dev.paperboy.core.search.SearchIndex;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
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
  static final int PAGE = 1000;

  @Mixin DataOptions data;

  @Override
  public Integer call() {
    try (AppContext app = AppContext.open(data.load(System.getenv(), Map.of()))) {
      long indexed = reindex(app.store(), app.index(), Progress.onStderr("reindex", "papers"));
      System.out.printf(Locale.ROOT, "reindexed %,d papers%n", indexed);
      return 0;
    }
  }

  /** Deletes every document and indexes every stored paper, page by page. */
  static long reindex(PaperStore store, SearchIndex index, Progress progress) {
    long total = Math.max(1, store.stats().papers());
    index.deleteAll();
    long done = 0;
    @Nullable ArxivId after = null;
    while (true) {
      List<Paper> page = store.papersAfter(after, PAGE);
      if (page.isEmpty()) {
        break;
      }
      index.index(page);
      done += page.size();
      after = page.get(page.size() - 1).id();
      progress.update(done, (double) done / total);
    }
    index.commit();
    progress.finish(done);
    return done;
  }
}
