package dev.paperboy.core.ingest;

import java.util.List;

/**
 * What an import did. {@code read} counts records read from the source, including rejected ones.
 *
 * @param rejections the first rejections, for the report (the count is {@code rejected})
 */
public record ImportSummary(
    long read,
    long added,
    long updated,
    long unchanged,
    long rejected,
    List<Rejection> rejections) {

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
        + rejected;
  }
}
