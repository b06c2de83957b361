package dev.paperboy.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.paperboy.app.AppContext;
import dev.paperboy.app.Main;
import dev.paperboy.app.config.Config;
import dev.paperboy.core.account.User;
import dev.paperboy.core.account.UserId;
import dev.paperboy.core.digest.Alert;
import dev.paperboy.core.digest.Edition;
import dev.paperboy.core.digest.EditionBuilder;
import dev.paperboy.core.digest.OutboxCounts;
import dev.paperboy.core.digest.SendReport;
import dev.paperboy.core.digest.SubscriptionId;
import dev.paperboy.core.mail.EmailAddress;
import dev.paperboy.core.mail.MailException;
import dev.paperboy.core.mail.Mailer;
import dev.paperboy.core.mail.OutgoingMessage;
import dev.paperboy.core.mail.SendReceipt;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.DailyEntry;
import dev.paperboy.core.paper.EntryOrder;
import dev.paperboy.core.paper.EntryQuery;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.paper.PaperStore;
import dev.paperboy.core.recommend.Like;
import dev.paperboy.core.recommend.LikedPapers;
import dev.paperboy.core.search.Reindexer;
import dev.paperboy.core.testing.SharedData;
import dev.paperboy.store.Dialect;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The digest benchmark of issue 7: composing one daily edition for 100,000 subscribers with
 * personal picks, then delivering from the outbox to a local SMTP server. Reported, never asserted
 * (it asserts only that every subscriber got a delivery row and every drained message arrived).
 * Runs only when asked:
 *
 * <pre>
 * mvn -B -ntp -o -pl paperboy-app -am verify -Dtest=DigestBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dpaperboy.bench=true \
 *     [-Dpaperboy.bench.data=DIR]            # a data directory made by 'paperboy import' of the
 *                                            # shared data, copied first (else imported here)
 *     [-Dpaperboy.bench.day=2026-06-16]      # the edition's announcement day
 *     [-Dpaperboy.bench.subscribers=100000] [-Dpaperboy.bench.send=5000]
 * </pre>
 *
 * <p>The population, seeded in one transaction (setup, not measured): {@code subscribers} confirmed
 * daily subscribers; 20% have an account that upvoted or saved 5..40 papers of one research area
 * (its papers listed in the 60 days before the edition), so personal picks are computed for them,
 * and a third of those accounts marked 1..5 other papers of the area "not interested"; 10% have
 * 1..3 saved-topic alerts (real queries from {@code s2-queries}); half keep to 1..3 categories, the
 * others take all; 15% want trending only. Composing runs the real {@link EditionBuilder} of {@link
 * AppContext} (TF-IDF picks, BM25 alerts on the Lucene index, SQLite outbox). Delivery runs the
 * real {@code DigestSender} (rendering with jte, Jakarta Mail) with the configured threads (1) and
 * with 2, first to GreenMail, then to a do-nothing SMTP sink.
 */
@EnabledIfSystemProperty(named = "paperboy.bench", matches = "true")
class DigestBenchmark {

  private static final String[] AREAS = {
    "cs.CL", "cs.LG", "cs.CV", "cs.AI", "cs.RO", "cs.CR", "cs.IR", "cs.SE", "cs.HC", "cs.DC"
  };

  @TempDir Path dir;

