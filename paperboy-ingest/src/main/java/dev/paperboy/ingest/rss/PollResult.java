package dev.paperboy.ingest.rss;

import dev.paperboy.core.ingest.ImportSummary;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What one poll of the announcement feeds found and did.
 *
 * @param days the announcement days the feeds carried (one, or none on a day without announcements)
 * @param byType papers per announce type, after combining feeds (a paper new in one feed and a
 *     cross-list in another counts as new)
 * @param imported what the import of the feed items did
 * @param versionLookups what importing the arXiv API's answers for replaced papers did; null when
 *     no API is configured or nothing was replaced
 */
public record PollResult(
    Set<LocalDate> days,
    Map<AnnounceType, Integer> byType,
    ImportSummary imported,
    @Nullable ImportSummary versionLookups,
    List<String> feedsFailed) {

  public PollResult {
    days = Set.copyOf(days);
    byType = Map.copyOf(byType);
    feedsFailed = List.copyOf(feedsFailed);
  }

  public int count(AnnounceType t) {
    return byType.getOrDefault(t, 0);
  }
}
