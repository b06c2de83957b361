package dev.paperboy.core.community;

import dev.paperboy.core.paper.ArxivId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Papers hidden from the lists, and the audit log of every moderation action. Hiding a paper takes
 * it off every list the store reads (days, weeks, months, categories, trending, feeds, the API's
 * daily_papers), without deleting anything; unhiding puts it back.
 */
public interface ModerationStore {

  /** A paper hidden from the lists. */
  record HiddenPaper(ArxivId paperId, Instant at, String by, @Nullable String reason) {}

  /** Hides a paper; true when it was not hidden before. */
  boolean hidePaper(ArxivId paper, String byName, @Nullable String reason, Instant now);

  /** Shows a hidden paper again; true when it was hidden. */
  boolean unhidePaper(ArxivId paper);

  /** Which of {@code papers} are hidden. */
  Set<ArxivId> hiddenAmong(Collection<ArxivId> papers);

  /** Every hidden paper, most recently hidden first. */
  List<HiddenPaper> hiddenPapers();

  /** Appends to the audit log. */
  void record(AuditEntry entry);

  /** The audit log, newest first. */
  List<AuditEntry> audit(int offset, int limit);
}
