package dev.paperboy.ingest;

import dev.paperboy.core.ingest.ImportSummary;
import dev.paperboy.core.ingest.Importer;
import dev.paperboy.core.ingest.RecordSink;
import dev.paperboy.core.ingest.Rejection;
import dev.paperboy.core.ingest.SourceRecord;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.testing.SharedData;
import dev.paperboy.ingest.harvest.HarvestRequest;
import dev.paperboy.ingest.harvest.HarvestResult;
import dev.paperboy.ingest.harvest.HarvestSettings;
import dev.paperboy.ingest.harvest.OaiHarvester;
import dev.paperboy.ingest.http.HttpFetcher;
import dev.paperboy.ingest.http.HttpSettings;
import dev.paperboy.ingest.http.LocalServer;
import dev.paperboy.ingest.http.LocalServer.Reply;
import dev.paperboy.ingest.http.Sleeper;
import dev.paperboy.ingest.oai.OaiPmhPage;
import dev.paperboy.ingest.oai.OaiPmhPageParser;
import dev.paperboy.ingest.rss.AnnouncementPoller;
import dev.paperboy.ingest.rss.FeedSettings;
import dev.paperboy.ingest.rss.PollResult;
import dev.paperboy.search.LuceneSearchIndex;
import dev.paperboy.store.Database;
import dev.paperboy.store.JdbcHarvestCheckpoints;
import dev.paperboy.store.JdbcPaperStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live-ingestion benchmarks on real records from the shared arXiv data; reported, never asserted.
 * Runs only when asked:
 *
 * <pre>
 * mvn -o -q -pl paperboy-ingest -am test -Dtest=LiveIngestBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dpaperboy.bench=true
 * </pre>
 *
 * <ol>
 *   <li>OAI-PMH parsing: a {@code ListRecords} page of 1,000 real records (written to a temp dir in
 *       arXiv's {@code arXiv} format from {@code arxiv-cs-listings-2025-06}) parsed {@value
 *       #ROUNDS} times; the median and best of the rounds after {@value #WARMUP} warm-up rounds.
 *   <li>A day's increment: a SQLite store holding May 2025 (5,608 papers), then about 1,100 June
 *       papers (800 new, 150 cross-lists, 150 replacements of May papers) arrive (a) as one
 *       announcement feed and (b) as a two-page OAI-PMH harvest, each over HTTP from a loopback
 *       server into store and index. The index is a recording stand-in (the Lucene index is another
 *       module; its indexing rate is measured there) and embeddings are not computed here.
 * </ol>
 */
class LiveIngestBenchmark {
  static final int ROUNDS = 20;
  static final int WARMUP = 5;
  static final int PAGE = 1000;

  @TempDir Path dir;

  @Test
  @EnabledIfSystemProperty(named = "paperboy.bench", matches = "true")
  void benchmarks() throws Exception {
    SharedData.require("arxiv");
    Path arxiv = SharedData.root().resolve("arxiv");
    System.out.printf(
        Locale.ROOT,
        "live ingest benchmark, %d cores, Java %s, load average %.2f%n",
        Runtime.getRuntime().availableProcessors(),
        Runtime.version(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    List<Paper> june = read(arxiv.resolve("arxiv-cs-listings-2025-06.jsonl.gz"));
    parsePage(june.subList(0, PAGE));
    dayIncrement(arxiv.resolve("arxiv-cs-listings-2025-05.jsonl.gz"), june);
  }

  void parsePage(List<Paper> papers) throws IOException {
    byte[] page =
        OaiXml.page(papers, "2025-06-30T09:00:00Z", null).getBytes(StandardCharsets.UTF_8);
    Path file = dir.resolve("oai-page-1000.xml");
    Files.write(file, page);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<Double> walls = new ArrayList<>();
    List<Double> cpus = new ArrayList<>();
    for (int round = 1; round <= ROUNDS; round++) {
      long[] n = new long[1];
      RecordSink sink =
          new RecordSink() {
            @Override
            public void accept(SourceRecord record) {
              n[0]++;
            }

            @Override
            public void reject(Rejection rejection) {}
          };
      long cpu0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      OaiPmhPage p = new OaiPmhPageParser().parse(new ByteArrayInputStream(page), "page", sink);
      double s = (System.nanoTime() - t0) / 1e9;
      double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
      if (round == 1) {
        System.out.printf(
            Locale.ROOT,
            "OAI page: %d records (%d accepted), %.2f MB; first round %.3f s wall%n",
            p.records(),
            n[0],
            page.length / 1e6,
            s);
      }
      if (round > WARMUP) {
        walls.add(s);
        cpus.add(cpu);
      }
    }
    walls.sort(null);
    cpus.sort(null);
    int mid = walls.size() / 2;
    System.out.printf(
        Locale.ROOT,
        "OAI-PMH page of %d records, %d rounds after warm-up: median %,.0f records/s wall"
            + " (best %,.0f), median %,.0f records/CPU-s (best %,.0f)%n",
        papers.size(),
        walls.size(),
        papers.size() / walls.get(mid),
        papers.size() / walls.get(0),
        papers.size() / cpus.get(mid),
        papers.size() / cpus.get(0));
  }

  void dayIncrement(Path may, List<Paper> june) throws Exception {
    for (String how : List.of("feed", "oai")) {
      Path db = dir.resolve(how + ".db");
      try (Database database = Database.sqlite(db);
          LocalServer server = LocalServer.start();
          HttpFetcher http =
              new HttpFetcher(
                  HttpSettings.defaults("bench@example.org"),
                  Clock.systemUTC(),
                  Sleeper.REAL,
                  new Random(1))) {
        JdbcPaperStore store = new JdbcPaperStore(database);
        LuceneSearchIndex index = LuceneSearchIndex.open(dir.resolve(how + "-index"));
        Importer importer = new Importer(store, index);
        long t0 = System.nanoTime();
        ImportSummary base = importer.run(Sources.open(may, null), r -> {}, s -> {});
        System.out.printf(
            Locale.ROOT,
            "%s: store loaded with May 2025: %s in %.1f s%n",
            how,
            base,
            (System.nanoTime() - t0) / 1e9);
        List<Paper> mayPapers = store.papersAfter(null, 150);
        List<Paper> fresh = june.subList(0, 950);
        List<Paper> replaced = new ArrayList<>();
        for (Paper p : mayPapers) {
          replaced.add(
              p.toBuilder()
                  .version(2)
                  .abstractText(p.abstractText() + " (v2: revised)")
                  .updated(LocalDate.of(2025, 6, 2))
                  .listingDate(null)
                  .build());
        }
        int items = fresh.size() + replaced.size();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        String summary;
        if (how.equals("feed")) {
          String feed = AtomXml.feed(fresh.subList(0, 800), fresh.subList(800, 950), replaced);
          server.on("/atom/", r -> Reply.ok("application/atom+xml", feed));
          AnnouncementPoller poller =
              new AnnouncementPoller(
                  http,
                  importer,
                  new FeedSettings(server.uri("/atom/"), List.of("cs"), true),
                  null,
                  Duration.ZERO,
                  Sleeper.REAL);
          PollResult r = poller.poll(x -> {});
          summary = r.byType() + "; " + r.imported();
        } else {
          List<Paper> all = new ArrayList<>(fresh);
          all.addAll(replaced);
          String page1 = OaiXml.page(all.subList(0, 550), "2025-06-03T09:00:00Z", "t|550");
          String page2 = OaiXml.page(all.subList(550, all.size()), "2025-06-03T09:00:05Z", "");
          server.on("/oai", r -> Reply.xml(r.param("resumptionToken") == null ? page1 : page2));
          OaiHarvester harvester =
              new OaiHarvester(
                  http,
                  new JdbcHarvestCheckpoints(database),
                  importer,
                  new HarvestSettings(server.uri("/oai"), "arXiv", Duration.ZERO),
                  Clock.systemUTC(),
                  Sleeper.REAL);
          HarvestResult r =
              harvester.run(
                  new HarvestRequest("cs", LocalDate.of(2025, 6, 2), null),
                  OaiHarvester.Listener.NONE);
          summary = r.toString();
        }
        double s = (System.nanoTime() - start) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        System.out.printf(
            Locale.ROOT,
            "best-effort single run: a day's increment of %d items by %s into store + index:"
                + " %.2f s wall, %.2f s CPU (main thread), %,.0f items/s; %s%n",
            items,
            how,
            s,
            cpu,
            items / s,
            summary);
        index.close();
      }
    }
  }

  static List<Paper> read(Path file) throws IOException {
    List<Paper> out = new ArrayList<>();
    Sources.open(file, null)
        .read(
            new RecordSink() {
              @Override
              public void accept(SourceRecord record) {
                out.add(record.paper());
              }

              @Override
              public void reject(Rejection rejection) {}
            });
    return out;
  }

  /** Writes papers as OAI-PMH ListRecords pages in arXiv's {@code arXiv} format. */
  static final class OaiXml {
    static String page(List<Paper> papers, String responseDate, String token) {
      StringBuilder x = new StringBuilder(papers.size() * 2000);
      x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
          .append("<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">\n")
          .append("<responseDate>")
          .append(responseDate)
          .append(
              "</responseDate>\n<request verb=\"ListRecords\">https://oaipmh.arxiv.org/oai</request>\n")
          .append("<ListRecords>\n");
      for (Paper p : papers) {
        LocalDate day = p.displayDate() == null ? LocalDate.of(2025, 6, 2) : p.displayDate();
        x.append("<record><header><identifier>oai:arXiv.org:")
            .append(p.id())
            .append("</identifier><datestamp>")
            .append(day)
            .append("</datestamp><setSpec>cs</setSpec></header><metadata>")
            .append("<arXiv xmlns=\"http://arxiv.org/OAI/arXiv/\"><id>")
            .append(p.id())
            .append("</id><created>")
            .append(p.submitted() != null ? p.submitted() : day.minusDays(1))
            .append("</created>");
        if (p.version() > 1 && p.updated() != null) {
          x.append("<updated>").append(p.updated()).append("</updated>");
        }
        x.append("<authors>");
        for (String a : p.authors()) {
          int sp = a.lastIndexOf(' ');
          x.append("<author><keyname>")
              .append(esc(sp < 0 ? a : a.substring(sp + 1)))
              .append("</keyname>");
          if (sp > 0) {
            x.append("<forenames>").append(esc(a.substring(0, sp))).append("</forenames>");
          }
          x.append("</author>");
        }
        x.append("</authors><title>")
            .append(esc(p.title()))
            .append("</title><categories>")
            .append(String.join(" ", p.categories()))
            .append("</categories>");
        if (p.comments() != null) {
          x.append("<comments>").append(esc(p.comments())).append("</comments>");
        }
        x.append("<abstract>").append(esc(p.abstractText())).append("</abstract></arXiv>");
        x.append("</metadata></record>\n");
      }
      if (token != null) {
        x.append("<resumptionToken>").append(esc(token)).append("</resumptionToken>\n");
      }
      return x.append("</ListRecords>\n</OAI-PMH>\n").toString();
    }
  }

  /** Writes papers as an arXiv Atom announcement feed. */
  static final class AtomXml {
    static String feed(List<Paper> fresh, List<Paper> cross, List<Paper> replaced) {
      StringBuilder x = new StringBuilder(1 << 20);
      x.append(
              "<?xml version='1.0' encoding='UTF-8'?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"")
          .append(" xmlns:arxiv=\"http://arxiv.org/schemas/atom\"")
          .append(" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n")
          .append("<id>http://rss.arxiv.org/atom/cs</id><title>cs updates on arXiv.org</title>\n");
      entries(x, fresh, "new");
      entries(x, cross, "cross");
      entries(x, replaced, "replace");
      return x.append("</feed>\n").toString();
    }

    static void entries(StringBuilder x, List<Paper> papers, String type) {
      for (Paper p : papers) {
        String v = p.id() + "v" + Math.max(1, p.version());
        x.append("<entry><id>oai:arXiv.org:")
            .append(v)
            .append("</id><title>")
            .append(esc(p.title()))
            .append("</title><summary>arXiv:")
            .append(v)
            .append(" Announce Type: ")
            .append(type)
            .append(" \nAbstract: ")
            .append(esc(p.abstractText()))
            .append("</summary>");
        for (String c : p.categories()) {
          x.append("<category term=\"").append(c).append("\"/>");
        }
        x.append("<published>2025-06-03T00:00:00-04:00</published><arxiv:announce_type>")
            .append(type)
            .append("</arxiv:announce_type><dc:creator>")
            .append(esc(String.join(", ", p.authors())))
            .append("</dc:creator></entry>\n");
      }
    }
  }

  static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
