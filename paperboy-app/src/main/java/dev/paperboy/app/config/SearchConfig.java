package dev.paperboy.app.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The search index and semantic search.
 *
 * @param indexDir where the Lucene index lives (default DATA/index)
 * @param semantic whether papers are embedded and searchable by meaning ({@code search.semantic},
 *     default true); off, the site offers keyword search only and loads no model
 * @param embedBatch papers embedded and committed together by the backfill ({@code embed.batch})
 * @param embedInterval how often {@code serve} looks for papers without vectors ({@code
 *     embed.interval}, default 10 minutes)
 * @param followInterval how often {@code serve} looks in the store for papers changed since the
 *     embedded index last followed it ({@code search.follow.interval}, default 5 seconds): papers
 *     that {@code import}, {@code harvest} or {@code update} stored while the server held the index
 *     are searchable within this time; the Solr engine does not follow (commands write it directly)
 * @param engine {@code search.engine}: {@code lucene} (the embedded index in {@code indexDir}, the
 *     default) or {@code solr} (a SolrCloud collection, for several app nodes)
 * @param solrUrls {@code search.solr.urls}: comma-separated base URLs of Solr nodes ({@code
 *     http://solr1:8983/solr,http://solr2:8983/solr}); one reachable node is enough, the others are
 *     found from the cluster
 * @param solrCollection {@code search.solr.collection}: the collection or alias (default papers)
 */
public record SearchConfig(
    Path indexDir,
    boolean semantic,
    int embedBatch,
    Duration embedInterval,
    Duration followInterval,
    Engine engine,
    List<String> solrUrls,
    String solrCollection) {
  static final List<String> KEYS =
      List.of(
          "search.index.dir",
          "search.semantic",
          "embed.batch",
          "embed.interval",
          "search.follow.interval",
          "search.engine",
          "search.solr.urls",
          "search.solr.collection");

  /** The search engines. */
  public enum Engine {
    LUCENE,
    SOLR;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public SearchConfig {
    solrUrls = List.copyOf(solrUrls);
    if (engine == Engine.SOLR && solrUrls.isEmpty()) {
      throw new ConfigException(
          "search.solr.urls: search.engine is solr, so the Solr nodes must be named, e.g."
              + " http://solr1:8983/solr,http://solr2:8983/solr");
    }
    if (!solrCollection.matches("[A-Za-z0-9_][A-Za-z0-9._-]*")) {
      throw new ConfigException(
          "search.solr.collection: expected a collection name (letters, digits, . _ -) but was '"
              + solrCollection
              + "'");
    }
    if (embedBatch < 1) {
      throw new ConfigException("embed.batch: expected a number >= 1 but was " + embedBatch);
    }
    if (embedInterval.isNegative() || embedInterval.isZero()) {
      throw new ConfigException(
          "embed.interval: expected a positive duration but was " + embedInterval);
    }
    if (followInterval.isNegative() || followInterval.isZero()) {
      throw new ConfigException(
          "search.follow.interval: expected a positive duration but was " + followInterval);
    }
  }

  static SearchConfig from(Path data, Settings s) {
    Engine engine =
        switch (s.get("search.engine", "lucene").strip().toLowerCase(Locale.ROOT)) {
          case "lucene" -> Engine.LUCENE;
          case "solr" -> Engine.SOLR;
          default -> throw s.wrong("search.engine", "lucene or solr");
        };
    List<String> urls =
        Arrays.stream(s.get("search.solr.urls", "").split(","))
            .map(String::strip)
            .filter(u -> !u.isEmpty())
            .toList();
    for (String u : urls) {
      if (!u.startsWith("http://") && !u.startsWith("https://")) {
        throw s.wrong("search.solr.urls", "comma-separated http(s)://HOST:PORT/solr URLs");
      }
    }
    return new SearchConfig(
        s.find("search.index.dir").map(Path::of).orElse(data.resolve("index")),
        s.getBoolean("search.semantic", true),
        s.getInt("embed.batch", 64, 1, 10_000),
        s.getDuration("embed.interval", Duration.ofMinutes(10)),
        s.getDuration("search.follow.interval", Duration.ofSeconds(5)),
        engine,
        urls,
        s.get("search.solr.collection", "papers"));
  }
}
