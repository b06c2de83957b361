package dev.paperboy.app.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The search index and semantic search.
 *
 * @param indexDir where the Lucene index lives (default DATA/index)
 * @param semantic whether papers are embedded and searchable by meaning ({@code search.semantic},
 *     default true); off, the site offers keyword search only and loads no model
 * @param embedBatch papers embedded and committed together by the backfill ({@code embed.batch})
 * @param embedInterval how often {@code serve} looks for papers without vectors ({@code
 *     embed.interval}, default 10 minutes)
 */
public record SearchConfig(
    Path indexDir, boolean semantic, int embedBatch, Duration embedInterval) {
  static final java.util.List<String> KEYS =
      java.util.List.of("search.index.dir", "search.semantic", "embed.batch", "embed.interval");

  public SearchConfig {
    if (embedBatch < 1) {
      throw new ConfigException("embed.batch: expected a number >= 1 but was " + embedBatch);
    }
    if (embedInterval.isNegative() || embedInterval.isZero()) {
      throw new ConfigException(
          "embed.interval: expected a positive duration but was " + embedInterval);
    }
  }

  static SearchConfig from(Path data, Settings s) {
    return new SearchConfig(
        s.find("search.index.dir").map(Path::of).orElse(data.resolve("index")),
        s.getBoolean("search.semantic", true),
        s.getInt("embed.batch", 64, 1, 10_000),
        s.getDuration("embed.interval", Duration.ofMinutes(10)));
  }
}
