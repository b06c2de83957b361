package dev.paperboy.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import dev.paperboy.app.AppContext;
import dev.paperboy.app.config.Config;
import dev.paperboy.core.digest.DeliveryStatus;
import dev.paperboy.core.digest.Edition;
import dev.paperboy.core.digest.EditionBuilder;
import dev.paperboy.core.digest.Subscription;
import dev.paperboy.core.mail.EmailAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once delivery across a crash: an edition for 2,000 subscribers is sent by a separate JVM
 * (SQLite store, SMTP to GreenMail in this JVM, four sending threads), which is killed with SIGKILL
 * ({@link Process#destroyForcibly()}) while each of its threads is in the middle of a send, then
 * started again. Afterwards GreenMail must hold a message for every subscriber, exactly 2,000
 * distinct Message-IDs, and the only copies are of the messages in flight at the kill (one per
 * thread), each the same message as the first (same Message-ID, subject, text and HTML).
 */
class DigestCrashTest {
  static final int SUBSCRIBERS = 2000;
  static final int THREADS = 4;
  private static final int HOLD = 0;
  private static final int AFTER_KILL = 1;
  private static final int RESTARTED = 2;

  @TempDir Path dir;

  @Test
  void aKilledSenderResumesWithoutSkippingOrDoublingAnyone() throws Exception {
    try (DigestHarness mail = new DigestHarness()) {
      Map<String, String> s = mail.settings();
      Path configFile = dir.resolve("crash.properties");
      StringBuilder props = new StringBuilder();
      s.forEach((k, v) -> props.append(k).append('=').append(v).append('\n'));
      Files.writeString(configFile, props.toString());
      Path data = dir.resolve("data");
      Config config = Config.load(data, configFile, Map.of(), Map.of());

      Set<String> addresses = new HashSet<>();
      try (AppContext app = AppContext.open(config)) {
        DigestHarness.papers(app);
        for (int i = 0; i < SUBSCRIBERS; i++) {
          String a = "reader" + i + "@example.org";
          Subscription sub =
              app.subscriptions()
                  .findOrCreate(EmailAddress.parse("e", a), null, app.clock().instant());
          app.subscriptions().confirm(sub.id(), app.clock().instant());
          addresses.add(a);
        }
        Edition e =
            app.editionPlanner().daily(DigestHarness.TUE, app.clock().instant()).orElseThrow();
        EditionBuilder.Report r = app.editionBuilder().build(e, n -> {});
        assertThat(r.queued()).isEqualTo(SUBSCRIBERS);
      }

      // First run. Once a third has arrived, GreenMail stops answering DATA: the next message is
      // received in full but held before its "250 OK". GreenMail delivers one message at a time,
      // so the other sending threads finish their DATA and wait behind it, likewise without an
      // answer: every thread is stuck mid-send. Then the sender is killed with SIGKILL, and the
      // held messages are delivered, as by a relay that accepted them before the connection died.
      // A message delivered after the kill was handed over in full before it: in flight.
      UserManager users = mail.greenMail.getUserManager();
      MessageDeliveryHandler normal = users.getMessageDeliveryHandler();
      AtomicInteger phase = new AtomicInteger(HOLD);
      AtomicInteger arrivals = new AtomicInteger();
      CountDownLatch release = new CountDownLatch(1);
      Set<String> inFlight = ConcurrentHashMap.newKeySet();
      users.setMessageDeliveryHandler(
          (message, to) -> {
            int p = phase.get();
            if (p == HOLD && arrivals.incrementAndGet() > SUBSCRIBERS / 3) {
              inFlight.add(message.getMessage().getMessageID());
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            } else if (p == AFTER_KILL) {
              inFlight.add(message.getMessage().getMessageID());
            }
            return normal.handle(message, to);
          });
      Process first = start(data, configFile);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (inFlight.isEmpty() && first.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(inFlight).as("a message is held").hasSize(1);
      Thread.sleep(1000); // the other threads reach their DATA and wait
      int atKill = mail.received().length;
      assertThat(atKill).isEqualTo(SUBSCRIBERS / 3);
      assertThat(first.isAlive()).as("the sender is still running when it is killed").isTrue();
      first.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no finally blocks
      assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(first.exitValue()).as("killed by signal 9").isEqualTo(128 + 9);
      phase.set(AFTER_KILL);
      release.countDown();
      int seen = -1;
      while (mail.received().length != seen) {
        seen = mail.received().length;
        Thread.sleep(500);
      }
      phase.set(RESTARTED);
      assertThat(mail.received()).hasSize(atKill + inFlight.size());
      assertThat(inFlight.size()).as("in flight at the kill").isBetween(1, THREADS);
      try (AppContext app = AppContext.open(config)) {
        // Every message the mail system acknowledged was recorded before the next was started.
        assertThat(app.outbox().counts(null).get(DeliveryStatus.SENT)).isEqualTo(atKill);
      }

      // Second run: takes over the dead process's claims once they run out, sends the rest.
      Process second = start(data, configFile);
      assertThat(second.waitFor(180, TimeUnit.SECONDS))
          .as("the restarted sender finishes")
          .isTrue();
      assertThat(second.exitValue()).isZero();

      MimeMessage[] got = mail.received();
      Map<String, List<MimeMessage>> byId = new HashMap<>();
      Map<String, String> recipientOf = new HashMap<>();
      for (MimeMessage m : got) {
        String id = m.getMessageID();
        byId.computeIfAbsent(id, k -> new ArrayList<>()).add(m);
        String to = m.getAllRecipients()[0].toString();
        String before = recipientOf.put(id, to);
        assertThat(before == null || before.equals(to))
            .as("one Message-ID, one recipient")
            .isTrue();
      }
      assertThat(byId).hasSize(SUBSCRIBERS);
      assertThat(new HashSet<>(recipientOf.values())).isEqualTo(addresses);
      int duplicates = got.length - SUBSCRIBERS;
      Set<String> doubled = new HashSet<>();
      for (List<MimeMessage> copies : byId.values()) {
        if (copies.size() > 1) {
          doubled.add(copies.get(0).getMessageID());
          assertThat(copies).as("at most one copy").hasSize(2);
          for (MimeMessage c : copies) {
            assertThat(parts(c)).as("a copy is the same message").isEqualTo(parts(copies.get(0)));
            assertThat(c.getSubject()).isEqualTo(copies.get(0).getSubject());
          }
        }
      }
      // The only copies are of the messages that were in flight at the kill.
      assertThat(doubled).isEqualTo(inFlight);
      String report =
          "crash test: "
              + SUBSCRIBERS
              + " subscribers, "
              + THREADS
              + " sending threads, killed after "
              + atKill
              + " messages had arrived and "
              + inFlight.size()
              + " were in flight; GreenMail holds "
              + got.length
              + " messages, "
              + byId.size()
              + " distinct Message-IDs, "
              + duplicates
              + " duplicates (the messages in flight; at most one per thread)";
      System.out.println(report);
      Files.writeString(Path.of("target", "digest-crash-report.txt"), report + "\n");
      assertThat(duplicates).isEqualTo(inFlight.size()).isLessThanOrEqualTo(THREADS);
      try (AppContext app = AppContext.open(config)) {
        assertThat(app.outbox().counts(null).get(DeliveryStatus.SENT)).isEqualTo(SUBSCRIBERS);
        assertThat(app.outbox().counts(null).pending()).isZero();
      }
    }
  }

  /** The text and HTML parts of a digest. */
  private static List<String> parts(MimeMessage m) throws Exception {
    MimeMultipart mp = (MimeMultipart) m.getContent();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < mp.getCount(); i++) {
      out.add((String) mp.getBodyPart(i).getContent());
    }
    return out;
  }

  private static Process start(Path data, Path configFile) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd =
        List.of(
            java,
            "--enable-native-access=ALL-UNNAMED",
            "-cp",
            System.getProperty("java.class.path"),
            CrashSender.class.getName(),
            data.toString(),
            configFile.toString(),
            Integer.toString(THREADS),
            "600");
    return new ProcessBuilder(cmd)
        .redirectErrorStream(true)
        .redirectOutput(
            ProcessBuilder.Redirect.appendTo(new File(data.resolve("sender.log").toString())))
        .start();
  }
}
