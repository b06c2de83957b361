package dev.paperboy.mail;

import static dev.paperboy.mail.TestMessages.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.paperboy.core.mail.OutgoingMessage;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Messages per second from {@link SmtpMailer} to GreenMail on loopback. A measurement, not a test
 * of speed: it only asserts that every message arrived. Run with
 *
 * <pre>
 * mvn -B -q -o -pl paperboy-mail -am test -Dtest=SmtpThroughputBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dpaperboy.bench=true
 * </pre>
 */
@EnabledIfSystemProperty(named = "paperboy.bench", matches = "true")
class SmtpThroughputBenchmark {

  private static final int WARMUP = 1000;
  private static final int MESSAGES = 2000;

  @Test
  void sendsPerSecond() throws Exception {
    String bigHtml = TestMessages.HTML.repeat(80); // ~30 KB, the size of a long digest
    String bigText = TestMessages.TEXT.repeat(60); // ~10 KB
    System.out.printf(
        Locale.ROOT,
        "SMTP throughput to GreenMail %s on loopback, %d messages per run, %d cores, load %.1f,"
            + " Java %s%n",
        "2.1.13",
        MESSAGES,
        Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Runtime.version());
    run("small (1 KB text+html)", 1, null, null);
    run("digest-sized (10 KB text + 30 KB html)", 1, bigText, bigHtml);
    run("digest-sized, 2 sending threads", 2, bigText, bigHtml);
    // The client's own ceiling: a server that does nothing with what it receives.
    try (FakeSmtpServer sink = FakeSmtpServer.plain()) {
      sink.dataEndReply = d -> "250 2.0.0 Ok";
      sink.keepMessages = false;
      sink.start();
      try (SmtpMailer mailer = new SmtpMailer(config(sink.port()), CLOCK)) {
        send(mailer, "w", WARMUP, 1, bigText, bigHtml);
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        send(mailer, "m", MESSAGES, 1, bigText, bigHtml);
        report("digest-sized, to a do-nothing SMTP server", start, cpu, mailer);
      }
      assertThat(sink.accepted.get()).isEqualTo(WARMUP + MESSAGES);
    }
  }

  private static SmtpConfig config(int port) {
    return SmtpConfig.of("127.0.0.1", port, TlsMode.NONE).withHeloName("paperboy.bench");
  }

  /**
   * Prints the rate and the CPU time this JVM (client and, in-process, server) spent per message,
   * which says more than the rate on a machine shared with other work.
   */
  private static void report(String label, long start, long cpuStart, SmtpMailer mailer) {
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuMs = (processCpuNanos() - cpuStart) / 1e6 / MESSAGES;
    System.out.printf(
        Locale.ROOT,
        "  %-45s %6.0f messages/s (%d in %.2f s, %.2f ms CPU per message, %d connections)%n",
        label,
        MESSAGES / seconds,
        MESSAGES,
        seconds,
        cpuMs,
        mailer.connectionsOpened());
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private void run(String label, int threads, String text, String html) throws Exception {
    GreenMail greenMail =
        new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    greenMail.start();
    try (SmtpMailer mailer = new SmtpMailer(config(greenMail.getSmtp().getPort()), CLOCK)) {
      send(mailer, "w", WARMUP, threads, text, html);
      long cpu = processCpuNanos();
      long start = System.nanoTime();
      send(mailer, "m", MESSAGES, threads, text, html);
      report(label, start, cpu, mailer);
      assertThat(greenMail.waitForIncomingEmail(30_000, WARMUP + MESSAGES)).isTrue();
    } finally {
      greenMail.stop();
    }
  }

  private static void send(
      SmtpMailer mailer, String prefix, int n, int threads, String text, String html)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        futures.add(
            pool.submit(
                () -> {
                  for (int i = first; i < n; i += threads) {
                    OutgoingMessage.Builder b =
                        TestMessages.digest(
                            prefix + i + ".2026-03-02@paperboy.example",
                            "s" + (i % 500) + "@example.org");
                    if (text != null) {
                      b.text(text).html(html);
                    }
                    mailer.send(b.build());
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
