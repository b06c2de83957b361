package dev.paperboy.core.ingest;

import dev.paperboy.core.paper.DailyEntry;
import dev.paperboy.core.paper.Paper;
import java.util.List;

/**
 * One record read from a source: a paper and the day lists the source puts it on.
 *
 * @param where where the record came from, for messages: {@code file:line} or {@code file#id}
 */
public record SourceRecord(String where, Paper paper, List<DailyEntry> entries) {
  public SourceRecord {
    entries = List.copyOf(entries);
    for (DailyEntry e : entries) {
      if (!e.paperId().equals(paper.id())) {
        throw new IllegalArgumentException(
            "entry for " + e.paperId() + " attached to paper " + paper.id() + " at " + where);
      }
    }
  }
}
