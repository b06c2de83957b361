package dev.paperboy.search.solr;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the SolrCloud collection is and how to talk to it.
 *
 * @param urls base URLs of some of the cluster's nodes ({@code http://solr1:8983/solr}); more are
 *     found from the cluster's live nodes, so one reachable node is enough to start
 * @param collection the collection or alias to search and write (an alias lets a new collection be
 *     built while the old one serves; see docs/operations.md)
 * @param batchSize documents per update request
 * @param maxAttempts tries of one update request before giving up (a shard without a leader answers
 *     503 until one is elected)
 * @param retryDelay wait before the second try; doubles with each further try
 * @param connectTimeout to open a connection to a node
 * @param requestTimeout to wait for one answer
 * @param snippetChars target length of an abstract snippet
 */
public record SolrSettings(
    List<String> urls,
    String collection,
    int batchSize,
    int maxAttempts,
    Duration retryDelay,
    Duration connectTimeout,
    Duration requestTimeout,
    int snippetChars) {

  public static final String DEFAULT_COLLECTION = "papers";

  public SolrSettings {
    if (urls == null || urls.isEmpty()) {
      throw new IllegalArgumentException("urls must name at least one Solr node");
    }
    List<String> clean = new ArrayList<>();
    for (String u : urls) {
      clean.add(checkUrl(u));
    }
    urls = List.copyOf(clean);
    if (collection == null || !collection.matches("[A-Za-z0-9_][A-Za-z0-9._-]*")) {
      throw new IllegalArgumentException(
          "collection must be a Solr collection name (letters, digits, . _ -), collection: "
              + collection);
    }
    if (batchSize < 1 || batchSize > 100_000) {
      throw new IllegalArgumentException(
          "batchSize must be between 1 and 100000, batchSize: " + batchSize);
    }
    if (maxAttempts < 1 || maxAttempts > 100) {
      throw new IllegalArgumentException(
          "maxAttempts must be between 1 and 100, maxAttempts: " + maxAttempts);
    }
    for (Duration d : List.of(retryDelay, connectTimeout, requestTimeout)) {
      if (d == null || d.isNegative()) {
        throw new IllegalArgumentException("durations must be >= 0, was: " + d);
      }
    }
    if (snippetChars < 40 || snippetChars > 2000) {
      throw new IllegalArgumentException(
          "snippetChars must be between 40 and 2000, snippetChars: " + snippetChars);
    }
  }

  /** Default tuning for these nodes and this collection. */
  public static SolrSettings of(List<String> urls, String collection) {
    return new SolrSettings(
        urls,
        collection,
        500,
        6,
        Duration.ofMillis(500),
        Duration.ofSeconds(5),
        Duration.ofSeconds(120),
        240);
  }

  public SolrSettings withCollection(String c) {
    return new SolrSettings(
        urls, c, batchSize, maxAttempts, retryDelay, connectTimeout, requestTimeout, snippetChars);
  }

  public SolrSettings withRetries(int attempts, Duration delay) {
    return new SolrSettings(
        urls, collection, batchSize, attempts, delay, connectTimeout, requestTimeout, snippetChars);
  }

  public SolrSettings withBatchSize(int size) {
    return new SolrSettings(
        urls,
        collection,
        size,
        maxAttempts,
        retryDelay,
        connectTimeout,
        requestTimeout,
        snippetChars);
  }

  /** A node's base URL, without a trailing slash: http(s)://host:port/solr. */
  static String checkUrl(String url) {
    String u = url == null ? "" : url.strip();
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    try {
      URI uri = new URI(u);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw new IllegalArgumentException(
            "a Solr node URL must be http(s)://HOST:PORT/solr, url: '" + url + "'");
      }
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "not a URL: '" + url + "' (" + e.getReason() + "); expected http(s)://HOST:PORT/solr");
    }
    return u;
  }
}
