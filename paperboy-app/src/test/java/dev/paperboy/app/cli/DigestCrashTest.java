package dev.paperboy.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once delivery across a crash: an edition for 2,000 subscribers is sent by a separate JVM
 * (SQLite store, SMTP to GreenMail in this JVM), which is killed with SIGKILL ({@link
 * Process#destroyForcibly()}) part-way, then started again. Afterwards GreenMail must hold a
 * message for every subscriber, exactly 2,000 distinct Message-IDs, and no more extra copies than
 * messages that can be in flight at the kill: one per sending thread. Copies must be the same
 * message (same Message-ID and body).
 */
class DigestCrashTest {
  static final int SUBSCRIBERS = 2000;
  static final int THREADS = 4;

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

      // First run: killed with SIGKILL once about a third has arrived.
      Process first = start(data, configFile);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (mail.received().length < SUBSCRIBERS / 3
          && first.isAlive()
          && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(first.isAlive()).as("the sender is still running when it is killed").isTrue();
      first.destroyForcibly();
      assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
      int atKill = mail.received().length;
      try (AppContext app = AppContext.open(config)) {
        assertThat(app.outbox().counts(null).get(DeliveryStatus.SENT)).isLessThan(SUBSCRIBERS);
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
      for (List<MimeMessage> copies : byId.values()) {
        if (copies.size() > 1) {
          String body = text(copies.get(0));
          for (MimeMessage c : copies) {
            assertThat(text(c)).as("a copy is the same message").isEqualTo(body);
          }
        }
      }
      String report =
          "crash test: "
              + SUBSCRIBERS
              + " subscribers, "
              + THREADS
              + " sending threads, killed after "
              + atKill
              + " messages had arrived; GreenMail holds "
              + got.length
              + " messages, "
              + byId.size()
              + " distinct Message-IDs, "
              + duplicates
              + " duplicates (at most "
              + THREADS
              + " allowed: one in flight per thread)";
      System.out.println(report);
      Files.writeString(Path.of("target", "digest-crash-report.txt"), report + "\n");
      assertThat(duplicates).isBetween(0, THREADS);
      try (AppContext app = AppContext.open(config)) {
        assertThat(app.outbox().counts(null).get(DeliveryStatus.SENT)).isEqualTo(SUBSCRIBERS);
        assertThat(app.outbox().counts(null).pending()).isZero();
      }
    }
  }

  private static String text(MimeMessage m) throws Exception {
    return (String) ((MimeMultipart) m.getContent()).getBodyPart(0).getContent();
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
