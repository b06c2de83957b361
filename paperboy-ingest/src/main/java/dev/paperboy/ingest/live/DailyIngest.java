package dev.paperboy.ingest.live;

import dev.paperboy.core.ingest.HarvestCheckpointStore;
import dev.paperboy.core.ingest.ImportSummary;
import dev.paperboy.core.ingest.Importer;
import dev.paperboy.ingest.api.ArxivApiClient;
import dev.paperboy.ingest.harvest.HarvestRequest;
import dev.paperboy.ingest.harvest.HarvestResult;
import dev.paperboy.ingest.harvest.OaiHarvester;
import dev.paperboy.ingest.hf.HfMirror;
import dev.paperboy.ingest.http.HttpFetcher;
import dev.paperboy.ingest.http.Sleeper;
import dev.paperboy.ingest.rss.AnnouncementPoller;
import dev.paperboy.ingest.rss.PollResult;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of every configured remote source, in this order: the announcement feeds (new papers and
 * their listing day first, so the day's list appears as early as possible), the Hugging Face
 * mirror, then the incremental OAI-PMH harvest of each set (complete metadata: comments, dates).
 * Each source's failure is logged and reported and does not stop the others; the next run retries
 * (the harvest resumes from its checkpoint).
 *
 * <p>Meant for {@code serve}'s scheduler, e.g. once a day after the feeds are rebuilt (midnight US
 * Eastern, https://info.arxiv.org/help/rss.html), and for a {@code paperboy update} command.
 */
public final class DailyIngest {
  private static final Logger log = LoggerFactory.getLogger(DailyIngest.class);

  private final LiveSettings settings;
  private final Clock clock;
  private final @Nullable AnnouncementPoller poller;
  private final @Nullable HfMirror mirror;
  private final @Nullable OaiHarvester harvester;

  public DailyIngest(
      LiveSettings settings,
      HttpFetcher http,
      Importer importer,
      HarvestCheckpointStore checkpoints,
      Clock clock,
      Sleeper sleeper) {
    this.settings = settings;
    this.clock = clock;
    ArxivApiClient api =
        settings.arxivApi() == null
            ? null
            : new ArxivApiClient(http, settings.arxivApi(), settings.delay(), sleeper);
    this.poller =
        settings.feeds() == null
            ? null
            : new AnnouncementPoller(
                http, importer, settings.feeds(), api, settings.delay(), sleeper);
    this.mirror =
        settings.hfMirror() == null ? null : new HfMirror(http, importer, settings.hfMirror());
    this.harvester =
        settings.harvest() == null
            ? null
            : new OaiHarvester(http, checkpoints, importer, settings.harvest(), clock, sleeper);
  }

  /**
   * Runs every configured source once.
   *
   * @throws InterruptedIOException when interrupted (what was imported stays)
   */
  public DailyReport runOnce() throws InterruptedIOException {
    Map<String, String> errors = new LinkedHashMap<>();
    PollResult feeds = null;
    if (poller != null) {
      try {
        feeds = poller.poll(r -> log.warn("announcement feed: rejected {}", r));
        if (!feeds.feedsFailed().isEmpty()) {
          errors.put("feeds", String.join("; ", feeds.feedsFailed()));
        }
      } catch (InterruptedIOException e) {
        throw e;
      } catch (IOException | RuntimeException e) {
        fail(errors, "feeds", e);
      }
    }
    Map<LocalDate, ImportSummary> hf = new LinkedHashMap<>();
    if (mirror != null) {
      LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
      for (int back = settings.hfDays() - 1; back >= 0; back--) {
        LocalDate day = today.minusDays(back);
        try {
          hf.put(day, mirror.poll(day, r -> log.warn("hf mirror: rejected {}", r)));
        } catch (InterruptedIOException e) {
          throw e;
        } catch (IOException | RuntimeException e) {
          fail(errors, "hf " + day, e);
        }
      }
    }
    List<HarvestResult> harvests = new ArrayList<>();
    if (harvester != null) {
      for (String set : settings.harvestSets()) {
        try {
          harvests.add(harvester.run(HarvestRequest.incremental(set), OaiHarvester.Listener.NONE));
        } catch (InterruptedIOException e) {
          throw e;
        } catch (IOException | RuntimeException e) {
          fail(errors, "harvest " + set, e);
        }
      }
    }
    DailyReport report = new DailyReport(feeds, hf, harvests, errors);
    log.info(
        "daily ingest: feeds {}, hf {}, harvests {}, errors {}",
        feeds == null ? "off" : feeds.imported(),
        hf.isEmpty() ? "off" : hf,
        harvests,
        errors.isEmpty() ? "none" : errors);
    return report;
  }

  private static void fail(Map<String, String> errors, String source, Exception e) {
    log.error("daily ingest: {} failed: {}", source, e.getMessage());
    errors.put(source, String.valueOf(e.getMessage()));
  }
}
