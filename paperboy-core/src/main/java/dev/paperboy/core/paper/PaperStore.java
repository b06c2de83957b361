package dev.paperboy.core.paper;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The store of record: papers and the daily lists they appear on. Everything else (the search
 * index, feeds) is derived from it and can be rebuilt from it.
 *
 * <p>Every write is idempotent: writing the same papers or entries again reports {@link
 * Outcome#UNCHANGED} and changes nothing.
 */
public interface PaperStore extends AutoCloseable {

  /**
   * Merges each paper into what is stored ({@link PaperMerge}) in one transaction.
   *
   * @return one outcome per paper, in input order
   */
  List<Outcome> upsertPapers(List<Paper> papers);

  /**
   * Adds or updates day-list entries in one transaction; each entry's paper must already be stored.
   * An entry for a {@code (day, paper)} already present keeps the larger upvote count and the
   * submitter of the curated source.
   *
   * @return one outcome per entry, in input order
   */
  List<Outcome> upsertEntries(List<DailyEntry> entries);

  Optional<Paper> findPaper(ArxivId id);

  /** The papers found for {@code ids}, in the order of {@code ids}; unknown ids are skipped. */
  List<Paper> findPapers(Collection<ArxivId> ids);

  /**
   * Up to {@code limit} papers with ids greater than {@code after} (all when null), in id order:
   * keyset pagination for reindexing and exports that never skips or repeats a paper.
   */
  List<Paper> papersAfter(@Nullable ArxivId after, int limit);

  /** The entries of one day, most upvoted first, then by paper id. */
  List<DailyEntry> entriesOn(LocalDate day);

  /** The days on which {@code id} was featured, oldest first. */
  List<DailyEntry> entriesOf(ArxivId id);

  /** The latest day that has at least one entry. */
  Optional<LocalDate> latestDay();

  /** The nearest day before {@code day} that has entries. */
  Optional<LocalDate> dayBefore(LocalDate day);

  /** The nearest day after {@code day} that has entries. */
  Optional<LocalDate> dayAfter(LocalDate day);

  StoreStats stats();

  /** Closes connections; does not throw checked exceptions. */
  @Override
  void close();
}