  @Test
  void composeAndDeliver() throws Exception {
    SharedData.require("arxiv");
    SharedData.require("hf-daily");
    int subscribers = Integer.getInteger("paperboy.bench.subscribers", 100_000);
    int send = Integer.getInteger("paperboy.bench.send", 5_000);
    LocalDate day = LocalDate.parse(System.getProperty("paperboy.bench.day", "2026-06-16"));
    Path data = dir.resolve("data");
    prepareData(data);
    line(
        "digest benchmark: %,d subscribers, edition of %s, %d cores, Java %s, load %s",
        subscribers, day, Runtime.getRuntime().availableProcessors(), Runtime.version(), load());

    GreenMail greenMail =
        new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    greenMail.start();
    try {
      try (AppContext app = AppContext.open(config(data, greenMail.getSmtp().getPort()))) {
        if (app.indexNeedsRebuild()) {
          // A copied data directory whose index predates the current index schema opens empty;
          // alerts search the index, so without this they would silently match nothing.
          long ti = System.nanoTime();
          long n = Reindexer.rebuild(app.store(), app.index(), (done, total) -> {});
          line("rebuilt the empty search index from the store: %,d papers in %.1f s", n, secs(ti));
        }
        long t0 = System.nanoTime();
        Population pop = seed(app, subscribers, day);
        line(
            "seeded in %.1f s: %,d subscribers, %,d accounts with %,d upvotes and %,d saved"
                + " papers, %,d \"not interested\" marks, %,d alerts",
            secs(t0),
            subscribers,
            pop.accounts,
            pop.upvotes,
            pop.saves,
            pop.dismissals,
            pop.alerts);

        Edition edition = app.editionPlanner().daily(day, app.clock().instant()).orElseThrow();
        assertThat(edition.quiet()).as("%s must be an announcement day", day).isFalse();
        EditionBuilder builder = app.editionBuilder();

        // TF-IDF weights are fitted once a day over the whole store (shared with "For you").
        Cpu fit = Cpu.start();
        app.pickVectors().vectorsOf(app.store().findPapers(List.of(pop.anyPaper)));
        line("TF-IDF fit over the store (once a day): %s", fit.stop());

        Cpu compose = Cpu.start();
        EditionBuilder.Report r = builder.build(edition, n -> {});
        Cpu.Result c = compose.stop();
        line(
            "COMPOSE %,d editions (%,d queued, %,d with nothing to send; %,d candidate papers):"
                + " %s, %,.0f subscribers/s",
            r.composed(), r.queued(), r.skipped(), r.candidates(), c, r.composed() / c.wall());
        assertThat(r.composed()).isEqualTo(subscribers);
        long withAlerts = sectionCounts(app, edition);
        if (pop.alerts > 0) {
          assertThat(withAlerts)
              .as("digests with alerts (is the search index empty?)")
              .isPositive();
        }
        likesRead(app);
      }

      // Delivery with one sending thread, then with two (the default of digest.threads).
      deliver(data, greenMail.getSmtp().getPort(), "GreenMail 2.1", 1, send, greenMail);
      deliver(data, greenMail.getSmtp().getPort(), "GreenMail 2.1", 2, send, greenMail);
      greenMail.reset();
    } finally {
      greenMail.stop();
    }
    try (SmtpSink sink = new SmtpSink()) {
      deliver(data, sink.port(), "a do-nothing SMTP sink", 1, 4 * send, null);
      deliver(data, sink.port(), "a do-nothing SMTP sink", 2, 4 * send, null);
      line(
          "  (sink: %,d messages, %.1f KB on average)",
          sink.messages.get(), sink.bytes.get() / 1024.0 / Math.max(1, sink.messages.get()));
    }
  }

  /** Sends up to {@code max} queued digests through the configured sender; prints the rate. */
  private void deliver(
      Path data, int port, String server, int threads, int max, GreenMail greenMail) {
    Map<String, String> extra = Map.of("digest.threads", Integer.toString(threads));
    try (AppContext app = AppContext.open(config(data, port, extra))) {
      AtomicLong handed = new AtomicLong();
      Mailer counting = new CountingMailer(app.mailer(), handed);
      var sender =
          new dev.paperboy.core.digest.DigestSender(
              app.outbox(),
              app.editionStore(),
              counting,
              app.digestMessages(),
              app.senderSettings(),
              app.clock());
      int before = greenMail == null ? 0 : greenMail.getReceivedMessages().length;
      String loadBefore = load();
      Cpu cpu = Cpu.start();
      SendReport rep = sender.drain(() -> handed.get() < max);
      Cpu.Result res = cpu.stop();
      line(
          "DELIVER to %s, %d thread(s): %,d sent, %,d retried, %,d failed: %s, %,.0f messages/s"
              + " (%.2f ms CPU per message; load before %s)",
          server,
          threads,
          rep.sent(),
          rep.retried(),
          rep.failed(),
          res,
          rep.sent() / res.wall(),
          res.cpu() * 1000 / Math.max(1, rep.sent()),
          loadBefore);
      if (greenMail != null) {
        assertThat(greenMail.waitForIncomingEmail(60_000, before + (int) rep.sent())).isTrue();
      }
      OutboxCounts counts = app.outbox().counts(null);
      line("  outbox now: %s", counts);
    }
  }

