package dev.paperboy.core.ingest;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Where a harvest of one set from one endpoint stands, saved after every page so that a harvest
 * that was interrupted (killed, a lost connection, a malformed page) resumes where it stopped.
 *
 * <p>Two parts: what is <em>complete</em> ({@code harvestedUntil}: every record with a datestamp
 * before that day has been imported), and the run <em>in flight</em> ({@code token} with the {@code
 * runFrom}/{@code runUntil} it was started with). A run in flight is resumed with its resumption
 * token; when the token has expired it is restarted from {@code runFrom}. Rerunning a page that was
 * already imported is harmless: the store's upserts are idempotent.
 *
 * @param endpoint the base URL of the OAI-PMH endpoint, so checkpoints of two endpoints never mix
 * @param set the OAI-PMH set ({@code cs}, {@code math}); empty for a harvest of every set
 * @param harvestedUntil the next incremental harvest starts at this day ({@code from}, inclusive,
 *     so a day is never missed); null before the first complete run
 * @param token the resumption token of the next page to fetch; null when no run is in flight
 * @param runFrom the {@code from} of the run in flight (null: from the beginning)
 * @param runUntil the {@code until} of the run in flight (null: up to now)
 * @param pagesInRun pages of the run in flight already imported
 * @param recordsInRun records of the run in flight already imported
 * @param updatedAt when this checkpoint was written
 */
public record HarvestCheckpoint(
    String endpoint,
    String set,
    @Nullable LocalDate harvestedUntil,
    @Nullable String token,
    @Nullable LocalDate runFrom,
    @Nullable LocalDate runUntil,
    long pagesInRun,
    long recordsInRun,
    Instant updatedAt) {

  public HarvestCheckpoint {
    if (endpoint == null || endpoint.isBlank()) {
      throw new IllegalArgumentException("endpoint must not be blank, set: " + set);
    }
    if (set == null) {
      throw new IllegalArgumentException("set must not be null (use \"\" for all sets)");
    }
    if (token != null && token.isEmpty()) {
      throw new IllegalArgumentException(
          "token must be null or non-empty (an empty token ends a list), set: " + set);
    }
    if (pagesInRun < 0 || recordsInRun < 0) {
      throw new IllegalArgumentException(
          "pagesInRun and recordsInRun must be >= 0, pagesInRun: "
              + pagesInRun
              + ", recordsInRun: "
              + recordsInRun);
    }
    if (runFrom != null && runUntil != null && runUntil.isBefore(runFrom)) {
      throw new IllegalArgumentException(
          "runUntil must not be before runFrom, runFrom: " + runFrom + ", runUntil: " + runUntil);
    }
    if (updatedAt == null) {
      throw new IllegalArgumentException("updatedAt must not be null, set: " + set);
    }
  }

  /** True when a run was interrupted and has a page left to fetch. */
  public boolean inFlight() {
    return token != null;
  }
}
