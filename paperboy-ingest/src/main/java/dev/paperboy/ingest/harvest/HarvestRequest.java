package dev.paperboy.ingest.harvest;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What to harvest: {@code paperboy harvest --set cs --from 2026-11-01 [--until 2026-11-30]}.
 *
 * @param set the OAI-PMH set, e.g. {@code cs}, {@code math}, {@code physics:hep-th}; empty for all
 * @param from first datestamp (inclusive); null continues from the set's checkpoint
 * @param until last datestamp (inclusive); null up to now
 */
public record HarvestRequest(String set, @Nullable LocalDate from, @Nullable LocalDate until) {

  public HarvestRequest {
    if (set == null || !set.matches("[A-Za-z0-9:._-]*")) {
      throw new IllegalArgumentException(
          "bad OAI-PMH set: '" + set + "' (expected e.g. cs, math, physics:hep-th)");
    }
    if (from != null && until != null && until.isBefore(from)) {
      throw new IllegalArgumentException(
          "until must not be before from, from: " + from + ", until: " + until);
    }
  }

  /** The daily incremental harvest of {@code set}: from its checkpoint, up to now. */
  public static HarvestRequest incremental(String set) {
    return new HarvestRequest(set, null, null);
  }
}
