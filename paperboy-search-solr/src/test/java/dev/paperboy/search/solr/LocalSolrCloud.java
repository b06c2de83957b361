package dev.paperboy.search.solr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * A throwaway SolrCloud on this machine for trying scale-out and for benchmarks (not a production
 * setup: see docs/operations.md): {@code java -cp ... LocalSolrCloud NODES DIR} starts NODES Solr
 * nodes and an embedded ZooKeeper on loopback ports, with data in DIR, writes the nodes' URLs,
 * comma-separated, to {@code DIR/urls} (for {@code search.solr.urls}) and runs until killed.
 */
public final class LocalSolrCloud {
  private LocalSolrCloud() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: LocalSolrCloud NODES DIR");
      System.exit(2);
    }
    int nodes = Integer.parseInt(args[0]);
    Path dir = Path.of(args[1]).toAbsolutePath();
    Files.createDirectories(dir);
    System.setProperty("host", "127.0.0.1");
    MiniSolrCloudCluster cluster = new MiniSolrCloudCluster.Builder(nodes, dir).build();
    StringBuilder urls = new StringBuilder();
    for (JettySolrRunner j : cluster.getJettySolrRunners()) {
      urls.append(urls.isEmpty() ? "" : ",").append(j.getBaseUrl());
    }
    Files.writeString(dir.resolve("urls"), urls.toString());
    System.out.println(
        "SolrCloud up: " + urls + " (ZooKeeper " + cluster.getZkServer().getZkAddress() + ")");
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    cluster.shutdown();
                  } catch (Exception e) {
                    e.printStackTrace();
                  }
                }));
    new CountDownLatch(1).await();
  }
}
