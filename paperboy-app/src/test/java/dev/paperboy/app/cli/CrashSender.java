package dev.paperboy.app.cli;

import dev.paperboy.app.AppContext;
import dev.paperboy.app.config.Config;
import dev.paperboy.core.digest.DigestSender;
import dev.paperboy.core.digest.SendReport;
import dev.paperboy.core.digest.SenderSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The sending process of {@link DigestCrashTest}: drains the outbox of a data directory until
 * nothing is pending, as a node's scheduler would over successive checks. Short claims (6 s), so a
 * restarted process takes over the claims of a killed one quickly.
 *
 * <p>Arguments: DATA_DIR CONFIG_FILE THREADS PER_SECOND.
 */
public final class CrashSender {
  private CrashSender() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    Config config = Config.load(data, Path.of(args[1]), Map.of(), Map.of());
    int threads = Integer.parseInt(args[2]);
    double perSecond = Double.parseDouble(args[3]);
    try (AppContext app = AppContext.open(config)) {
      SenderSettings settings =
          new SenderSettings(
              AppContext.nodeName(),
              threads,
              20,
              Duration.ofSeconds(6),
              Duration.ofSeconds(2),
              perSecond,
              8,
              Duration.ofSeconds(1),
              Duration.ofSeconds(5),
              25);
      DigestSender sender =
          new DigestSender(
              app.outbox(),
              app.editionStore(),
              app.mailer(),
              app.digestMessages(),
              settings,
              app.clock());
      long sent = 0;
      while (app.outbox().counts(null).pending() > 0) {
        SendReport r = sender.drain();
        sent += r.sent();
        if (r.stopped()) {
          System.out.println("stopped: " + r.stopReason());
          System.exit(3);
        }
        Thread.sleep(200);
      }
      System.out.println("sent " + sent);
    }
  }
}
