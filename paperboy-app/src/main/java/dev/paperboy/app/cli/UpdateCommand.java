package dev.paperboy.app.cli;

import dev.paperboy.app.AppContext;
import dev.paperboy.ingest.harvest.HarvestResult;
import dev.paperboy.ingest.live.DailyReport;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code paperboy update}: one run of every configured remote source (what serve does daily). */
@Command(
    name = "update",
    mixinStandardHelpOptions = true,
    description = {
      "Bring the store up to date once from the configured remote sources: the arXiv announcement"
          + " feeds (feed.categories), the Hugging Face mirror (hf.url) and the incremental OAI-PMH"
          + " harvest of each set (harvest.sets). serve does this daily after each announcement;"
          + " this command is for cron and for trying a configuration.",
      "Every remote source is off until configured."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every configured source was read",
      "1:a source failed (the others still ran; the message says which)",
      "2:no remote source is configured, or bad usage"
    })
public final class UpdateCommand implements Callable<Integer> {
  @Mixin DataOptions data;

  @Override
  public Integer call() throws Exception {
    try (AppContext app = AppContext.open(data.load(System.getenv(), Map.of()))) {
      if (!app.config().live().anyOn()) {
        System.err.println(
            "error: no remote source is configured: set feed.categories (e.g. cs.CL+cs.LG),"
                + " harvest.sets (e.g. cs) or hf.url in "
                + app.config().dataDir().resolve("paperboy.properties")
                + " or the environment (PAPERBOY_FEED_CATEGORIES, ...)");
        return 2;
      }
      DailyReport r = app.dailyIngest().runOnce();
      if (r.feeds() != null) {
        System.out.println(
            "feeds: " + r.feeds().days() + " " + r.feeds().byType() + "; " + r.feeds().imported());
        if (r.feeds().versionLookups() != null) {
          System.out.println("arXiv API: " + r.feeds().versionLookups());
        }
      }
      r.hf().forEach((day, s) -> System.out.println("hf " + day + ": " + s));
      for (HarvestResult h : r.harvests()) {
        System.out.println("harvest " + h);
      }
      r.errors().forEach((source, why) -> System.err.println("error: " + source + ": " + why));
      if (app.indexUnlessServed() == null) {
        System.out.println(ServedIndex.storedOnly(app));
      }
      return r.ok() ? 0 : 1;
    }
  }
}
