package dev.paperboy.ingest.harvest;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one run of the harvester did.
 *
 * @param pages pages fetched and imported in this run
 * @param records records read (accepted, rejected and deleted)
 * @param deleted ids of records the endpoint reports deleted (OAI-PMH header {@code
 *     status="deleted"}): not imported; a stored paper with that id is kept as it is (see {@link
 *     OaiHarvester})
 * @param harvestedUntil the set's checkpoint after the run: where the next incremental run starts
 * @param resumed true when the run went on from an interrupted run's resumption token
 */
public record HarvestResult(
    String set,
    long pages,
    long records,
    long added,
    long updated,
    long unchanged,
    long rejected,
    List<String> deleted,
    @Nullable LocalDate harvestedUntil,
    boolean resumed) {

  public HarvestResult {
    deleted = List.copyOf(deleted);
  }

  @Override
  public String toString() {
    return "set "
        + (set.isEmpty() ? "(all)" : set)
        + ": "
        + pages
        + " pages, read "
        + records
        + ", added "
        + added
        + ", updated "
        + updated
        + ", unchanged "
        + unchanged
        + ", rejected "
        + rejected
        + ", deleted upstream "
        + deleted.size()
        + (harvestedUntil == null ? "" : "; complete up to " + harvestedUntil)
        + (resumed ? " (resumed an interrupted harvest)" : "");
  }
}
