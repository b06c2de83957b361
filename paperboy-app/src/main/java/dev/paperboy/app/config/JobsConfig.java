package dev.paperboy.app.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;

/**
 * Scheduled jobs with several app nodes: each job runs on the node that holds its lease in the
 * store.
 *
 * @param node {@code node.name}: this node's name in the lease table (default: the host name)
 * @param leaseTtl {@code jobs.lease.ttl}: how long a lease lasts without renewal, so how long a
 *     dead node's job waits before another node takes it over (default 2 minutes; renewed every
 *     third of it while the job runs)
 */
public record JobsConfig(String node, Duration leaseTtl) {
  static final List<String> KEYS = List.of("node.name", "jobs.lease.ttl");

  public JobsConfig {
    if (node == null || node.isBlank() || node.length() > 200) {
      throw new ConfigException("node.name: expected 1 to 200 characters but was '" + node + "'");
    }
    if (leaseTtl.compareTo(Duration.ofSeconds(5)) < 0) {
      throw new ConfigException(
          "jobs.lease.ttl: expected a duration of at least 5s but was " + leaseTtl);
    }
  }

  static JobsConfig from(Settings s) {
    return new JobsConfig(
        s.get("node.name", hostName()), s.getDuration("jobs.lease.ttl", Duration.ofMinutes(2)));
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
