package dev.paperboy.core.ingest;

import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.CodeLinks;
import dev.paperboy.core.paper.DailyEntry;
import dev.paperboy.core.paper.Outcome;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.paper.PaperStore;
import dev.paperboy.core.search.SearchIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Imports a {@link PaperSource} into the store and keeps the search index in step: records are
 * written in batches (one transaction each), and papers that were added or changed are re-indexed.
 * A paper without a code link gets the repository URL its text names, if any ({@link CodeLinks}).
 * Rerunning an import of the same source reports every record unchanged.
 */
public final class Importer {
  /** Rejections kept in the summary; the count includes every one. */
  public static final int MAX_REPORTED_REJECTIONS = 1000;

  private final PaperStore store;
  private final @Nullable SearchIndex index;
  private final int batchSize;

  /**
   * @param index the index to keep in step, or null to write the store only: for a command that
   *     runs next to a server holding the embedded index, which follows the store and indexes what
   *     was stored ({@link dev.paperboy.core.search.IndexFollower})
   */
  public Importer(PaperStore store, @Nullable SearchIndex index, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, batchSize: " + batchSize);
    }
    this.store = store;
    this.index = index;
    this.batchSize = batchSize;
  }

  public Importer(PaperStore store, @Nullable SearchIndex index) {
    this(store, index, 500);
  }

  /**
   * Imports every record of {@code source}.
   *
   * @param onRejection told about each rejected record as it happens (for logging)
   * @param onBatch told the running summary after each batch (for progress)
   * @return the summary; when the source fails part-way (a truncated gzip, a lost connection),
   *     everything read before the failure is still stored and indexed, and the summary says why
   *     reading stopped ({@link ImportSummary#failure()})
   * @throws IOException when the source cannot be read at all (nothing was read)
   */
  public ImportSummary run(
      PaperSource source, Consumer<Rejection> onRejection, Consumer<ImportSummary> onBatch)
      throws IOException {
    Batcher batcher = new Batcher(onRejection, onBatch);
    String failure = null;
    try {
      source.read(batcher);
    } catch (IOException | UncheckedIOException e) {
      if (batcher.read == 0) {
        throw e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
      }
      failure = e.getMessage();
    } finally {
      batcher.flush();
      if (index != null) {
        index.commit();
      }
    }
    return batcher.summary(failure);
  }

  private final class Batcher implements RecordSink {
    private final Consumer<Rejection> onRejection;
    private final Consumer<ImportSummary> onBatch;
    private final List<SourceRecord> pending = new ArrayList<>();
    private final List<Rejection> rejections = new ArrayList<>();
    private long read;
    private long added;
    private long updated;
    private long unchanged;
    private long rejected;

    Batcher(Consumer<Rejection> onRejection, Consumer<ImportSummary> onBatch) {
      this.onRejection = onRejection;
      this.onBatch = onBatch;
    }

    @Override
    public void accept(SourceRecord record) {
      read++;
      pending.add(record);
      if (pending.size() >= batchSize) {
        flush();
      }
    }

    @Override
    public void reject(Rejection rejection) {
      read++;
      rejected++;
      if (rejections.size() < MAX_REPORTED_REJECTIONS) {
        rejections.add(rejection);
      }
      onRejection.accept(rejection);
    }

    void flush() {
      if (pending.isEmpty()) {
        return;
      }
      List<Paper> papers = new ArrayList<>(pending.size());
      List<DailyEntry> entries = new ArrayList<>();
      for (SourceRecord r : pending) {
        // A repository URL in the abstract or comments becomes the code link when the source gave
        // none; a curated link from another source still replaces it (PaperMerge).
        papers.add(CodeLinks.fill(r.paper()));
        entries.addAll(r.entries());
      }
      List<Outcome> paperOutcomes = store.upsertPapers(papers);
      List<Outcome> entryOutcomes = store.upsertEntries(entries);

      Set<ArxivId> changed = new LinkedHashSet<>();
      int e = 0;
      for (int i = 0; i < pending.size(); i++) {
        SourceRecord r = pending.get(i);
        Outcome paperOutcome = paperOutcomes.get(i);
        boolean entryChanged = false;
        for (int j = 0; j < r.entries().size(); j++, e++) {
          entryChanged |= entryOutcomes.get(e) != Outcome.UNCHANGED;
        }
        switch (paperOutcome) {
          case ADDED -> added++;
          case UPDATED -> updated++;
          case UNCHANGED -> {
            if (entryChanged) {
              updated++;
            } else {
              unchanged++;
            }
          }
        }
        if (paperOutcome != Outcome.UNCHANGED || entryChanged) {
          changed.add(r.paper().id());
        }
      }
      if (index != null && !changed.isEmpty()) {
        // Index what the store now holds (the merged paper), not what this source said.
        index.index(store.findPapers(changed));
      }
      pending.clear();
      onBatch.accept(summary(null));
    }

    ImportSummary summary(@Nullable String failure) {
      return new ImportSummary(read, added, updated, unchanged, rejected, rejections, failure);
    }
  }
}
