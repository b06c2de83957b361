package dev.paperboy.app.cli;

import dev.paperboy.app.AppContext;
import dev.paperboy.core.ingest.Importer;
import dev.paperboy.core.ingest.Rejection;
import dev.paperboy.ingest.harvest.HarvestProgress;
import dev.paperboy.ingest.harvest.HarvestRequest;
import dev.paperboy.ingest.harvest.HarvestResult;
import dev.paperboy.ingest.harvest.HarvestSettings;
import dev.paperboy.ingest.harvest.HarvestStoppedException;
import dev.paperboy.ingest.harvest.OaiHarvester;
import dev.paperboy.ingest.http.HttpFetcher;
import dev.paperboy.ingest.http.HttpSettings;
import dev.paperboy.ingest.http.RetryPolicy;
import dev.paperboy.ingest.http.Sleeper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code paperboy harvest --set cs --from 2026-11-01}: OAI-PMH harvest into the store. */
@Command(
    name = "harvest",
    mixinStandardHelpOptions = true,
    description = {
      "Harvest arXiv metadata over OAI-PMH (ListRecords, metadataPrefix=arXiv) into the store and"
          + " the search index.",
      "A checkpoint per set is saved after every page: an interrupted harvest (Ctrl-C, a lost"
          + " connection, a malformed page) resumes where it stopped when run again, and without"
          + " --from a harvest goes on from the last complete one.",
      "Be polite: arXiv asks for a few seconds between requests and a contact in the User-Agent."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the list was harvested to its end",
      "1:the harvest stopped early (the message says why; run again to resume)",
      "2:bad usage"
    })
public final class HarvestCommand implements Callable<Integer> {
  @Mixin DataOptions data;

  @Option(
      names = "--set",
      required = true,
      paramLabel = "SET",
      description = "OAI-PMH set, e.g. cs, math, physics:hep-th.")
  String set;

  @Option(
      names = "--from",
      paramLabel = "YYYY-MM-DD",
      description = "First datestamp. Default: where the last complete harvest of the set ended.")
  @Nullable LocalDate from;

  @Option(
      names = "--until",
      paramLabel = "YYYY-MM-DD",
      description = "Last datestamp (inclusive). Default: up to now.")
  @Nullable LocalDate until;

  @Option(
      names = "--oai-url",
      paramLabel = "URL",
      description =
          "OAI-PMH endpoint. Default: harvest.oai.url, else https://oaipmh.arxiv.org/oai.")
  @Nullable URI oaiUrl;

  @Option(
      names = "--delay",
      paramLabel = "SECONDS",
      description = "Pause between requests, in seconds. Default: harvest.delay, else 3.")
  @Nullable Double delaySeconds;

  @Option(
      names = "--tries",
      paramLabel = "N",
      defaultValue = "6",
      description =
          "Tries per request before the harvest stops (503 with Retry-After, timeouts, broken"
              + " pages), with growing pauses between them. Default: ${DEFAULT-VALUE}.")
  int tries;

  @Option(
      names = "--contact",
      paramLabel = "EMAIL|URL",
      description =
          "Who to contact about this harvester, sent in the User-Agent."
              + " Default: http.contact ($PAPERBOY_HTTP_CONTACT).")
  @Nullable String contact;

  @Override
  public Integer call() throws Exception {
    if (tries < 1) {
      throw new IllegalArgumentException("--tries must be >= 1, was " + tries);
    }
    if (delaySeconds != null && (delaySeconds < 0 || delaySeconds.isNaN())) {
      throw new IllegalArgumentException("--delay must be >= 0 seconds, was " + delaySeconds);
    }
    HarvestRequest request = new HarvestRequest(set, from, until);
    try (AppContext app = AppContext.open(data.load(System.getenv(), Map.of()))) {
      String who = contact != null ? contact : app.config().live().contact();
      HarvestSettings settings =
          new HarvestSettings(
              oaiUrl != null ? oaiUrl : app.config().live().oaiUrl(),
              "arXiv",
              delaySeconds != null
                  ? Duration.ofMillis(Math.round(delaySeconds * 1000))
                  : app.config().live().harvestDelay());
      return harvest(app, who, settings, request);
    }
  }

  private int harvest(
      AppContext app, @Nullable String who, HarvestSettings settings, HarvestRequest request)
      throws IOException {
    CommandIndex index = CommandIndex.of(app);
    try (HttpFetcher http =
        HttpFetcher.create(
            HttpSettings.defaults(who)
                .withRetry(
                    new RetryPolicy(
                        tries,
                        RetryPolicy.DEFAULT.initialBackoff(),
                        RetryPolicy.DEFAULT.maxBackoff(),
                        RetryPolicy.DEFAULT.maxRetryAfter())))) {
      OaiHarvester harvester =
          new OaiHarvester(
              http,
              app.harvestCheckpoints(),
              new Importer(app.store(), index.direct()),
              settings,
              app.clock(),
              Sleeper.REAL);
      Progress progress = Progress.onStderr("harvest " + set, "records");
      HarvestResult result;
      try {
        result =
            harvester.run(
                request,
                new OaiHarvester.Listener() {
                  @Override
                  public void onPage(HarvestProgress p) {
                    progress.update(p.records(), p.fraction());
                  }

                  @Override
                  public void onRejection(Rejection r) {
                    System.err.println("rejected " + r);
                  }
                });
      } catch (HarvestStoppedException e) {
        System.err.println("error: " + e.getMessage());
        index.indexStored(); // the pages stored before it stopped
        return 1;
      }
      progress.finish(result.records());
      System.out.println(settings.endpoint() + ": " + result);
      index.finish(result.added() + result.updated());
      return 0;
    }
  }
}
