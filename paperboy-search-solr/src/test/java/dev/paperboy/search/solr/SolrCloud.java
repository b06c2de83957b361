package dev.paperboy.search.solr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * A real SolrCloud for tests: {@code nodes} Solr nodes (Jetty) and an embedded ZooKeeper on
 * loopback ports in a temporary directory ({@link MiniSolrCloudCluster}), with Paperboy's configset
 * uploaded and a collection created through {@link SolrAdmin}, as {@code paperboy solr init} does.
 * Use it through {@link SolrCloudExtension} (one cluster per test run).
 */
public final class SolrCloud implements AutoCloseable {
  /** The collection the contract tests share; each test empties it first. */
  public static final String COLLECTION = "papers_test";

  private final Path dir;
  private final MiniSolrCloudCluster cluster;

  private SolrCloud(Path dir, MiniSolrCloudCluster cluster) {
    this.dir = dir;
    this.cluster = cluster;
  }

  /** Starts {@code nodes} nodes and creates {@link #COLLECTION} with shards and replicas. */
  public static SolrCloud start(int nodes, int shards, int replicas) {
    Path dir;
    try {
      dir = Files.createTempDirectory("paperboy-solr-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Quiet, local, and small: no metrics history, no telemetry, loopback only.
    System.setProperty("solr.metrics.jvm.enabled", "false");
    System.setProperty("host", "127.0.0.1");
    try {
      MiniSolrCloudCluster cluster = new MiniSolrCloudCluster.Builder(nodes, dir).build();
      SolrCloud cloud = new SolrCloud(dir, cluster);
      try (SolrAdmin admin = new SolrAdmin(cloud.settings())) {
        admin.init(COLLECTION, shards, replicas, false);
      }
      return cloud;
    } catch (Exception e) {
      delete(dir);
      throw new IllegalStateException("cannot start a test SolrCloud: " + e.getMessage(), e);
    }
  }

  /** Base URLs of the running nodes. */
  public List<String> urls() {
    List<String> urls = new ArrayList<>();
    for (JettySolrRunner j : cluster.getJettySolrRunners()) {
      if (j.isRunning()) {
        urls.add(j.getBaseUrl().toString());
      }
    }
    return urls;
  }

  /** Settings for the shared collection, with short retries (tests wait on purpose elsewhere). */
  public SolrSettings settings() {
    return SolrSettings.of(urls(), COLLECTION);
  }

  public MiniSolrCloudCluster cluster() {
    return cluster;
  }

  /** The ZooKeeper address ({@code host:port/solr}). */
  public String zkAddress() {
    return cluster.getZkServer().getZkAddress();
  }

  @Override
  public void close() {
    try {
      cluster.shutdown();
    } catch (Exception e) {
      throw new IllegalStateException("stopping the test SolrCloud failed", e);
    } finally {
      delete(dir);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a leftover temporary directory is harmless
    }
  }
}
