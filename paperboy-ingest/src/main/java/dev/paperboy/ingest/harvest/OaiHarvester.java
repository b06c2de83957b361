package dev.paperboy.ingest.harvest;

import dev.paperboy.core.ingest.HarvestCheckpoint;
import dev.paperboy.core.ingest.HarvestCheckpointStore;
import dev.paperboy.core.ingest.ImportSummary;
import dev.paperboy.core.ingest.Importer;
import dev.paperboy.core.ingest.PaperSource;
import dev.paperboy.core.ingest.RecordSink;
import dev.paperboy.core.ingest.Rejection;
import dev.paperboy.core.ingest.SourceRecord;
import dev.paperboy.ingest.http.BrokenBodyException;
import dev.paperboy.ingest.http.HttpFetcher;
import dev.paperboy.ingest.http.Sleeper;
import dev.paperboy.ingest.oai.MalformedXmlException;
import dev.paperboy.ingest.oai.OaiPmhException;
import dev.paperboy.ingest.oai.OaiPmhPage;
import dev.paperboy.ingest.oai.OaiPmhPageParser;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OAI-PMH harvest job: {@code ListRecords} for one set and date range, page by page, into the
 * store and the index through the {@link Importer}.
 *
 * <h2>Checkpoints: resuming without duplicates or gaps</h2>
 *
 * After a page is imported, the checkpoint of {@code (endpoint, set)} is saved with the token of
 * the <em>next</em> page. A harvest killed at any point therefore resumes with a page that is
 * either not imported yet or imported again: no page is skipped (no gap), and a page imported twice
 * changes nothing the second time (the store's upserts are idempotent, so no duplicate). A run
 * called without {@code from} continues an interrupted run with its token; when the server says the
 * token expired ({@code badResumptionToken}), the run starts again from its own {@code from}. When
 * the list is complete the checkpoint records {@code harvestedUntil}: the {@code until} given, else
 * the day of the server's {@code responseDate}. The next incremental run starts at that day
 * <em>inclusive</em>, since arXiv's datestamps have day granularity and records can still be
 * stamped with that day after the run: the overlap is re-read, never missed.
 *
 * <h2>Politeness and errors</h2>
 *
 * {@link HarvestSettings#delay()} passes between requests. HTTP 503 with {@code Retry-After}, other
 * retryable failures and pages that are not well-formed XML are retried by the {@link HttpFetcher}
 * (backoff with jitter, a limit on tries). A page still malformed after the retries stops the
 * harvest with a {@link HarvestStoppedException} that names the page and the XML error: a malformed
 * page cannot be skipped, because its resumption token, the only way to the rest of the list, is
 * inside it. Nothing of that page is imported (pages are parsed whole before import), and the
 * checkpoint keeps its token, so rerunning {@code paperboy harvest} resumes at that page.
 *
 * <h2>Deleted records</h2>
 *
 * A record whose header says {@code status="deleted"} has no metadata. It is not imported and a
 * paper already stored under that id is <em>kept unchanged</em>: arXiv never deletes an announced
 * paper (a withdrawal is a new version, which arrives as an ordinary record whose comments say so
 * and marks the paper withdrawn), so an OAI deletion is an administrative removal, and the store
 * keeps what readers, votes and comments refer to. The ids are listed in {@link
 * HarvestResult#deleted()} and logged, for an operator to act on.
 */
public final class OaiHarvester {
  private static final Logger log = LoggerFactory.getLogger(OaiHarvester.class);

  /** Listens to a harvest's progress. */
  public interface Listener {
    Listener NONE = new Listener() {};

    /** After a page is imported and the checkpoint saved. */
    default void onPage(HarvestProgress progress) {}

    /** A record that could not be imported (not counting deleted ones). */
    default void onRejection(Rejection rejection) {}
  }

  private final HttpFetcher http;
  private final HarvestCheckpointStore checkpoints;
  private final Importer importer;
  private final HarvestSettings settings;
  private final Clock clock;
  private final Sleeper sleeper;

  public OaiHarvester(
      HttpFetcher http,
      HarvestCheckpointStore checkpoints,
      Importer importer,
      HarvestSettings settings,
      Clock clock,
      Sleeper sleeper) {
    this.http = http;
    this.checkpoints = checkpoints;
    this.importer = importer;
    this.settings = settings;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  public HarvestSettings settings() {
    return settings;
  }

  /** The endpoint's checkpoint for {@code set}, if any. */
  public Optional<HarvestCheckpoint> checkpoint(String set) {
    return checkpoints.find(endpointKey(), set);
  }

  /**
   * Harvests {@code request}. Stops between pages when the thread is interrupted (the checkpoint
   * then holds the next page's token).
   *
   * @throws IllegalArgumentException when there is no {@code from} and no checkpoint to go on from
   * @throws HarvestStoppedException when a page stays malformed, the server reports an OAI-PMH
   *     error, or the server cannot be reached after retries; pages before it are imported
   * @throws InterruptedIOException when interrupted
   */
  public HarvestResult run(HarvestRequest request, Listener listener) throws IOException {
    String set = request.set();
    Optional<HarvestCheckpoint> saved = checkpoints.find(endpointKey(), set);
    LocalDate harvestedUntil = saved.map(HarvestCheckpoint::harvestedUntil).orElse(null);

    Run run;
    HarvestCheckpoint cp = saved.orElse(null);
    if (cp != null
        && cp.inFlight()
        && (request.from() == null || request.from().equals(cp.runFrom()))
        && (request.until() == null || request.until().equals(cp.runUntil()))) {
      run = new Run(cp.runFrom(), cp.runUntil(), cp.token(), cp.pagesInRun(), cp.recordsInRun());
      log.info(
          "{}: resuming the interrupted harvest of set '{}' (from {}, until {}) at page {}",
          settings.endpoint(),
          set,
          cp.runFrom(),
          cp.runUntil(),
          cp.pagesInRun() + 1);
    } else {
      if (cp != null && cp.inFlight()) {
        log.info(
            "{}: set '{}' has an interrupted run (from {}, until {}); this run asks another range,"
                + " so it starts afresh and that run's token is dropped",
            settings.endpoint(),
            set,
            cp.runFrom(),
            cp.runUntil());
      }
      LocalDate from = request.from() != null ? request.from() : harvestedUntil;
      if (from == null) {
        throw new IllegalArgumentException(
            "set '"
                + set
                + "' has never been harvested from "
                + settings.endpoint()
                + ": give a first day with --from YYYY-MM-DD");
      }
      if (request.until() != null && request.until().isBefore(from)) {
        throw new IllegalArgumentException(
            "until " + request.until() + " is before from " + from + " for set '" + set + "'");
      }
      run = new Run(from, request.until(), null, 0, 0);
    }
    boolean resumed = run.token != null;

    Totals totals = new Totals();
    boolean restartedAfterExpiry = false;
    boolean first = true;
    while (true) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedIOException(
            "harvest of set '"
                + set
                + "' interrupted; the checkpoint resumes at page "
                + (run.pages + 1));
      }
      if (!first) {
        pause();
      }
      first = false;
      URI uri = run.token == null ? listUri(set, run.from, run.until) : resumeUri(run.token);
      BufferedPage page;
      try {
        page = http.get(uri, this::parse);
      } catch (OaiPmhException e) {
        if (e.code().equals("badResumptionToken") && run.token != null && !restartedAfterExpiry) {
          log.warn(
              "{}: the resumption token of set '{}' expired ({}); starting the run again from {}",
              settings.endpoint(),
              set,
              e.getMessage(),
              run.from);
          restartedAfterExpiry = true;
          run = new Run(run.from, run.until, null, 0, 0);
          continue;
        }
        throw stopped(set, run, uri, "the server answered with an OAI-PMH error", e);
      } catch (BrokenBodyException e) {
        throw stopped(
            set, run, uri, "the page is not well-formed XML even after retries", e.getCause());
      } catch (InterruptedIOException e) {
        throw e;
      } catch (IOException e) {
        throw stopped(set, run, uri, "the page could not be fetched", e);
      }

      ImportSummary s = importer.run(page, listener::onRejection, x -> {});
      totals.add(s, page);
      run.pages++;
      run.records += page.meta.records();
      OaiPmhPage meta = page.meta;
      if (meta.hasMore()) {
        run.token = meta.resumptionToken().value();
        checkpoints.save(
            new HarvestCheckpoint(
                endpointKey(),
                set,
                harvestedUntil,
                run.token,
                run.from,
                run.until,
                run.pages,
                run.records,
                clock.instant()));
        listener.onPage(
            new HarvestProgress(
                set,
                run.pages,
                totals.records,
                meta.resumptionToken().completeListSize(),
                meta.resumptionToken().cursor() == null
                    ? null
                    : meta.resumptionToken().cursor() + meta.records()));
        continue;
      }
      LocalDate reached =
          run.until != null
              ? run.until
              : LocalDate.ofInstant(
                  meta.responseDate() != null ? meta.responseDate() : clock.instant(),
                  ZoneOffset.UTC);
      // Never move backwards: harvesting an old range again leaves the incremental point alone.
      LocalDate until =
          harvestedUntil != null && harvestedUntil.isAfter(reached) ? harvestedUntil : reached;
      checkpoints.save(
          new HarvestCheckpoint(
              endpointKey(), set, until, null, null, null, 0, 0, clock.instant()));
      listener.onPage(new HarvestProgress(set, run.pages, totals.records, null, null));
      if (!totals.deleted.isEmpty()) {
        log.info(
            "{}: {} records of set '{}' are deleted upstream and were not imported"
                + " (stored papers with these ids are kept): {}",
            settings.endpoint(),
            totals.deleted.size(),
            set,
            totals.deleted.size() > 20 ? totals.deleted.subList(0, 20) + " ..." : totals.deleted);
      }
      return new HarvestResult(
          set,
          totals.pages,
          totals.records,
          totals.added,
          totals.updated,
          totals.unchanged,
          totals.rejected,
          totals.deleted,
          until,
          resumed);
    }
  }

  private HarvestStoppedException stopped(
      String set, Run run, URI uri, String why, Throwable cause) {
    String message =
        "harvest of set '"
            + set
            + "' stopped at page "
            + (run.pages + 1)
            + " ("
            + uri
            + "): "
            + why
            + ": "
            + cause.getMessage()
            + ". The "
            + run.pages
            + " pages before it are imported and the checkpoint is kept: run the harvest again"
            + " to resume at this page.";
    log.error(message);
    return new HarvestStoppedException(message, cause);
  }

  private void pause() throws InterruptedIOException {
    Duration d = settings.delay();
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("harvest interrupted while pausing between requests");
    }
  }

  /** Parses a whole page before anything of it is imported, so a broken page imports nothing. */
  private BufferedPage parse(dev.paperboy.ingest.http.Fetched f) throws IOException {
    BufferedPage page = new BufferedPage(f.uri().toString());
    try {
      page.meta = new OaiPmhPageParser().parse(f.stream(), page.where, page);
    } catch (MalformedXmlException e) {
      throw new BrokenBodyException(e);
    }
    return page;
  }

  String endpointKey() {
    return settings.endpoint().toString();
  }

  URI listUri(String set, @Nullable LocalDate from, @Nullable LocalDate until) {
    StringBuilder q = new StringBuilder("verb=ListRecords&metadataPrefix=");
    q.append(enc(settings.metadataPrefix()));
    if (!set.isEmpty()) {
      q.append("&set=").append(enc(set));
    }
    if (from != null) {
      q.append("&from=").append(from);
    }
    if (until != null) {
      q.append("&until=").append(until);
    }
    return URI.create(settings.endpoint() + "?" + q);
  }

  /** OAI-PMH 2.0, section 3.5: a resumption request carries the verb and the token only. */
  URI resumeUri(String token) {
    return URI.create(settings.endpoint() + "?verb=ListRecords&resumptionToken=" + enc(token));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The run in flight. */
  private static final class Run {
    final @Nullable LocalDate from;
    final @Nullable LocalDate until;
    @Nullable String token;
    long pages;
    long records;

    Run(
        @Nullable LocalDate from,
        @Nullable LocalDate until,
        @Nullable String token,
        long pages,
        long records) {
      this.from = from;
      this.until = until;
      this.token = token;
      this.pages = pages;
      this.records = records;
    }
  }

  private static final class Totals {
    long pages;
    long records;
    long added;
    long updated;
    long unchanged;
    long rejected;
    final List<String> deleted = new ArrayList<>();

    void add(ImportSummary s, BufferedPage page) {
      pages++;
      records += page.meta.records();
      added += s.added();
      updated += s.updated();
      unchanged += s.unchanged();
      rejected += s.rejected();
      deleted.addAll(page.deleted);
    }
  }

  /** One parsed page: its records, rejections and deleted ids, replayed into the importer. */
  static final class BufferedPage implements PaperSource, RecordSink {
    final String where;
    final List<SourceRecord> records = new ArrayList<>();
    final List<Rejection> rejections = new ArrayList<>();
    final List<String> deleted = new ArrayList<>();
    OaiPmhPage meta = new OaiPmhPage(null, 0, 0, 0, 0, null);

    BufferedPage(String where) {
      this.where = where;
    }

    @Override
    public void accept(SourceRecord record) {
      records.add(record);
    }

    @Override
    public void reject(Rejection rejection) {
      if (OaiPmhPageParser.DELETED.equals(rejection.reason())) {
        String at = rejection.where();
        int hash = at.lastIndexOf("#oai:arXiv.org:");
        deleted.add(hash >= 0 ? at.substring(hash + "#oai:arXiv.org:".length()) : at);
      } else {
        rejections.add(rejection);
      }
    }

    @Override
    public String describe() {
      return where;
    }

    @Override
    public void read(RecordSink sink) {
      records.forEach(sink::accept);
      rejections.forEach(sink::reject);
    }
  }
}
