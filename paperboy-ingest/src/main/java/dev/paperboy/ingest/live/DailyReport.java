package dev.paperboy.ingest.live;

import dev.paperboy.core.ingest.ImportSummary;
import dev.paperboy.ingest.harvest.HarvestResult;
import dev.paperboy.ingest.rss.PollResult;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What one daily run did, source by source. A source that failed has its error here and did not
 * stop the others.
 *
 * @param feeds the announcement poll; null when off or failed
 * @param hf the mirror's import per day polled
 * @param harvests per set
 * @param errors per source that failed ({@code feeds}, {@code hf 2026-11-02}, {@code harvest cs})
 */
public record DailyReport(
    @Nullable PollResult feeds,
    Map<LocalDate, ImportSummary> hf,
    List<HarvestResult> harvests,
    Map<String, String> errors) {

  public DailyReport {
    hf = Map.copyOf(hf);
    harvests = List.copyOf(harvests);
    errors = Map.copyOf(errors);
  }

  public boolean ok() {
    return errors.isEmpty();
  }
}
