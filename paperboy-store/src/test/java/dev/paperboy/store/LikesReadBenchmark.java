package dev.paperboy.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.account.User;
import dev.paperboy.core.account.UserId;
import dev.paperboy.core.digest.EditionBuilder;
import dev.paperboy.core.library.ProfileLikes;
import dev.paperboy.core.mail.EmailAddress;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.DailyEntry;
import dev.paperboy.core.paper.EntrySource;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.recommend.Like;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read of digest subscribers' likes alone, on SQLite and on PostgreSQL (a local cluster, so
 * over loopback: a real network adds its round trip to each of the per-user path's statements). The
 * population is the digest benchmark's: 20,000 accounts that upvoted or saved 5..40 of 2,000 papers
 * (a third both), 5% of them reset their profile; the digest reads them per page of 1,000
 * subscribers, of whom a fifth have an account, so in pages of 200 accounts. Reported, never
 * asserted (it asserts only that both paths read the same likes). Runs only when asked:
 *
 * <pre>
 * mvn -B -o -pl paperboy-core,paperboy-store verify -Dtest=LikesReadBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dpaperboy.bench=true
 * </pre>
 */
@EnabledIfSystemProperty(named = "paperboy.bench", matches = "true")
class LikesReadBenchmark {
  static final int ACCOUNTS = 20_000;
  static final int PAPERS = 2_000;
  static final int PAGE = EditionBuilder.PAGE / 5;
  static final Instant T0 = Instant.parse("2026-06-16T07:00:00Z");

  @Test
  void sqlite(@TempDir Path dir) {
    try (Database db = Database.sqlite(dir.resolve("likes.db"))) {
      run(db, "SQLite");
    }
  }

  @Test
  @ExtendWith(PostgresExtension.class)
  void postgres(PostgresCluster pg) {
    try (Database db = pg.newDatabase()) {
      run(db, "PostgreSQL (loopback)");
    }
  }

  private static void run(Database db, String name) {
    List<UserId> accounts = seed(db);
    List<List<UserId>> pages = new ArrayList<>();
    for (int i = 0; i < accounts.size(); i += PAGE) {
      pages.add(accounts.subList(i, Math.min(accounts.size(), i + PAGE)));
    }
    ProfileLikes likes = new ProfileLikes(new JdbcLibraryStore(db), new JdbcVoteStore(db));
    int n = EditionBuilder.LIKES_PER_USER;
    for (int round = 1; round <= 3; round++) {
      Map<UserId, List<Like>> bulk = new HashMap<>();
      long w0 = System.nanoTime();
      long c0 = cpu();
      for (List<UserId> page : pages) {
        bulk.putAll(likes.likesOf(page, n));
      }
      double bulkWall = (System.nanoTime() - w0) / 1e9;
      double bulkCpu = (cpu() - c0) / 1e9;
      Map<UserId, List<Like>> each = new HashMap<>();
      w0 = System.nanoTime();
      c0 = cpu();
      for (UserId u : accounts) {
        List<Like> l = likes.likesOf(u, n);
        if (!l.isEmpty()) {
          each.put(u, l);
        }
      }
      double eachWall = (System.nanoTime() - w0) / 1e9;
      double eachCpu = (cpu() - c0) / 1e9;
      assertThat(bulk).isEqualTo(each);
      System.out.printf(
          Locale.ROOT,
          "%s, round %d: likes of %,d accounts (%,d likes) in %,d pages of %d: in bulk (%,d"
              + " queries) %.2f s wall, %.2f s CPU; per user (%,d queries) %.2f s wall, %.2f s"
              + " CPU (load %s)%n",
          name,
          round,
          accounts.size(),
          bulk.values().stream().mapToLong(List::size).sum(),
          pages.size(),
          PAGE,
          3 * pages.size(),
          bulkWall,
          bulkCpu,
          3 * accounts.size(),
          eachWall,
          eachCpu,
          load());
    }
  }

  /** Papers, accounts, likes and resets, written in one transaction; the accounts' ids. */
  private static List<UserId> seed(Database db) {
    JdbcPaperStore papers = new JdbcPaperStore(db);
    List<Paper> ps = new ArrayList<>();
    List<DailyEntry> es = new ArrayList<>();
    for (int i = 0; i < PAPERS; i++) {
      ArxivId id = ArxivId.parse(String.format(Locale.ROOT, "2605.%05d", i + 1));
      ps.add(Paper.builder(id, "Paper " + i).abstractText("About " + i).build());
      es.add(new DailyEntry(LocalDate.of(2026, 5, 1), id, EntrySource.ARXIV, null, 0, null));
    }
    papers.upsertPapers(ps);
    papers.upsertEntries(es);
    Random random = new Random(20261129L);
    Dialect dialect = db.dialect();
    List<UserId> out = new ArrayList<>();
    db.inTransaction(
        conn -> {
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
              PreparedStatement reset =
                  conn.prepareStatement(
                      "INSERT INTO taste_reset (user_id, reset_at) VALUES (?, ?)")) {
            for (int i = 0; i < ACCOUNTS; i++) {
              UserId uid = UserId.random();
              out.add(uid);
              EmailAddress email = EmailAddress.parse("email", "reader" + i + "@bench.example");
              user.setString(1, uid.value());
              user.setString(2, email.value());
              user.setString(3, User.emailKey(email));
              user.setString(4, "reader " + i);
              dialect.setInstant(user, 5, T0);
              user.addBatch();
              Set<Integer> chosen = new LinkedHashSet<>();
              int likes = 5 + random.nextInt(36);
              while (chosen.size() < likes) {
                chosen.add(random.nextInt(PAPERS));
              }
              for (int p : chosen) {
                String paper = ps.get(p).id().value();
                Instant at = T0.minusSeconds(60L + random.nextInt(60 * 86_400));
                int kind = random.nextInt(3); // upvote, save, or both
                if (kind != 1) {
                  vote.setString(1, uid.value());
                  vote.setString(2, paper);
                  dialect.setInstant(vote, 3, at);
                  vote.addBatch();
                }
                if (kind != 0) {
                  save.setString(1, uid.value());
                  save.setString(2, paper);
                  dialect.setInstant(save, 3, at);
                  save.addBatch();
                }
              }
              if (random.nextInt(20) == 0) {
                reset.setString(1, uid.value());
                dialect.setInstant(reset, 2, T0.minusSeconds(random.nextInt(60 * 86_400)));
                reset.addBatch();
              }
              if (i % 2000 == 1999) {
                user.executeBatch();
                vote.executeBatch();
                save.executeBatch();
                reset.executeBatch();
              }
            }
            user.executeBatch();
            vote.executeBatch();
            save.executeBatch();
            reset.executeBatch();
          }
          return null;
        });
    if (dialect == Dialect.POSTGRES) {
      // Fresh statistics, as autovacuum keeps them in a running database.
      db.inTransaction(
          conn -> {
            try (PreparedStatement analyze = conn.prepareStatement("ANALYZE")) {
              analyze.execute();
            }
            return null;
          });
    }
    return out;
  }

  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static String load() {
    return String.format(
        Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
