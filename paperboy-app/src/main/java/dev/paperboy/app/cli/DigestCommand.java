package dev.paperboy.app.cli;

import dev.paperboy.app.AppContext;
import dev.paperboy.core.account.User;
import dev.paperboy.core.account.UserId;
import dev.paperboy.core.digest.Alert;
import dev.paperboy.core.digest.Cadence;
import dev.paperboy.core.digest.Delivery;
import dev.paperboy.core.digest.DeliveryStatus;
import dev.paperboy.core.digest.DigestPreferences;
import dev.paperboy.core.digest.Edition;
import dev.paperboy.core.digest.EditionBuilder;
import dev.paperboy.core.digest.EditionContent;
import dev.paperboy.core.digest.EditionStore;
import dev.paperboy.core.digest.OutboxCounts;
import dev.paperboy.core.digest.Recipient;
import dev.paperboy.core.digest.SendReport;
import dev.paperboy.core.digest.Subscription;
import dev.paperboy.core.digest.SubscriptionId;
import dev.paperboy.core.digest.Suppression;
import dev.paperboy.core.mail.EmailAddress;
import dev.paperboy.core.mail.OutgoingMessage;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.DailyEntry;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.security.Secrets;
import dev.paperboy.mail.MimeFormat;
import dev.paperboy.search.LuceneSearchIndex;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code paperboy digest}: preview a subscriber's message, compose and send editions now, and see
 * what the outbox holds.
 */
@Command(
    name = "digest",
    mixinStandardHelpOptions = true,
    description = "Email digests: preview a message, compose and send now, show the outbox.",
    subcommands = {
      DigestCommand.Preview.class,
      DigestCommand.Run.class,
      DigestCommand.Status.class
    })
public final class DigestCommand implements Runnable {

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  /** The day an edition is for: the option, else the store's latest list day, else today. */
  static LocalDate day(AppContext app, @Nullable LocalDate given, boolean latest) {
    if (given != null) {
      return given;
    }
    LocalDate today = LocalDate.ofInstant(app.clock().instant(), ZoneOffset.UTC);
    return latest ? app.store().latestDay().orElse(today) : today;
  }