  private static Config config(Path data, int smtpPort) {
    return config(data, smtpPort, Map.of());
  }

  private static Config config(Path data, int smtpPort, Map<String, String> extra) {
    Map<String, String> s = new HashMap<>();
    s.put("server.base.url", "https://papers.example");
    s.put("mail.smtp.host", "127.0.0.1");
    s.put("mail.smtp.port", Integer.toString(smtpPort));
    s.put("mail.smtp.tls", "none");
    s.put("mail.from", "digest@papers.example");
    s.put("search.semantic", "false");
    s.putAll(extra);
    return Config.load(data, null, Map.of(), s);
  }

  /** A copy of {@code paperboy.bench.data}, or an import of the shared data into {@code data}. */
  private static void prepareData(Path data) throws IOException {
    String given = System.getProperty("paperboy.bench.data");
    long t0 = System.nanoTime();
    if (given != null) {
      Path from = Path.of(given);
      if (!Files.isRegularFile(from.resolve("paperboy.db"))) {
        throw new IllegalArgumentException(
            "paperboy.bench.data: no paperboy.db in " + from + " (make it with paperboy import)");
      }
      try (Stream<Path> files = Files.walk(from)) {
        for (Path p : files.toList()) {
          Path to = data.resolve(from.relativize(p).toString());
          if (Files.isDirectory(p)) {
            Files.createDirectories(to);
          } else {
            Files.copy(p, to);
          }
        }
      }
      line("copied %s in %.1f s", from, secs(t0));
      return;
    }
    List<String> args = new ArrayList<>(List.of("import", "--data", data.toString()));
    try (Stream<Path> files = Files.list(SharedData.require("arxiv"))) {
      files
          .filter(p -> p.getFileName().toString().endsWith(".jsonl.gz"))
          .sorted()
          .forEach(p -> args.add(p.toString()));
    }
    args.add(SharedData.require("hf-daily").resolve("hf-daily-papers-by-date.jsonl.gz").toString());
    int code = Main.commandLine().execute(args.toArray(String[]::new));
    assertThat(code).as("paperboy import exit code").isZero();
    line("imported the shared data in %.1f s", secs(t0));
  }

  private record Population(
      int accounts, long upvotes, long saves, long dismissals, long alerts, ArxivId anyPaper) {}

