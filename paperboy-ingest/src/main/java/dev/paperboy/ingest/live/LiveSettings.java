package dev.paperboy.ingest.live;

import dev.paperboy.ingest.harvest.HarvestSettings;
import dev.paperboy.ingest.http.HttpSettings;
import dev.paperboy.ingest.rss.FeedSettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which remote sources a running Paperboy uses. Every source is off unless configured: null (or no
 * sets) means off.
 *
 * <p>Suggested configuration keys (read by the app): {@code http.contact}; {@code harvest.sets}
 * (comma-separated, e.g. {@code cs,stat}; empty: no daily harvest), {@code harvest.oai.url}
 * (default {@link HarvestSettings#ARXIV}), {@code harvest.delay} (default 3 s); {@code
 * feed.categories} (comma-separated feeds, each {@code cat+cat}, e.g. {@code cs.CL+cs.LG,stat.ML};
 * empty: off), {@code feed.url} (default {@link FeedSettings#ARXIV_ATOM}), {@code feed.cross.lists}
 * (default true); {@code arxiv.api.url} (unset: off; {@link
 * dev.paperboy.ingest.api.ArxivApiClient#ARXIV} to use arXiv's); {@code hf.url} (unset: off; e.g.
 * {@code https://huggingface.co}), {@code hf.days} (default 2).
 *
 * @param harvest where and how to harvest; null: no harvest
 * @param harvestSets the sets the daily run harvests incrementally
 * @param feeds the announcement feeds; null: off
 * @param arxivApi the arXiv API endpoint for version dates of replacements; null: off
 * @param hfMirror a Hugging Face-compatible server; null: off
 * @param hfDays how many days the mirror polls, today included (upvotes keep changing for a day or
 *     two)
 * @param delay the pause between requests to the feeds and the API
 */
public record LiveSettings(
    HttpSettings http,
    @Nullable HarvestSettings harvest,
    List<String> harvestSets,
    @Nullable FeedSettings feeds,
    @Nullable URI arxivApi,
    @Nullable URI hfMirror,
    int hfDays,
    Duration delay) {

  public LiveSettings {
    if (http == null) {
      throw new IllegalArgumentException("http settings must not be null");
    }
    harvestSets = List.copyOf(harvestSets == null ? List.of() : harvestSets);
    if (!harvestSets.isEmpty() && harvest == null) {
      throw new IllegalArgumentException(
          "harvestSets " + harvestSets + " are given but no harvest endpoint");
    }
    if (hfDays < 1 || hfDays > 31) {
      throw new IllegalArgumentException("hfDays must be from 1 to 31, hfDays: " + hfDays);
    }
    if (delay == null || delay.isNegative()) {
      throw new IllegalArgumentException("delay must be >= 0, delay: " + delay);
    }
  }

  /** Everything off. */
  public static LiveSettings off(HttpSettings http) {
    return new LiveSettings(http, null, List.of(), null, null, null, 2, Duration.ofSeconds(3));
  }

  /** True when at least one remote source is on. */
  public boolean anyOn() {
    return !harvestSets.isEmpty() || feeds != null || hfMirror != null;
  }
}
