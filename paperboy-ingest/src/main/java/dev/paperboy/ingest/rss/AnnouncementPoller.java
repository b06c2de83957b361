package dev.paperboy.ingest.rss;

import dev.paperboy.core.ingest.ImportSummary;
import dev.paperboy.core.ingest.Importer;
import dev.paperboy.core.ingest.PaperSource;
import dev.paperboy.core.ingest.RecordSink;
import dev.paperboy.core.ingest.Rejection;
import dev.paperboy.core.ingest.SourceRecord;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.DailyEntry;
import dev.paperboy.core.paper.EntrySource;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.ingest.api.ArxivApiClient;
import dev.paperboy.ingest.http.BrokenBodyException;
import dev.paperboy.ingest.http.HttpFetcher;
import dev.paperboy.ingest.http.Sleeper;
import dev.paperboy.ingest.oai.MalformedXmlException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls arXiv's announcement feeds and imports what they announce, through the same {@link
 * Importer} as every other source.
 *
 * <p>What each announce type does:
 *
 * <ul>
 *   <li>{@code new}: the paper is stored with its listing day (the announcement day) and goes on
 *       that day's list as {@link EntrySource#ARXIV}.
 *   <li>{@code cross}: the paper is stored with its listing day; it goes on the list as {@link
 *       EntrySource#ARXIV_CROSS} only when {@link FeedSettings#showCrossLists()}.
 *   <li>{@code replace}, {@code replace-cross}: a new version of an announced paper. Its metadata
 *       (title, abstract, authors, categories, version number) updates the stored paper by the
 *       usual merge (the higher version wins), under the same id, so a replacement never creates a
 *       second paper; it gets no listing day and no place on any list. When an arXiv API client is
 *       given, the replaced papers are then looked up there, which tells the date of the new
 *       version ("updated to v3 on ...").
 * </ul>
 *
 * <p>A paper in several feeds of one poll (new in cs.CL, a cross-list in cs.LG) counts once, as its
 * strongest type. A feed that cannot be fetched or parsed is reported and the other feeds still
 * import.
 */
public final class AnnouncementPoller {
  private static final Logger log = LoggerFactory.getLogger(AnnouncementPoller.class);

  private final HttpFetcher http;
  private final Importer importer;
  private final FeedSettings settings;
  private final @Nullable ArxivApiClient api;
  private final Duration delay;
  private final Sleeper sleeper;

  /**
   * @param api looks replaced papers up for their version dates; null to skip
   * @param delay the pause between two feed requests
   */
  public AnnouncementPoller(
      HttpFetcher http,
      Importer importer,
      FeedSettings settings,
      @Nullable ArxivApiClient api,
      Duration delay,
      Sleeper sleeper) {
    this.http = http;
    this.importer = importer;
    this.settings = settings;
    this.api = api;
    this.delay = delay;
    this.sleeper = sleeper;
  }

  /** Fetches every configured feed, imports the items, looks replacements up. */
  public PollResult poll(Consumer<Rejection> onRejection) throws IOException {
    Map<ArxivId, Announcement> strongest = new LinkedHashMap<>();
    List<Rejection> rejections = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    boolean first = true;
    for (String feed : settings.feeds()) {
      if (!first) {
        pause();
      }
      first = false;
      URI uri = settings.uri(feed);
      AnnouncementFeedParser.Feed parsed;
      try {
        parsed = http.get(uri, f -> parse(f.stream(), f.uri().toString()));
      } catch (InterruptedIOException e) {
        throw e;
      } catch (IOException e) {
        String why =
            e instanceof BrokenBodyException b ? b.getCause().getMessage() : e.getMessage();
        log.error("announcement feed {} could not be read: {}", uri, why);
        failed.add(feed + ": " + why);
        continue;
      }
      rejections.addAll(parsed.rejections());
      for (Announcement a : parsed.items()) {
        strongest.merge(
            a.paper().id(), a, (x, y) -> y.type().strength() > x.type().strength() ? y : x);
      }
    }
    if (!failed.isEmpty() && failed.size() == settings.feeds().size()) {
      throw new IOException("no announcement feed could be read: " + String.join("; ", failed));
    }

    Map<AnnounceType, Integer> byType = new EnumMap<>(AnnounceType.class);
    TreeSet<LocalDate> days = new TreeSet<>();
    List<SourceRecord> records = new ArrayList<>();
    List<ArxivId> replaced = new ArrayList<>();
    for (Announcement a : strongest.values()) {
      byType.merge(a.type(), 1, Integer::sum);
      days.add(a.day());
      records.add(record(a));
      if (!a.type().isNew()) {
        replaced.add(a.paper().id());
      }
    }
    ImportSummary imported =
        importer.run(
            listSource(settings.feeds().toString(), records, rejections), onRejection, s -> {});
    ImportSummary lookups = null;
    if (api != null && !replaced.isEmpty()) {
      pause();
      try {
        lookups = importer.run(api.lookup(replaced), onRejection, s -> {});
      } catch (InterruptedIOException e) {
        throw e;
      } catch (IOException e) {
        log.error(
            "arXiv API lookup of {} replaced papers failed: {}", replaced.size(), e.getMessage());
        failed.add("arXiv API: " + e.getMessage());
      }
    }
    log.info("announcements of {}: {}; imported: {}", days, byType, imported);
    return new PollResult(days, byType, imported, lookups, failed);
  }

  /** The record an item becomes: see the class comment for what each type does. */
  SourceRecord record(Announcement a) {
    Paper p = a.paper();
    return switch (a.type()) {
      case NEW ->
          new SourceRecord(
              a.where(),
              p.toBuilder().listingDate(a.day()).build(),
              List.of(new DailyEntry(a.day(), p.id(), EntrySource.ARXIV, null, 0, null)));
      case CROSS ->
          new SourceRecord(
              a.where(),
              p.toBuilder().listingDate(a.day()).build(),
              settings.showCrossLists()
                  ? List.of(new DailyEntry(a.day(), p.id(), EntrySource.ARXIV_CROSS, null, 0, null))
                  : List.of());
      case REPLACE, REPLACE_CROSS -> new SourceRecord(a.where(), p, List.of());
    };
  }

  private static AnnouncementFeedParser.Feed parse(java.io.InputStream in, String where)
      throws IOException {
    try {
      return new AnnouncementFeedParser().parse(in, where);
    } catch (MalformedXmlException e) {
      throw new BrokenBodyException(e);
    }
  }

  private void pause() throws InterruptedIOException {
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted between feed requests");
    }
  }

  private static PaperSource listSource(
      String name, List<SourceRecord> records, List<Rejection> rejections) {
    return new PaperSource() {
      @Override
      public String describe() {
        return name;
      }

      @Override
      public void read(RecordSink sink) {
        records.forEach(sink::accept);
        rejections.forEach(sink::reject);
      }
    };
  }
}