  /** Subscribers, accounts with likes, and alerts, written in one transaction. */
  private static Population seed(AppContext app, int subscribers, LocalDate day)
      throws IOException {
    Random random = new Random(20261128L);
    // The papers accounts like: those listed in the 60 days before the edition, by primary area.
    Map<String, List<ArxivId>> byArea = new LinkedHashMap<>();
    Set<ArxivId> listed = new LinkedHashSet<>();
    EntryQuery before = EntryQuery.between(day.minusDays(60), day.minusDays(1));
    for (int offset = 0; ; offset += PaperStore.MAX_PAGE) {
      List<DailyEntry> page =
          app.store().entries(before, EntryOrder.NEWEST, offset, PaperStore.MAX_PAGE);
      page.forEach(e -> listed.add(e.paperId()));
      if (page.size() < PaperStore.MAX_PAGE) {
        break;
      }
    }
    List<ArxivId> all = new ArrayList<>(listed);
    for (int i = 0; i < all.size(); i += 500) {
      for (Paper p : app.store().findPapers(all.subList(i, Math.min(all.size(), i + 500)))) {
        if (!p.categories().isEmpty()) {
          byArea.computeIfAbsent(p.categories().get(0), k -> new ArrayList<>()).add(p.id());
        }
      }
    }
    List<String> areas = new ArrayList<>();
    for (String a : AREAS) {
      if (byArea.getOrDefault(a, List.of()).size() >= 50) {
        areas.add(a);
      }
    }
    assertThat(areas).as("areas with papers before %s", day).isNotEmpty();
    List<String> queries = new ArrayList<>();
    for (String l :
        Files.readAllLines(SharedData.root().resolve("s2-queries").resolve("s2_query.json"))) {
      int q = l.indexOf("\"query\": \"");
      if (q >= 0) {
        queries.add(l.substring(q + 10, l.indexOf('"', q + 10)));
      }
    }
    assertThat(queries).isNotEmpty();

    Instant now = app.clock().instant();
    Instant editionTime = day.atTime(7, 0).toInstant(ZoneOffset.UTC);
    int accounts = subscribers / 5;
    long[] counts = new long[4];
    // Its own sequence, so the rest of the population stays what earlier runs measured.
    Random dismissing = new Random(20261129L);
    Dialect dialect = app.database().dialect();
    app.database()
        .inTransaction(
            conn -> {
              Map<ArxivId, Integer> votesPerPaper = new HashMap<>();
              try (PreparedStatement user =
                      conn.prepareStatement(
                          "INSERT INTO app_user (id, email, email_key, display_name, role,"
                              + " created_at) VALUES (?, ?, ?, ?, 'user', ?)");
                  PreparedStatement vote =
                      conn.prepareStatement(
                          "INSERT INTO vote (user_id, paper_id, created_at) VALUES (?, ?, ?)");
                  PreparedStatement save =
                      conn.prepareStatement(
                          "INSERT INTO saved_paper (user_id, paper_id, state, note, saved_at)"
                              + " VALUES (?, ?, 'to-read', '', ?)");
                  PreparedStatement dismiss =
                      conn.prepareStatement(
                          "INSERT INTO not_interested (user_id, paper_id, created_at)"
                              + " VALUES (?, ?, ?)");
                  PreparedStatement sub =
                      conn.prepareStatement(
                          "INSERT INTO digest_subscription (id, email, email_key, status, user_id,"
                              + " cadence, content, categories, quiet_days, paused, recent_papers,"
                              + " created_at, confirmed_at, updated_at)"
                              + " VALUES (?, ?, ?, 'active', ?, 'daily', ?, ?, 'note', ?, '', ?,"
                              + " ?, ?)");
                  PreparedStatement alert =
                      conn.prepareStatement(
                          "INSERT INTO digest_alert (subscription_id, query_key, query, created_at)"
                              + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                for (int i = 0; i < subscribers; i++) {
                  EmailAddress email = new EmailAddress("reader" + i + "@bench.example");
                  UserId uid = null;
                  String area = areas.get(random.nextInt(areas.size()));
                  if (i < accounts) {
                    uid = UserId.random();
                    user.setString(1, uid.value());
                    user.setString(2, email.value());
                    user.setString(3, User.emailKey(email));
                    user.setString(4, User.defaultDisplayName(uid));
                    dialect.setInstant(user, 5, now);
                    user.addBatch();
                    List<ArxivId> pool = byArea.get(area);
                    int likes = 5 + random.nextInt(36);
                    Set<ArxivId> chosen = new LinkedHashSet<>();
                    while (chosen.size() < Math.min(likes, pool.size())) {
                      chosen.add(pool.get(random.nextInt(pool.size())));
                    }
                    for (ArxivId p : chosen) {
                      Instant at = editionTime.minusSeconds(60L + random.nextInt(60 * 86_400));
                      int kind = random.nextInt(3); // upvote, save, or both
                      if (kind != 1) {
                        vote.setString(1, uid.value());
                        vote.setString(2, p.value());
                        dialect.setInstant(vote, 3, at);
                        vote.addBatch();
                        votesPerPaper.merge(p, 1, Integer::sum);
                        counts[0]++;
                      }
                      if (kind != 0) {
                        save.setString(1, uid.value());
                        save.setString(2, p.value());
                        dialect.setInstant(save, 3, at);
                        save.addBatch();
                        counts[1]++;
                      }
                    }
                    // A third of the accounts marked 1..5 papers of their area "not interested".
                    if (dismissing.nextInt(3) == 0) {
                      Set<ArxivId> no = new LinkedHashSet<>();
                      int n = 1 + dismissing.nextInt(5);
                      for (int k = 0; k < 4 * n && no.size() < n; k++) {
                        ArxivId p = pool.get(dismissing.nextInt(pool.size()));
                        if (!chosen.contains(p)) {
                          no.add(p);
                        }
                      }
                      for (ArxivId p : no) {
                        dismiss.setString(1, uid.value());
                        dismiss.setString(2, p.value());
                        dialect.setInstant(
                            dismiss, 3, editionTime.minusSeconds(60L + dismissing.nextInt(86_400)));
                        dismiss.addBatch();
                        counts[3]++;
                      }
                    }
                  }
                  SubscriptionId sid = SubscriptionId.random();
                  sub.setString(1, sid.value());
                  sub.setString(2, email.value());
                  sub.setString(3, User.emailKey(email));
                  sub.setString(4, uid == null ? null : uid.value());
                  boolean trendingOnly = random.nextInt(100) < 15;
                  sub.setString(5, trendingOnly ? "trending" : "alerts,picks,trending");
                  String cats = "";
                  if (random.nextBoolean()) {
                    Set<String> cs = new LinkedHashSet<>(List.of(area));
                    int more = random.nextInt(3);
                    for (int k = 0; k < more; k++) {
                      cs.add(areas.get(random.nextInt(areas.size())));
                    }
                    cats = String.join(" ", cs);
                  }
                  sub.setString(6, cats);
                  sub.setBoolean(7, false);
                  dialect.setInstant(sub, 8, now);
                  dialect.setInstant(sub, 9, now);
                  dialect.setInstant(sub, 10, now);
                  sub.addBatch();
                  if (random.nextInt(10) == 0) {
                    int n = 1 + random.nextInt(3);
                    for (int k = 0; k < n; k++) {
                      Alert a =
                          new Alert(sid, queries.get(random.nextInt(queries.size())), editionTime);
                      alert.setString(1, sid.value());
                      alert.setString(2, a.key());
                      alert.setString(3, a.query());
                      dialect.setInstant(alert, 4, a.createdAt());
                      alert.addBatch();
                      counts[2]++;
                    }
                  }
                  if (i % 2000 == 1999) {
                    user.executeBatch();
                    vote.executeBatch();
                    save.executeBatch();
                    dismiss.executeBatch();
                    sub.executeBatch();
                    alert.executeBatch();
                  }
                }
                user.executeBatch();
                vote.executeBatch();
                save.executeBatch();
                dismiss.executeBatch();
                sub.executeBatch();
                alert.executeBatch();
              }
              // Local vote totals, kept as JdbcVoteStore keeps them.
              try (PreparedStatement pv =
                  conn.prepareStatement(
                      "INSERT INTO paper_vote (paper_id, votes) VALUES (?, ?)"
                          + " ON CONFLICT (paper_id) DO UPDATE SET votes = paper_vote.votes"
                          + " + excluded.votes")) {
                for (Map.Entry<ArxivId, Integer> e : votesPerPaper.entrySet()) {
                  pv.setString(1, e.getKey().value());
                  pv.setInt(2, e.getValue());
                  pv.addBatch();
                }
                pv.executeBatch();
              }
              return null;
            });
    // The seeded rows read back through the real stores as the product sees them.
    var sample = app.subscriptions().findByEmail(new EmailAddress("reader0@bench.example"));
    assertThat(sample).isPresent();
    assertThat(sample.get().status().name()).isEqualToIgnoringCase("active");
    assertThat(app.likedPapers().likesOf(sample.get().user(), 100)).isNotEmpty();
    return new Population(accounts, counts[0], counts[1], counts[3], counts[2], all.get(0));
  }

  /** How many queued digests hold each section. */
  private static long sectionCounts(AppContext app, Edition edition) {
    long[] withAlerts = {0};
    app.database()
        .read(
            conn -> {
              StringBuilder b = new StringBuilder("  digests with");
              for (String s : List.of("alerts", "picks", "trending")) {
                try (PreparedStatement ps =
                    conn.prepareStatement(
                        "SELECT COUNT(*) FROM digest_delivery WHERE edition_id = ?"
                            + " AND status = 'queued' AND content LIKE ?")) {
                  ps.setString(1, edition.id().value());
                  ps.setString(2, "%\"" + s + "\"%");
                  try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    b.append(String.format(Locale.ROOT, " %s: %,d", s, rs.getLong(1)));
                    if (s.equals("alerts")) {
                      withAlerts[0] = rs.getLong(1);
                    }
                  }
                }
              }
              line("%s", b);
              return null;
            });
    return withAlerts[0];
  }

