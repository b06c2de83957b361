package dev.paperboy.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import dev.paperboy.app.AppContext;
import dev.paperboy.app.Main;
import dev.paperboy.app.config.Config;
import dev.paperboy.core.digest.DeliveryStatus;
import dev.paperboy.core.digest.Edition;
import dev.paperboy.core.digest.EditionId;
import dev.paperboy.core.digest.Subscription;
import dev.paperboy.core.jobs.Lease;
import dev.paperboy.core.mail.EmailAddress;
import dev.paperboy.digest.DigestScheduler;
import dev.paperboy.store.Database;
import dev.paperboy.store.JdbcLeases;
import dev.paperboy.store.PostgresCluster;
import dev.paperboy.store.PostgresExtension;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A digest edition started by one app node and finished by another: node A ({@code paperboy serve}
 * in its own JVM) takes the {@code digest} job lease, builds the edition and starts sending it;
 * node B ({@code serve} in this JVM, on the same PostgreSQL) skips its checks while A holds the
 * lease. A is killed with SIGKILL while a message is in flight; once A's lease lapses, B takes the
 * job over and sends the rest. Every subscriber gets the edition, under one Message-ID each, and
 * the only copies are of messages in flight at the kill.
 */
@ExtendWith(PostgresExtension.class)
class MultiNodeDigestTest {
  static final int SUBSCRIBERS = 300;
  static final String EDITION = "daily-2026-03-03";
  private static final int HOLD = 0;
  private static final int AFTER_KILL = 1;
  private static final int RESTARTED = 2;

  @TempDir Path dirA;
  @TempDir Path dirB;

  private static Map<String, String> node(DigestHarness mail, String url, String name) {
    Map<String, String> s = mail.settings();
    s.put("store.url", url);
    s.put("store.user", PostgresCluster.USER);
    s.put("node.name", name);
    s.put("jobs.lease.ttl", "5s");
    s.put("digest.poll", "1s");
    s.put("digest.lease", "8s");
    s.put("digest.threads", "2");
    s.put("digest.batch", "10");
    s.put("digest.rate", "100");
    return s;
  }

