package dev.paperboy.ingest.rss;

import java.net.URI;
import java.util.List;

/**
 * Which announcement feeds to poll.
 *
 * @param base where feeds live, ending in {@code /}: {@link #ARXIV_ATOM}
 * @param feeds one entry per request, each a category or several joined by {@code +} ({@code
 *     cs.CL+cs.LG}); arXiv caps a feed at 2000 items, so a busy archive is better split
 * @param showCrossLists whether cross-lists (papers whose primary category is outside the feed's)
 *     go on the day's list as {@link dev.paperboy.core.paper.EntrySource#ARXIV_CROSS}; their
 *     metadata is stored either way
 */
public record FeedSettings(URI base, List<String> feeds, boolean showCrossLists) {

  /** arXiv's Atom feeds. */
  public static final URI ARXIV_ATOM = URI.create("https://rss.arxiv.org/atom/");

  public FeedSettings {
    if (base == null
        || base.getHost() == null
        || !base.getPath().endsWith("/")
        || !(base.getScheme().equals("https") || base.getScheme().equals("http"))) {
      throw new IllegalArgumentException(
          "feed base must be an http(s) URL ending in '/', base: " + base);
    }
    feeds = List.copyOf(feeds);
    if (feeds.isEmpty()) {
      throw new IllegalArgumentException("at least one feed is needed, e.g. cs.CL+cs.LG");
    }
    for (String f : feeds) {
      if (f == null
          || !f.matches("[A-Za-z-]+(?:\\.[A-Za-z-]+)?(?:\\+[A-Za-z-]+(?:\\.[A-Za-z-]+)?)*")) {
        throw new IllegalArgumentException(
            "bad feed '" + f + "': expected categories joined by '+', e.g. cs.CL+cs.LG");
      }
    }
  }

  public URI uri(String feed) {
    return base.resolve(feed);
  }
}