  /**
   * The edition builder of a CLI command. Alerts are matched in the site's search index; when a
   * running {@code serve} holds the embedded index (Lucene allows one writer per directory), in an
   * in-memory index of the papers listed from {@code from} to {@code to} instead: all an alert of
   * those editions looks at, so {@code digest run} and {@code preview} work next to a serving site.
   */
  static EditionBuilder builder(AppContext app, LocalDate from, LocalDate to) {
    try {
      return app.editionBuilder();
    } catch (IllegalStateException e) {
      if (e.getMessage() == null || !e.getMessage().contains("in use by another process")) {
        throw e;
      }
    }
    LuceneSearchIndex period = LuceneSearchIndex.inMemory();
    int n = 0;
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      List<ArxivId> ids = app.store().entriesOn(d).stream().map(DailyEntry::paperId).toList();
      if (!ids.isEmpty()) {
        List<Paper> papers = app.store().findPapers(ids);
        period.index(papers);
        n += papers.size();
      }
    }
    period.commit();
    System.err.printf(
        Locale.ROOT,
        "the search index is in use by a running serve: alerts are matched in the %,d papers"
            + " listed %s..%s%n",
        n,
        from,
        to);
    return app.editionBuilder(app.closesWith(period));
  }

  /** {@code paperboy digest preview --to ADDRESS}. */
  @Command(
      name = "preview",
      mixinStandardHelpOptions = true,
      description = {
        "Write the complete message one address would get (headers and MIME parts) to standard"
            + " output, without sending or storing anything. Works for any address: a subscriber"
            + " gets their own preferences and alerts, anyone else the defaults. An account with"
            + " the address adds its personal picks.",
        "Example: paperboy digest preview --to ada@example.org --day 2026-07-15"
      })
  static final class Preview implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();

    @Option(names = "--to", required = true, paramLabel = "ADDRESS", description = "The address.")
    String to;

    @Option(
        names = "--day",
        paramLabel = "DATE",
        description = "The edition's day (YYYY-MM-DD). Default: the latest day with a list.")
    @Nullable LocalDate day;

    @Option(
        names = "--cadence",
        paramLabel = "CADENCE",
        description = "daily or weekly. Default: the subscriber's, else daily.")
    @Nullable String cadence;

    @Override
    public Integer call() throws IOException {
      EmailAddress email = EmailAddress.parse("--to", to);
      try (AppContext app = AppContext.open(data.load(System.getenv(), Map.of()))) {
        Optional<Subscription> sub = app.subscriptions().findByEmail(email);
        DigestPreferences prefs =
            sub.map(Subscription::preferences).orElse(DigestPreferences.defaults());
        Cadence c = cadence == null ? prefs.cadence() : Cadence.parse(cadence);
        LocalDate d = day(app, day, true);
        Instant now = app.clock().instant();
        Edition planned =
            app.editionPlanner()
                .edition(c, d, now)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "there is no "
                                + c.code()
                                + " edition on "
                                + d
                                + " ("
                                + d.getDayOfWeek().toString().toLowerCase(Locale.ROOT)
                                + "): daily editions are on weekdays, weekly ones on "
                                + app.config()
                                    .digest()
                                    .weeklyDay()
                                    .toString()
                                    .toLowerCase(Locale.ROOT)
                                + "s; pick another --day"));
        // An edition already built keeps its own time (and so its links).
        Edition edition =
            app.editionStore()
                .findEdition(planned.id())
                .map(EditionStore.StoredEdition::edition)
                .orElse(planned);
        SubscriptionId id = sub.map(Subscription::id).orElse(previewId(email));
        UserId user = sub.map(Subscription::user).orElse(null);
        if (user == null) {
          user = app.users().findByEmail(email).map(User::id).orElse(null);
        }
        List<String> alerts =
            sub.map(s -> app.subscriptions().alerts(s.id()).stream().map(Alert::query).toList())
                .orElse(List.of());
        Recipient r =
            new Recipient(
                id, email, prefs.withCadence(c).withPaused(false), user, alerts, Set.of());
        EditionBuilder builder = builder(app, edition.from(), edition.to());
        EditionContent content = builder.composeFor(edition, r, builder.inputs(edition));
        if (content.isEmpty()) {
          System.err.println(
              "nothing would be sent to "
                  + email
                  + " for "
                  + edition.id()
                  + (edition.quiet()
                      ? ": no announcement, and the subscriber skips such days"
                      : ": nothing new in the chosen sections and categories"));
          return 1;
        }
        Delivery delivery =
            new Delivery(
                edition.id(),
                id,
                email,
                Delivery.messageIdFor(edition.id(), id, app.config().mail().from().domain()),
                DeliveryStatus.QUEUED,
                0,
                now,
                null,
                content,
                now,
                null);
        OutgoingMessage message = app.digestMessages().render(delivery, edition);
        if (sub.isEmpty()) {
          System.err.println(
              "note: " + email + " is not subscribed; this is what the default preferences give");
        }
        OutputStream out = System.out;
        MimeFormat.write(message, now, out);
        out.flush();
        return 0;
      }
    }

    /** A stable stand-in id for an address that has no subscription. */
    static SubscriptionId previewId(EmailAddress email) {
      String hash = Secrets.hash("preview:" + User.emailKey(email));
      String alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < 16; i++) {
        b.append(alphabet.charAt(Integer.parseInt(hash.substring(2 * i, 2 * i + 2), 16) % 32));
      }
      return new SubscriptionId(b.toString());
    }
  }

  /** {@code paperboy digest run}. */
  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description = {
        "Compose the editions of a day for every subscriber who has none yet, then send what the"
            + " outbox has due. Safe to run again: composed messages are never composed twice,"
            + " sent ones never sent twice.",
        "Exit codes: 0 done, 3 sending stopped (a mail misconfiguration; messages stay queued).",
        "Example: paperboy digest run --day 2026-07-15"
      })
  static final class Run implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();

    @Option(
        names = "--day",
        paramLabel = "DATE",
        description = "The editions' day (YYYY-MM-DD). Default: today (UTC).")
    @Nullable LocalDate day;

    @Option(
        names = "--cadence",
        paramLabel = "CADENCE",
        description = "daily, weekly or all (default): which editions of the day.")
    String cadence = "all";

    @Option(names = "--no-send", description = "Compose only; send later.")
    boolean noSend;

    @Option(names = "--no-compose", description = "Only send what is due in the outbox.")
    boolean noCompose;

    @Override
    public Integer call() {
      try (AppContext app = AppContext.open(data.load(System.getenv(), Map.of()))) {
        PrintStream out = System.out;
        if (!noCompose) {
          LocalDate d = day(app, day, false);
          List<Edition> editions =
              new ArrayList<>(app.editionPlanner().editionsOn(d, app.clock().instant()));
          if (!cadence.equalsIgnoreCase("all")) {
            Cadence c = Cadence.parse(cadence);
            editions.removeIf(e -> e.cadence() != c);
          }
          if (editions.isEmpty()) {
            out.println("no " + (cadence.equals("all") ? "" : cadence + " ") + "edition on " + d);
          }
          EditionBuilder builder =
              editions.isEmpty()
                  ? null
                  : builder(
                      app,
                      editions.stream().map(Edition::from).min(LocalDate::compareTo).orElseThrow(),
                      editions.stream().map(Edition::to).max(LocalDate::compareTo).orElseThrow());
          for (Edition e : editions) {
            EditionBuilder.Report r =
                builder.build(
                    e,
                    n -> {
                      if (n % 10_000 == 0) {
                        System.err.printf(
                            Locale.ROOT, "  %s: %,d subscribers composed%n", e.id(), n);
                      }
                    });
            out.printf(
                Locale.ROOT,
                "%s: %,d composed (%,d queued, %,d with nothing to send), %,d candidate papers for"
                    + " picks, %.1f s%n",
                r.edition(),
                r.composed(),
                r.queued(),
                r.skipped(),
                r.candidates(),
                r.took().toMillis() / 1000.0);
          }
        }
        if (noSend) {
          return 0;
        }
        out.println("sending via " + app.mailer().describe() + " ...");
        SendReport s = app.digestSender().drain();
        out.printf(
            Locale.ROOT,
            "sent %,d, to retry %,d, failed %,d (%,d addresses suppressed) in %.1f s (%.0f/s)%n",
            s.sent(),
            s.retried(),
            s.failed(),
            s.suppressed(),
            s.took().toMillis() / 1000.0,
            s.rate());
        if (s.stopped()) {
          System.err.println("SENDING STOPPED: " + s.stopReason());
          return 3;
        }
        return 0;
      }
    }
  }

  /** {@code paperboy digest status}. */
  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description =
          "Subscriptions, recent editions with their queued/sent/failed counts, suppressions.")
  static final class Status implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();

    @Option(names = "--editions", paramLabel = "N", description = "Recent editions shown (10).")
    int editions = 10;

    @Option(names = "--failures", paramLabel = "N", description = "Recent failures shown (5).")
    int failures = 5;

    @Override
    public Integer call() {
      try (AppContext app = AppContext.open(data.load(System.getenv(), Map.of()))) {
        PrintStream out = System.out;
        Map<String, Long> subs = app.subscriptions().counts();
        out.printf(
            Locale.ROOT,
            "subscriptions    %,d active, %,d paused, %,d pending confirmation, %,d unsubscribed%n",
            subs.get("active"),
            subs.get("paused"),
            subs.get("pending"),
            subs.get("unsubscribed"));
        out.printf(
            Locale.ROOT, "suppressed       %,d addresses%n", app.suppressions().countSuppressed());
        OutboxCounts all = app.outbox().counts(null);
        out.printf(
            Locale.ROOT,
            "outbox           %,d queued, %,d being sent, %,d sent, %,d failed, %,d skipped%n",
            all.get(DeliveryStatus.QUEUED),
            all.get(DeliveryStatus.SENDING),
            all.get(DeliveryStatus.SENT),
            all.get(DeliveryStatus.FAILED),
            all.get(DeliveryStatus.SKIPPED));
        out.println("mail             " + app.mailer().describe());
        out.println();
        List<EditionStore.StoredEdition> recent = app.editionStore().editions(editions);
        if (recent.isEmpty()) {
          out.println("no editions yet");
        } else {
          out.printf(
              Locale.ROOT,
              "%-20s %-22s %9s %9s %9s %9s %9s%n",
              "edition",
              "papers of",
              "queued",
              "sending",
              "sent",
              "failed",
              "skipped");
          for (EditionStore.StoredEdition e : recent) {
            OutboxCounts c = app.outbox().counts(e.edition().id());
            String period =
                e.edition().from().equals(e.edition().to())
                    ? e.edition().to().toString()
                    : e.edition().from() + ".." + e.edition().to().getDayOfMonth();
            out.printf(
                Locale.ROOT,
                "%-20s %-22s %,9d %,9d %,9d %,9d %,9d%s%n",
                e.edition().id(),
                period + (e.edition().quiet() ? " (quiet)" : ""),
                c.get(DeliveryStatus.QUEUED),
                c.get(DeliveryStatus.SENDING),
                c.get(DeliveryStatus.SENT),
                c.get(DeliveryStatus.FAILED),
                c.get(DeliveryStatus.SKIPPED),
                e.composedAt() == null ? "  composing" : "");
          }
        }
        List<Delivery> failed = app.outbox().failures(null, failures);
        if (!failed.isEmpty()) {
          out.println();
          out.println("recent failures:");
          for (Delivery d : failed) {
            out.println("  " + d.edition() + "  " + d.to() + "  " + d.lastError());
          }
        }
        List<Suppression> supp = app.suppressions().suppressions(5);
        if (!supp.isEmpty()) {
          out.println();
          out.println("recent suppressions:");
          for (Suppression s : supp) {
            out.println("  " + s.createdAt() + "  " + s.email() + "  " + s.reason());
          }
        }
        return 0;
      }
    }
  }
}
