package dev.paperboy.core.embed;

import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.paper.PaperStore;
import dev.paperboy.core.search.SearchIndex;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The embedding backfill: gives every paper in the store a vector for its current text.
 *
 * <p>It walks the store in id order, one batch at a time. Papers whose stored vector was made by
 * the current model from their current text are skipped; the others are embedded, their vectors
 * stored, and the papers re-indexed so vector search sees them at once. Each batch is stored before
 * the next begins, so the stored vectors are the checkpoint: a stopped or crashed run resumes by
 * skipping what is done, and re-imports or restarts never embed an unchanged paper. Keyword search
 * is untouched while it runs (index updates are per paper).
 *
 * <p>One run at a time per instance; {@link #cancel()} stops it after the current batch.
 */
public final class EmbeddingJob {
  /** Papers read, embedded and stored together. */
  public static final int DEFAULT_BATCH = 64;

  private final PaperStore papers;
  private final EmbeddingStore vectors;
  private final Embedder embedder;
  private final @Nullable SearchIndex index;
  private final int batchSize;
  private final LongSupplier nanoTime;
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final AtomicBoolean running = new AtomicBoolean();

  /**
   * @param index re-indexed with each embedded batch; null to only store vectors
   * @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime}), for rates
   */
  public EmbeddingJob(
      PaperStore papers,
      EmbeddingStore vectors,
      Embedder embedder,
      @Nullable SearchIndex index,
      int batchSize,
      LongSupplier nanoTime) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, batchSize: " + batchSize);
    }
    this.papers = papers;
    this.vectors = vectors;
    this.embedder = embedder;
    this.index = index;
    this.batchSize = batchSize;
    this.nanoTime = nanoTime;
  }

  public EmbeddingJob(
      PaperStore papers, EmbeddingStore vectors, Embedder embedder, @Nullable SearchIndex index) {
    this(papers, vectors, embedder, index, DEFAULT_BATCH, System::nanoTime);
  }

  /** How far the store is covered by vectors of the current model. */
  public Coverage coverage() {
    return new Coverage(papers.stats().papers(), vectors.countVectors(embedder.modelName()));
  }

  /** Asks a running {@link #run} to stop after its current batch. */
  public void cancel() {
    cancelled.set(true);
  }

  /** Receives progress after every batch. */
  public interface Listener {
    void progress(Progress progress);
  }

  /**
   * Where a run is.
   *
   * @param scanned papers looked at so far
   * @param total papers in the store when the run started
   * @param embedded papers embedded so far in this run
   * @param toEmbed estimate of papers this run embeds in all: papers without a vector of the model
   *     at the start, plus those found stale so far
   * @param elapsed time since the run started
   */
  public record Progress(long scanned, long total, long embedded, long toEmbed, Duration elapsed) {
    /** Papers embedded per second in this run; 0 before the first batch. */
    public double rate() {
      double s = elapsed.toNanos() / 1e9;
      return s > 0 ? embedded / s : 0;
    }

    /** Estimated time left, or null while there is no rate yet. */
    public @Nullable Duration eta() {
      long left = Math.max(0, toEmbed - embedded);
      if (left == 0) {
        return Duration.ZERO;
      }
      double r = rate();
      return r > 0 ? Duration.ofMillis((long) (left / r * 1000)) : null;
    }

    /** Share of the scan done, 0..1. */
    public double fraction() {
      return total == 0 ? 1 : Math.min(1, (double) scanned / total);
    }
  }

  /**
   * What a run did.
   *
   * @param cancelled true when {@link #cancel()} stopped it before the end of the store
   */
  public record Result(
      long scanned, long embedded, long upToDate, Duration took, boolean cancelled) {}

  /**
   * Embeds every paper that lacks a current vector. Blocking; run it on a background thread.
   *
   * @throws IllegalStateException when another run of this job is in progress
   */
  public Result run(Listener listener) {
    if (!running.compareAndSet(false, true)) {
      throw new IllegalStateException("the embedding job is already running");
    }
    cancelled.set(false);
    try {
      return runBatches(listener);
    } finally {
      running.set(false);
    }
  }

  private Result runBatches(Listener listener) {
    long start = nanoTime.getAsLong();
    String model = embedder.modelName();
    long total = papers.stats().papers();
    long toEmbed = Math.max(0, total - vectors.countVectors(model));
    long scanned = 0;
    long embedded = 0;
    long upToDate = 0;
    ArxivId after = null;
    while (!cancelled.get()) {
      List<Paper> batch = papers.papersAfter(after, batchSize);
      if (batch.isEmpty()) {
        break;
      }
      after = batch.get(batch.size() - 1).id();
      scanned += batch.size();
      Map<ArxivId, StoredVector> existing =
          vectors.findVectors(batch.stream().map(Paper::id).toList(), model);
      List<Paper> stale = new ArrayList<>();
      List<String> texts = new ArrayList<>();
      List<String> hashes = new ArrayList<>();
      for (Paper p : batch) {
        String text = DocumentText.of(p);
        String hash = DocumentText.hash(text);
        StoredVector v = existing.get(p.id());
        if (v != null && v.isCurrent(model, hash)) {
          upToDate++;
          continue;
        }
        if (v != null) {
          toEmbed++; // had a vector, so it was not counted as missing at the start
        }
        stale.add(p);
        texts.add(text);
        hashes.add(hash);
      }
      if (!stale.isEmpty()) {
        List<float[]> made = embedder.embedDocuments(texts);
        List<StoredVector> rows = new ArrayList<>(stale.size());
        for (int i = 0; i < stale.size(); i++) {
          rows.add(new StoredVector(stale.get(i).id(), model, hashes.get(i), made.get(i)));
        }
        vectors.putVectors(rows);
        if (index != null) {
          index.index(stale);
          index.commit();
        }
        embedded += stale.size();
      }
      listener.progress(
          new Progress(
              scanned,
              total,
              embedded,
              Math.max(toEmbed, embedded),
              Duration.ofNanos(nanoTime.getAsLong() - start)));
    }
    return new Result(
        scanned,
        embedded,
        upToDate,
        Duration.ofNanos(nanoTime.getAsLong() - start),
        cancelled.get());
  }
}