  @Test
  void anEditionStartedOnANodeThatDiesIsFinishedByTheOther(PostgresCluster pg) throws Exception {
    String url = pg.createDatabase();
    try (DigestHarness mail = new DigestHarness()) {
      Set<String> addresses = new HashSet<>();
      Map<String, String> a = node(mail, url, "node-a");
      try (AppContext app = AppContext.open(Config.load(dirA, null, Map.of(), a))) {
        DigestHarness.papers(app);
        for (int i = 0; i < SUBSCRIBERS; i++) {
          String address = "reader" + i + "@example.org";
          Subscription sub =
              app.subscriptions()
                  .findOrCreate(EmailAddress.parse("e", address), null, app.clock().instant());
          app.subscriptions().confirm(sub.id(), app.clock().instant());
          addresses.add(address);
        }
        // Tuesday's edition is due but not built: the first node's scheduler to check builds it
        // (an edition whose build has not finished is built whatever its day).
        Edition e =
            app.editionPlanner().daily(DigestHarness.TUE, app.clock().instant()).orElseThrow();
        app.editionStore().createEdition(e);
      }

      // GreenMail holds the message after the 100th before its "250 OK": node A is mid-send.
      UserManager users = mail.greenMail.getUserManager();
      MessageDeliveryHandler normal = users.getMessageDeliveryHandler();
      AtomicInteger phase = new AtomicInteger(HOLD);
      AtomicInteger arrivals = new AtomicInteger();
      CountDownLatch release = new CountDownLatch(1);
      Set<String> inFlight = ConcurrentHashMap.newKeySet();
      users.setMessageDeliveryHandler(
          (message, to) -> {
            int p = phase.get();
            if (p == HOLD && arrivals.incrementAndGet() > 100) {
              inFlight.add(message.getMessage().getMessageID());
              try {
                release.await();
              } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
              }
            } else if (p == AFTER_KILL) {
              inFlight.add(message.getMessage().getMessageID());
            }
            return normal.handle(message, to);
          });

      Process nodeA = serve(dirA, a);
      try (Database db = Database.postgres(url, PostgresCluster.USER, null)) {
        JdbcLeases leases = new JdbcLeases(db, Clock.systemUTC());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (inFlight.isEmpty() && nodeA.isAlive() && System.nanoTime() < deadline) {
          Thread.sleep(10);
        }
        assertThat(inFlight).as("node A is sending (see %s)", dirA.resolve("node.log")).hasSize(1);

        Map<String, String> b = node(mail, url, "node-b");
        try (ServeCommand.Served nodeB = ServeCommand.open(Config.load(dirB, null, Map.of(), b))) {
          // Node B checks every second but A holds the digest lease: B sends nothing.
          Thread.sleep(2500);
          Lease held = leases.current(DigestScheduler.JOB).orElseThrow();
          assertThat(held.holder()).startsWith("node-a:");
          int atKill = mail.received().length;
          assertThat(atKill).isEqualTo(100);
          assertThat(sentBy(db)).containsOnlyKeys(held.holder()).containsValue(100L);

          nodeA.destroyForcibly(); // SIGKILL
          assertThat(nodeA.waitFor(30, TimeUnit.SECONDS)).isTrue();
          assertThat(nodeA.exitValue()).as("killed by signal 9").isEqualTo(128 + 9);
          phase.set(AFTER_KILL);
          release.countDown();
          int seen = -1;
          while (mail.received().length != seen) {
            seen = mail.received().length;
            Thread.sleep(300);
          }
          phase.set(RESTARTED);
          assertThat(inFlight.size()).as("in flight at the kill").isBetween(1, 2);

          // A's lease lapses (5 s), B takes the job; A's claims run out (8 s), B sends them too.
          deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
          while (pending(nodeB.app()) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
          }
          assertThat(pending(nodeB.app())).as("node B finished the edition").isZero();
          Lease now = leases.current(DigestScheduler.JOB).orElse(null);
          // B releases the lease after each check; if it is mid-check, it is B's.
          Optional.ofNullable(now).ifPresent(l -> assertThat(l.holder()).startsWith("node-b:"));
          Map<String, Long> bySender = sentBy(db);
          assertThat(bySender.keySet())
              .hasSize(2)
              .anyMatch(k -> k.startsWith("node-a:"))
              .anyMatch(k -> k.startsWith("node-b:"));
          assertThat(bySender.values().stream().mapToLong(Long::longValue).sum())
              .isEqualTo(SUBSCRIBERS);
          assertThat(nodeB.app().outbox().counts(new EditionId(EDITION)).get(DeliveryStatus.SENT))
              .isEqualTo(SUBSCRIBERS);
        }
      } finally {
        nodeA.destroyForcibly();
      }

      // Every subscriber got the edition once, under its own Message-ID; copies only of the
      // messages in flight at the kill.
      Map<String, List<MimeMessage>> byId = new HashMap<>();
      Set<String> recipients = new HashSet<>();
      for (MimeMessage m : mail.received()) {
        if (!m.getMessageID().startsWith("<digest." + EDITION + ".")) {
          continue; // an edition of the real today, should the test run at 23:59:59 UTC
        }
        byId.computeIfAbsent(m.getMessageID(), k -> new ArrayList<>()).add(m);
        recipients.add(m.getAllRecipients()[0].toString());
      }
      assertThat(byId).hasSize(SUBSCRIBERS);
      assertThat(recipients).isEqualTo(addresses);
      Set<String> doubled = new HashSet<>();
      byId.forEach(
          (id, copies) -> {
            assertThat(copies).as(id).hasSizeBetween(1, 2);
            if (copies.size() == 2) {
              doubled.add(id);
            }
          });
      assertThat(doubled).isEqualTo(inFlight);
      System.out.println(
          "multi-node digest: "
              + SUBSCRIBERS
              + " subscribers, node A killed after 100 with "
              + inFlight.size()
              + " in flight; node B finished; "
              + doubled.size()
              + " copies (all of in-flight messages)");
    }
  }

  private static long pending(AppContext app) {
    return app.outbox().counts(new EditionId(EDITION)).pending();
  }

  /** Sent rows per claiming process. */
  private static Map<String, Long> sentBy(Database db) {
    return db.read(
        c -> {
          Map<String, Long> out = new HashMap<>();
          try (Statement st = c.createStatement();
              ResultSet rs =
                  st.executeQuery(
                      "SELECT claimed_by, COUNT(*) FROM digest_delivery WHERE status = 'sent'"
                          + " GROUP BY claimed_by")) {
            while (rs.next()) {
              out.put(rs.getString(1), rs.getLong(2));
            }
          }
          return out;
        });
  }

  /** {@code paperboy serve} in its own JVM, with the settings in a config file. */
  private static Process serve(Path dir, Map<String, String> settings) throws Exception {
    Path config = dir.resolve("node.properties");
    StringBuilder props = new StringBuilder();
    settings.forEach((k, v) -> props.append(k).append('=').append(v).append('\n'));
    Files.writeString(config, props.toString());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "--enable-native-access=ALL-UNNAMED",
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "serve",
            "--data",
            dir.toString(),
            "--config",
            config.toString())
        .redirectErrorStream(true)
        .redirectOutput(
            ProcessBuilder.Redirect.appendTo(new File(dir.resolve("node.log").toString())))
        .start();
  }
}
