package dev.paperboy.core.ingest;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an import did. {@code read} counts records read from the source, including rejected ones.
 *
 * @param rejections the first rejections, for the report (the count is {@code rejected})
 * @param failure why reading stopped before the end of the source (a truncated file, a lost
 *     connection), or null when it was read to the end; what was read before is kept
 */
public record ImportSummary(
    long read,
    long added,
    long updated,
    long unchanged,
    long rejected,
    List<Rejection> rejections,
    @Nullable String failure) {

  public ImportSummary {
    rejections = List.copyOf(rejections);
  }

  @Override
  public String toString() {
    return "read "
        + read
        + ", added "
        + added
        + ", updated "
        + updated
        + ", unchanged "
        + unchanged
        + ", rejected "
        + rejected
        + (failure == null ? "" : "; stopped early: " + failure);
  }

  public boolean complete() {
    return failure == null;
  }
}
