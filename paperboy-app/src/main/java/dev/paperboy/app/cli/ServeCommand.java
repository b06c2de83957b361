package dev.paperboy.app.cli;

import dev.paperboy.app.AppContext;
import dev.paperboy.app.Backfill;
import dev.paperboy.app.config.Config;
import dev.paperboy.digest.DigestScheduler;
import dev.paperboy.ingest.live.DailyIngestScheduler;
import dev.paperboy.web.WebConfig;
import dev.paperboy.web.WebServer;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code paperboy serve}: opens the store and the search index of the data directory and serves the
 * site until stopped. Ctrl-C or SIGTERM stop it gracefully: the server stops accepting, requests in
 * flight finish, then the index and the store are closed.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Start the web site, JSON API and feeds (default http://127.0.0.1:7070).")
public final class ServeCommand implements Callable<Integer> {

  @Mixin DataOptions data = new DataOptions();

  @Option(
      names = "--host",
      paramLabel = "HOST",
      description =
          "Address to listen on. Default: $PAPERBOY_HOST, else 127.0.0.1 (only this machine).")
  @Nullable String host;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "Port to listen on. Default: $PAPERBOY_PORT, else 7070.")
  @Nullable Integer port;

  /**
   * The running site, the daily ingest when remote sources are configured, and what they read;
   * closing stops the ingest and the server first, then the rest.
   */
  public record Served(
      WebServer.Running web,
      @Nullable DailyIngestScheduler ingest,
      @Nullable DigestScheduler digests,
      Backfill backfill,
      AppContext app)
      implements AutoCloseable {
    @Override
    public void close() {
      try {
        if (ingest != null) {
          ingest.close();
        }
        if (digests != null) {
          digests.close();
        }
        backfill.close();
      } finally {
        try {
          web.close();
        } finally {
          app.close();
        }
      }
    }
  }

  @Override
  public Integer call() throws Exception {
    Map<String, String> flags = new HashMap<>();
    if (host != null) {
      flags.put("server.host", host);
    }
    if (port != null) {
      flags.put("server.port", Integer.toString(port));
    }
    Served served = open(data.load(System.getenv(), flags));
    System.out.println("Paperboy is serving " + served.web().uri() + " (Ctrl-C stops it)");
    CountDownLatch closed = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  served.close();
                  closed.countDown();
                },
                "paperboy-shutdown"));
    closed.await();
    return 0;
  }

  /** Opens the store and the index of {@code config} and starts the web server on them. */
  public static Served open(Config config) {
    String host = config.server().host();
    int port = config.server().port();
    // Without server.base.url the base is derived from host and port; leave it to the server,
    // which knows the port it really bound (port 0 picks a free one).
    String derived = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    URI publicUrl =
        config.server().baseUrl().equals(derived) ? null : URI.create(config.server().baseUrl());
    AppContext app = AppContext.open(config);
    try {
      WebConfig web =
          WebConfig.defaults()
              .withHost(host)
              .withPort(port)
              .withPublicUrl(publicUrl)
              .withCalendar(app.calendar())
              .withSearchModes(app.searchModes());
      // The index is rebuilt and the papers embedded in the background; the site serves at once.
      // So are the warm-ups the first search (the model load) and the first For-you page (the
      // TF-IDF fit of personal picks) would otherwise wait for. A failure here (e.g. the store
      // closed by a quick shutdown) only delays that search or page.
      Thread.ofVirtual()
          .name("paperboy-warm-up")
          .start(
              () -> {
                org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ServeCommand.class);
                try {
                  log.info("search warmed up in {} ms", app.warmSearch().toMillis());
                } catch (RuntimeException e) {
                  log.debug("warming search: {}", e.toString());
                }
                try {
                  app.warmPersonalPicks();
                } catch (RuntimeException e) {
                  log.debug("warming personal picks: {}", e.toString());
                }
              });
      Backfill backfill = new Backfill(app);
      WebServer server =
          new WebServer(
                  web,
                  app.store(),
                  app.index(),
                  app.clock(),
                  new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
                      io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT),
                  app.community())
              .semanticCoverage(backfill::coverage)
              .library(app.library());
      if (app.digestsOn()) {
        server.digests(app.webDigests());
      }
      WebServer.Running running = server.start();
      backfill.start();
      DailyIngestScheduler ingest = null;
      if (config.live().anyOn()) {
        // The remote sources configured (feed.categories, harvest.sets, hf.url) run once a day,
        // a while after each arXiv announcement (ingest.after.announcement).
        // With several nodes each run goes to the node that takes the job's lease.
        ingest =
            new DailyIngestScheduler(
                app.dailyIngest(), app.dailySchedule(), app.clock(), app.jobGuard());
        ingest.start(false);
      }
      DigestScheduler digests = null;
      if (app.digestsOn()) {
        // Editions are built at digest.send.time (UTC) once the day's papers are in, and the
        // outbox is drained; with several nodes, the one holding the 'digest' lease does both.
        digests = app.digestScheduler();
        digests.start();
      }
      return new Served(running, ingest, digests, backfill, app);
    } catch (RuntimeException e) {
      app.close();
      throw e;
    }
  }
}
