package dev.paperboy.ingest.harvest;

import org.jspecify.annotations.Nullable;

/**
 * Told after every imported page.
 *
 * @param page pages imported so far in the run in flight (an interrupted run's pages included)
 * @param records records read so far in this run
 * @param completeListSize the size of the whole list, when the server says
 * @param cursor how many records of the list came before the next page, when the server says
 */
public record HarvestProgress(
    String set, long page, long records, @Nullable Long completeListSize, @Nullable Long cursor) {

  /** From 0 to 1, or NaN when the server gives no list size. */
  public double fraction() {
    if (completeListSize == null || completeListSize == 0 || cursor == null) {
      return Double.NaN;
    }
    return Math.min(1.0, (double) cursor / completeListSize);
  }
}
