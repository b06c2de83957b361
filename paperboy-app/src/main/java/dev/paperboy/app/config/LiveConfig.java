package dev.paperboy.app.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Remote sources for keeping a running Paperboy current (issue 6). Every source is off unless
 * configured.
 *
 * <ul>
 *   <li>{@code http.contact}: an e-mail address or URL put in the User-Agent of every remote
 *       request (arXiv asks harvesters for one).
 *   <li>{@code harvest.sets}: OAI-PMH sets harvested incrementally every day, e.g. {@code cs,stat}
 *       (default none: off); {@code harvest.oai.url} (default arXiv's), {@code harvest.delay}
 *       between requests (default 3s).
 *   <li>{@code feed.categories}: announcement feeds polled every day, each categories joined by
 *       {@code +}, several separated by commas, e.g. {@code cs.CL+cs.LG,stat.ML} (default none:
 *       off); {@code feed.url} (default arXiv's Atom feeds), {@code feed.cross.lists}: whether
 *       cross-lists go on the day's list (default true).
 *   <li>{@code arxiv.api.url}: the arXiv API, to learn the date of each replacement's new version
 *       (default off; arXiv's is {@code https://export.arxiv.org/api/query}).
 *   <li>{@code hf.url}: a Hugging Face-compatible server whose {@code /api/daily_papers} is polled
 *       (default off; e.g. {@code https://huggingface.co}); {@code hf.days}: days polled, today
 *       included (default 2).
 *   <li>{@code ingest.after.announcement}: how long after each 20:00 Eastern announcement the daily
 *       run starts (default 270m: 00:30 Eastern, after the feeds are rebuilt).
 *   <li>{@code calendar.holidays}: a file listing arXiv's holidays, one {@code YYYY-MM-DD name} per
 *       line (the list day without an announcement), from arXiv's published schedule (default
 *       none).
 * </ul>
 */
public record LiveConfig(
    @Nullable String contact,
    List<String> harvestSets,
    URI oaiUrl,
    Duration harvestDelay,
    List<String> feeds,
    URI feedUrl,
    boolean crossLists,
    @Nullable URI arxivApiUrl,
    @Nullable URI hfUrl,
    int hfDays,
    Duration afterAnnouncement,
    @Nullable Path holidays) {

  public static final List<String> KEYS =
      List.of(
          "http.contact",
          "harvest.sets",
          "harvest.oai.url",
          "harvest.delay",
          "feed.categories",
          "feed.url",
          "feed.cross.lists",
          "arxiv.api.url",
          "hf.url",
          "hf.days",
          "ingest.after.announcement",
          "calendar.holidays");

  public LiveConfig {
    harvestSets = List.copyOf(harvestSets);
    feeds = List.copyOf(feeds);
  }

  /** True when any remote source is on. */
  public boolean anyOn() {
    return !harvestSets.isEmpty() || !feeds.isEmpty() || hfUrl != null;
  }

  static LiveConfig from(Settings s) {
    return new LiveConfig(
        s.find("http.contact").filter(v -> !v.isBlank()).orElse(null),
        list(s, "harvest.sets"),
        url(s, "harvest.oai.url", "https://oaipmh.arxiv.org/oai"),
        s.getDuration("harvest.delay", Duration.ofSeconds(3)),
        list(s, "feed.categories"),
        url(s, "feed.url", "https://rss.arxiv.org/atom/"),
        s.getBoolean("feed.cross.lists", true),
        s.find("arxiv.api.url")
            .filter(v -> !v.isBlank())
            .map(v -> url(s, "arxiv.api.url", v))
            .orElse(null),
        s.find("hf.url").filter(v -> !v.isBlank()).map(v -> url(s, "hf.url", v)).orElse(null),
        s.getInt("hf.days", 2, 1, 31),
        s.getDuration("ingest.after.announcement", Duration.ofMinutes(270)),
        s.find("calendar.holidays").filter(v -> !v.isBlank()).map(Path::of).orElse(null));
  }

  private static List<String> list(Settings s, String key) {
    List<String> out = new ArrayList<>();
    for (String v : s.get(key, "").split(",")) {
      if (!v.isBlank()) {
        out.add(v.strip());
      }
    }
    return out;
  }

  private static URI url(Settings s, String key, String fallback) {
    String v = s.get(key, fallback).strip();
    if (!v.startsWith("http://") && !v.startsWith("https://")) {
      throw s.wrong(key, "an http:// or https:// URL");
    }
    try {
      return URI.create(v);
    } catch (IllegalArgumentException e) {
      throw s.wrong(key, "a valid http(s) URL");
    }
  }
}
