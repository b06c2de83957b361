package dev.paperboy.app;

import dev.paperboy.app.cli.Progress;
import dev.paperboy.core.embed.Coverage;
import dev.paperboy.core.embed.EmbeddingJob;
import dev.paperboy.core.search.IndexFollower;
import dev.paperboy.core.search.Reindexer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code serve} keeps doing in the background, on one thread: rebuild the index from the store
 * when it is empty, then embed papers that have no vector yet, and look again every {@code
 * embed.interval} (new papers arrive by import, harvest and submission). Keyword search works
 * throughout; semantic search covers more papers as the backfill goes.
 *
 * <p>On a thread of its own, once the rebuild check is done, the embedded index follows the store
 * ({@link IndexFollower}) every {@code search.follow.interval}: it indexes papers that commands
 * next to the server stored while the server held the index, and papers a crash stored without
 * indexing, and the vectors the embedding backfill stores: with a follower the backfill writes the
 * store only, so each embedded batch is indexed once, by the follower, within the interval (on
 * Solr, which does not follow, the backfill indexes its batches itself). Other writers inside the
 * server (harvest, submissions) index directly; the follower indexing those papers once more
 * replaces their documents (no duplicates). It starts after the rebuild, never during one: a
 * rebuild empties the index and records its position only at its end.
 */
public final class Backfill implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Backfill.class);
  private static final long LOG_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

  /** Papers between two refreshes of the searches' view while rebuilding the index. */
  static final int REFRESH_EVERY = 5_000;

  private final AppContext app;
  private final @Nullable EmbeddingJob job;
  private final Duration interval;
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "paperboy-backfill");
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
          });
  private final AtomicReference<@Nullable Coverage> lastCoverage = new AtomicReference<>();
  private final @Nullable IndexFollower follower;
  private final Duration followInterval;
  private final ScheduledExecutorService following =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "paperboy-index-follower");
            t.setDaemon(true);
            return t;
          });

  public Backfill(AppContext app) {
    this.app = app;
    this.follower = app.indexFollower();
    this.job =
        app.config().search().semantic()
            ? app.embeddingJob(follower == null ? app.index() : null)
            : null;
    this.interval = app.config().search().embedInterval();
    this.followInterval = app.config().search().followInterval();
  }

  /** The lease names of the two jobs (several app nodes: one node runs each at a time). */
  public static final String REBUILD_JOB = "index-rebuild";

  public static final String EMBED_JOB = "embedding-backfill";

  public void start() {
    executor.execute(
        () -> {
          guarded(REBUILD_JOB, this::rebuildIfNeeded);
          startFollowing();
        });
    if (job != null) {
      executor.scheduleWithFixedDelay(
          () -> guarded(EMBED_JOB, this::embed), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void startFollowing() {
    if (follower == null) {
      return;
    }
    try {
      following.scheduleWithFixedDelay(
          this::follow, 0, followInterval.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException closing) {
      // close() came first: nothing to follow any more.
    }
  }

  /** One catch-up; a failure (a locked database) is logged and retried at the next interval. */
  private void follow() {
    IndexFollower f = follower;
    if (f == null) {
      return;
    }
    try {
      followedSinceLog += f.catchUp();
      long now = System.nanoTime();
      // At most a line a minute: during an embedding backfill the follower indexes every batch.
      if (followedSinceLog > 0 && now - lastFollowLog >= LOG_EVERY_NANOS) {
        LOG.info("indexed {} papers changed in the store", followedSinceLog);
        followedSinceLog = 0;
        lastFollowLog = now;
      }
    } catch (RuntimeException e) {
      LOG.error("following the store failed; it is retried in {}", followInterval, e);
    }
  }

  /** Papers the follower indexed since its last log line (only its own thread touches these). */
  private long followedSinceLog;

  private long lastFollowLog = System.nanoTime() - LOG_EVERY_NANOS;

  /** Runs {@code work} only while holding the job's lease; another node holding it skips it. */
  private void guarded(String name, Runnable work) {
    try {
      if (!app.jobGuard().runExclusively(name, work)) {
        LOG.debug("{} skipped: another node holds its lease", name);
      }
    } catch (RuntimeException e) {
      LOG.error("{} failed; it is retried in {}", name, interval, e);
    }
  }

  /** Papers with a vector of the current model, for /health, /metrics and the search page. */
  public @Nullable Coverage coverage() {
    if (job == null) {
      return null;
    }
    Coverage c = lastCoverage.get();
    if (c == null) {
      c = job.coverage();
      lastCoverage.set(c);
    }
    return c;
  }

  private void rebuildIfNeeded() {
    try {
      if (app.indexNeedsRebuild()) {
        LOG.info("the search index is empty: rebuilding it from the store");
        // Searches see the rebuild's progress instead of an empty index until its end; only the
        // final commit makes it durable, so a crash midway leaves the index empty and the next
        // start rebuilds it again.
        long n = Reindexer.rebuild(app.store(), app.index(), (done, total) -> {}, REFRESH_EVERY);
        LOG.info("search index rebuilt: {} papers", n);
      }
    } catch (RuntimeException e) {
      LOG.error("rebuilding the search index failed; run 'paperboy reindex'", e);
    }
  }

  private void embed() {
    if (job == null) {
      return;
    }
    long[] lastLog = {System.nanoTime()};
    try {
      EmbeddingJob.Result r =
          job.run(
              p -> {
                lastCoverage.set(null);
                long now = System.nanoTime();
                if (now - lastLog[0] >= LOG_EVERY_NANOS) {
                  lastLog[0] = now;
                  Duration eta = p.eta();
                  LOG.info(
                      String.format(
                          Locale.ROOT,
                          "embedding: %,d of about %,d papers, %.1f/s, ETA %s",
                          p.embedded(),
                          p.toEmbed(),
                          p.rate(),
                          eta == null ? "unknown" : Progress.formatSeconds(eta.toSeconds())));
                }
              });
      lastCoverage.set(job.coverage());
      if (r.embedded() > 0) {
        LOG.info("embedded {} papers in {} s", r.embedded(), r.took().toSeconds());
      }
    } catch (RuntimeException e) {
      // Keep the schedule: a failure (a locked database, a bad batch) is retried next time.
      LOG.error("the embedding backfill failed; it is retried in {}", interval, e);
    }
  }

  @Override
  public void close() {
    if (job != null) {
      job.cancel();
    }
    executor.shutdown();
    following.shutdown();
    try {
      if (!following.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.warn("the index follower did not stop within 30 s");
        following.shutdownNow();
      }
      if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.warn("the background backfill did not stop within 30 s");
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      following.shutdownNow();
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
