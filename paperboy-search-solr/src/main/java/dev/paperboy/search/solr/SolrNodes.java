package dev.paperboy.search.solr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.util.NamedList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster's nodes as this process sees them: one HTTP client per node, requests spread over the
 * nodes in turn, and a node that does not answer (refused connection, time-out, 5xx) left out for a
 * while and the request sent to the next. Any node can serve any request: SolrCloud fans a query
 * out to one replica of every shard and forwards an update to its shard's leader.
 *
 * <p>The configured URLs are a seed: the live nodes the cluster reports ({@code CLUSTERSTATUS}) are
 * added on start and refreshed now and then, so a node added to the cluster takes load without a
 * configuration change.
 */
final class SolrNodes implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SolrNodes.class);

  /** How long a node that failed is skipped. */
  static final Duration QUARANTINE = Duration.ofSeconds(10);

  /** How often the live nodes are read again. */
  static final Duration REFRESH = Duration.ofMinutes(1);

  private final SolrSettings settings;
  private final LongSupplier nanoTime;
  private final Map<String, Node> nodes = new LinkedHashMap<>();
  private final AtomicInteger next = new AtomicInteger();
  private long refreshedAt;

  private static final class Node {
    final String url;
    final SolrClient client;
    volatile long downUntil;

    Node(String url, SolrClient client) {
      this.url = url;
      this.client = client;
    }
  }

  SolrNodes(SolrSettings settings, LongSupplier nanoTime) {
    this.settings = settings;
    this.nanoTime = nanoTime;
    for (String url : settings.urls()) {
      nodes.put(url, new Node(url, client(url)));
    }
    refreshedAt = nanoTime.getAsLong();
    refreshLiveNodes();
  }

  private SolrClient client(String url) {
    return new HttpJdkSolrClient.Builder(url)
        .withConnectionTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .withIdleTimeout(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .withRequestTimeout(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .useHttp1_1(true)
        .build();
  }

  /** The base URLs known now, seeds first. */
  synchronized List<String> urls() {
    return List.copyOf(nodes.keySet());
  }

  /**
   * Sends {@code request} to one node after another until one answers. A node that cannot be
   * reached or answers with a server error (5xx) is skipped for {@link #QUARANTINE}; a client error
   * (4xx: a bad query) is thrown at once, since every node would give it.
   *
   * @param collection the collection, or null for cluster-level (admin) requests
   * @throws UncheckedIOException when no node answered
   * @throws SolrException for an error answer
   */
  NamedList<Object> request(SolrRequest<?> request, String collection) {
    maybeRefresh();
    List<Node> order = order();
    RuntimeException last = null;
    for (Node node : order) {
      try {
        return node.client.request(request, collection);
      } catch (SolrServerException | IOException e) {
        last = new UncheckedIOException(node.url + ": " + e.getMessage(), asIo(e));
      } catch (SolrException e) {
        if (e.code() < 500) {
          throw e;
        }
        last = e;
      }
      node.downUntil = nanoTime.getAsLong() + QUARANTINE.toNanos();
      log.warn("Solr node {} failed ({}); trying another", node.url, last.getMessage());
    }
    if (last instanceof SolrException s) {
      throw s;
    }
    throw new UncheckedIOException(
        "no Solr node answered (" + String.join(", ", urls()) + ")",
        last == null ? new IOException("no nodes") : (IOException) last.getCause());
  }

  private static IOException asIo(Exception e) {
    return e instanceof IOException io ? io : new IOException(e.getMessage(), e);
  }

  /** Healthy nodes in turn, then the quarantined ones as a last resort. */
  private synchronized List<Node> order() {
    List<Node> all = new ArrayList<>(nodes.values());
    int start = Math.floorMod(next.getAndIncrement(), all.size());
    List<Node> up = new ArrayList<>();
    List<Node> down = new ArrayList<>();
    long now = nanoTime.getAsLong();
    for (int i = 0; i < all.size(); i++) {
      Node n = all.get((start + i) % all.size());
      (n.downUntil - now > 0 ? down : up).add(n);
    }
    up.addAll(down);
    return up;
  }

  private void maybeRefresh() {
    boolean due;
    synchronized (this) {
      due = nanoTime.getAsLong() - refreshedAt > REFRESH.toNanos();
      if (due) {
        refreshedAt = nanoTime.getAsLong();
      }
    }
    if (due) {
      refreshLiveNodes();
    }
  }

  /**
   * Adds the nodes the cluster reports as live. Live node names are {@code host:port_context}
   * ({@code 127.0.0.1:8983_solr}); the scheme is taken from the first seed.
   */
  private void refreshLiveNodes() {
    try {
      NamedList<Object> status =
          request(CollectionAdminRequest.getClusterStatus().setCollectionName(null), null);
      Object cluster = status.get("cluster");
      if (!(cluster instanceof NamedList<?> c) || !(c.get("live_nodes") instanceof List<?> live)) {
        return;
      }
      String scheme = settings.urls().get(0).startsWith("https:") ? "https://" : "http://";
      synchronized (this) {
        for (Object name : live) {
          String url = scheme + String.valueOf(name).replaceFirst("_", "/");
          nodes.computeIfAbsent(url, u -> new Node(u, client(u)));
        }
      }
    } catch (RuntimeException e) {
      // The seeds still work; the next refresh tries again.
      log.debug("cannot read the live nodes: {}", e.getMessage());
    }
  }

  @Override
  public synchronized void close() {
    for (Node n : nodes.values()) {
      try {
        n.client.close();
      } catch (IOException e) {
        log.debug("closing client of {} failed", n.url, e);
      }
    }
  }
}
