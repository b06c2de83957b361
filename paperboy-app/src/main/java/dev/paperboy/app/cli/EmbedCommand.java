package dev.paperboy.app.cli;

import dev.paperboy.app.AppContext;
import dev.paperboy.core.embed.Coverage;
import dev.paperboy.core.embed.EmbeddingJob;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code paperboy embed}: computes the vectors that semantic search needs. */
@Command(
    name = "embed",
    mixinStandardHelpOptions = true,
    description = {
      "Embed every paper that has no vector for its current text with the bundled model",
      "(bge-small-en-v1.5), store the vectors and update the index. Resumable: stopping it",
      "(Ctrl-C) keeps what is done, and the next run skips papers whose text is unchanged.",
      "'serve' runs the same job in the background."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done, or stopped by Ctrl-C after the current batch",
      "1:failed",
      "3:a running server holds the search index (it embeds in the background)"
    })
public final class EmbedCommand implements Callable<Integer> {
  @Mixin DataOptions data = new DataOptions();

  @Override
  public Integer call() throws Exception {
    try (AppContext app = AppContext.open(data.load(System.getenv(), Map.of()))) {
      if (!app.config().search().semantic()) {
        System.err.println("error: semantic search is switched off (search.semantic=false)");
        return 1;
      }
      CommandIndex index = CommandIndex.of(app);
      if (index.served()) {
        System.err.println(
            "error: the search index "
                + app.config().search().indexDir()
                + " is in use by a running server, which embeds new papers in the background"
                + " (every embed.interval) and indexes them: nothing to do here; to embed from"
                + " the command line instead, stop the server first");
        return ServedIndex.IN_USE;
      }
      if (app.indexNeedsRebuild()) {
        System.err.println("the index is empty: rebuilding it from the store first");
        ReindexCommand.reindex(app.store(), app.index(), Progress.onStderr("reindex", "papers"));
      }
      EmbeddingJob job = app.embeddingJob(index.direct());
      Progress progress = Progress.onStderr("embed", "papers");
      CountDownLatch finished = new CountDownLatch(1);
      Thread stopper =
          new Thread(
              () -> {
                job.cancel();
                try {
                  finished.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "paperboy-embed-stop");
      Runtime.getRuntime().addShutdownHook(stopper);
      EmbeddingJob.Result result;
      try {
        result = job.run(p -> progress.update(p.embedded(), progressFraction(p)));
      } finally {
        finished.countDown();
      }
      progress.finish(result.embedded());
      Coverage c = job.coverage();
      System.out.printf(
          Locale.ROOT,
          "%s %,d papers in %s (%,d already up to date); %,d of %,d papers have vectors (%.1f%%)%n",
          result.cancelled() ? "stopped after embedding" : "embedded",
          result.embedded(),
          human(result.took()),
          result.upToDate(),
          c.withVector(),
          c.papers(),
          c.fraction() * 100);
      // Stopped by Ctrl-C: exit now; the next command or serve indexes the vectors stored so far.
      if (!result.cancelled()) {
        index.indexStored();
      }
      try {
        Runtime.getRuntime().removeShutdownHook(stopper);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C: the hook is running; nothing to remove.
      }
      return 0;
    }
  }

  /** Share of the papers to embed that are done, so the bar and ETA follow the real work. */
  static double progressFraction(EmbeddingJob.Progress p) {
    return p.toEmbed() == 0 ? p.fraction() : Math.min(1, (double) p.embedded() / p.toEmbed());
  }

  static String human(Duration d) {
    long s = d.toSeconds();
    return s < 60 ? s + " s" : Progress.formatSeconds(s);
  }
}