  /**
   * The read of the likes alone, as the builder reads them: per page of {@link EditionBuilder#PAGE}
   * subscribers, the likes of the accounts that want picks, in bulk (one query per source and chunk
   * of users) and, for comparison, per user (three queries each). Both must give the same likes.
   */
  private static void likesRead(AppContext app) {
    List<List<UserId>> pages =
        app.database()
            .read(
                conn -> {
                  List<List<UserId>> out = new ArrayList<>();
                  List<UserId> page = new ArrayList<>();
                  int inPage = 0;
                  try (PreparedStatement ps =
                          conn.prepareStatement(
                              "SELECT user_id, content FROM digest_subscription ORDER BY id");
                      ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                      String user = rs.getString(1);
                      if (user != null && rs.getString(2).contains("picks")) {
                        page.add(new UserId(user));
                      }
                      if (++inPage == EditionBuilder.PAGE) {
                        out.add(page);
                        page = new ArrayList<>();
                        inPage = 0;
                      }
                    }
                  }
                  if (inPage > 0) {
                    out.add(page);
                  }
                  return out;
                });
    LikedPapers likes = app.likedPapers();
    int n = EditionBuilder.LIKES_PER_USER;
    int readers = pages.stream().mapToInt(List::size).sum();
    Map<UserId, List<Like>> bulk = new HashMap<>();
    Cpu inBulk = Cpu.start();
    for (List<UserId> page : pages) {
      bulk.putAll(likes.likesOf(page, n));
    }
    Cpu.Result b = inBulk.stop();
    long total = bulk.values().stream().mapToLong(List::size).sum();
    Map<UserId, List<Like>> each = new HashMap<>();
    Cpu perUser = Cpu.start();
    for (List<UserId> page : pages) {
      for (UserId u : page) {
        each.put(u, likes.likesOf(u, n));
      }
    }
    Cpu.Result e = perUser.stop();
    each.values().removeIf(List::isEmpty);
    assertThat(bulk).as("the likes read in bulk are those read per user").isEqualTo(each);
    line(
        "LIKES of %,d accounts wanting picks (%,d likes), %,d pages of %,d subscribers: in bulk"
            + " (%,d queries, 3 per page of fewer than 500 such accounts) %s; per user (%,d"
            + " queries) %s",
        readers,
        total,
        pages.size(),
        EditionBuilder.PAGE,
        3 * pages.stream().filter(p -> !p.isEmpty()).count(),
        b,
        3 * readers,
        e);
  }

  private static double secs(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static String load() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return String.format(
          Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  private static void line(String format, Object... args) {
    System.out.printf(Locale.ROOT, format + "%n", args);
    System.out.flush();
  }

  /** Wall and process CPU time (every thread of this JVM, GC and JIT included) of one phase. */
  private record Cpu(long wall0, long cpu0) {
    record Result(double wall, double cpu, String load) {
      @Override
      public String toString() {
        return String.format(Locale.ROOT, "%.2f s wall, %.2f s CPU (load %s)", wall, cpu, load);
      }
    }

    static Cpu start() {
      return new Cpu(System.nanoTime(), processCpu());
    }

    Result stop() {
      return new Result(
          (System.nanoTime() - wall0) / 1e9, (processCpu() - cpu0) / 1e9, DigestBenchmark.load());
    }

    static long processCpu() {
      return ((com.sun.management.OperatingSystemMXBean)
              ManagementFactory.getOperatingSystemMXBean())
          .getProcessCpuTime();
    }
  }

  /** Counts messages handed to the mail system, so a drain can stop after a number of them. */
  private record CountingMailer(Mailer inner, AtomicLong handed) implements Mailer {
    @Override
    public SendReceipt send(OutgoingMessage message) throws MailException {
      SendReceipt r = inner.send(message);
      handed.incrementAndGet();
      return r;
    }

    @Override
    public String describe() {
      return inner.describe();
    }

    @Override
    public void close() {
      inner.close();
    }
  }

  /**
   * An SMTP server that accepts every message and keeps nothing (RFC 5321 commands answered with
   * 250, DATA read to the lone dot): the client side's ceiling.
   */
  private static final class SmtpSink implements AutoCloseable {
    final ServerSocket server;
    final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
    final AtomicLong messages = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();

    SmtpSink() throws IOException {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      pool.submit(this::accept);
    }

    int port() {
      return server.getLocalPort();
    }

    private Void accept() {
      while (!server.isClosed()) {
        try {
          Socket s = server.accept();
          pool.submit(() -> talk(s));
        } catch (IOException e) {
          return null;
        }
      }
      return null;
    }

    private Void talk(Socket socket) throws IOException {
      try (socket) {
        socket.setTcpNoDelay(true);
        InputStream in = new BufferedInputStream(socket.getInputStream(), 65_536);
        OutputStream out = new BufferedOutputStream(socket.getOutputStream());
        reply(out, "220 sink ESMTP");
        String l;
        while ((l = readLine(in)) != null) {
          String cmd = l.length() >= 4 ? l.substring(0, 4).toUpperCase(Locale.ROOT) : l;
          switch (cmd) {
            case "EHLO" -> reply(out, "250-sink\r\n250 8BITMIME");
            case "DATA" -> {
              reply(out, "354 go ahead");
              bytes.addAndGet(skipData(in));
              messages.incrementAndGet();
              reply(out, "250 2.0.0 Ok");
            }
            case "QUIT" -> {
              reply(out, "221 2.0.0 Bye");
              return null;
            }
            default -> reply(out, "250 2.0.0 Ok");
          }
        }
      }
      return null;
    }

    private static void reply(OutputStream out, String text) throws IOException {
      out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }

    /**
     * Reads message data up to and including the lone dot (RFC 5321 section 4.1.1.4: CRLF . CRLF),
     * in bulk, so the sink costs little next to the client it measures; returns the bytes read.
     */
    private static long skipData(InputStream in) throws IOException {
      byte[] end = {'\r', '\n', '.', '\r', '\n'};
      byte[] buf = new byte[65_536];
      int matched = 2; // the data starts at the beginning of a line
      long total = 0;
      int n;
      while ((n = in.read(buf)) > 0) {
        total += n;
        for (int i = 0; i < n; i++) {
          byte b = buf[i];
          if (b == end[matched]) {
            matched++;
          } else {
            matched = b == '\r' ? 1 : 0;
          }
          if (matched == end.length) {
            return total;
          }
        }
      }
      return total;
    }

    private static String readLine(InputStream in) throws IOException {
      StringBuilder b = new StringBuilder(128);
      int c;
      while ((c = in.read()) != -1) {
        if (c == '\n') {
          int n = b.length();
          if (n > 0 && b.charAt(n - 1) == '\r') {
            b.setLength(n - 1);
          }
          return b.toString();
        }
        b.append((char) c);
      }
      return b.isEmpty() ? null : b.toString();
    }

    @Override
    public void close() throws IOException {
      server.close();
      pool.shutdownNow();
    }
  }
}
