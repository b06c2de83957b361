package dev.paperboy.app.cli;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.paperboy.app.AppContext;
import dev.paperboy.core.digest.Subscription;
import dev.paperboy.core.mail.EmailAddress;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.DailyEntry;
import dev.paperboy.core.paper.EntrySource;
import dev.paperboy.core.paper.Paper;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the digest tests share: GreenMail on a loopback port (a user {@code relay} with password
 * {@code s3cret}, authentication optional), the settings that send to it, and a small day of papers
 * (Tuesday 2026-03-03).
 */
final class DigestHarness implements AutoCloseable {
  static final LocalDate TUE = LocalDate.of(2026, 3, 3);
  static final LocalDate WED = LocalDate.of(2026, 3, 4);

  final GreenMail greenMail;

  DigestHarness() {
    greenMail =
        new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("relay", "s3cret"));
    greenMail.start();
  }

  /** Settings for a data directory whose mail goes to GreenMail. */
  Map<String, String> settings() {
    Map<String, String> s = new HashMap<>();
    s.put("server.host", "127.0.0.1");
    s.put("server.port", "0");
    // https, so messages carry RFC 8058 one-click headers; tests call the local port instead.
    s.put("server.base.url", "https://papers.example");
    s.put("mail.smtp.host", "127.0.0.1");
    s.put("mail.smtp.port", Integer.toString(greenMail.getSmtp().getPort()));
    s.put("mail.smtp.tls", "none");
    s.put("mail.from", "digest@papers.example");
    s.put("search.semantic", "false");
    // serve's scheduler must not build editions of its own during a test.
    s.put("digest.send.time", "23:59:59");
    s.put("digest.poll", "10h");
    return s;
  }

  /** Papers of Tuesday and Wednesday, with upvotes, stored and indexed. */
  static void papers(AppContext app) {
    List<Paper> ps = new ArrayList<>();
    List<DailyEntry> es = new ArrayList<>();
    Object[][] rows = {
      {
        "2603.00001",
        "Retrieval augmented generation for open-domain question answering",
        "cs.CL",
        TUE,
        30
      },
      {"2603.00002", "Video diffusion models with temporal attention", "cs.CV", TUE, 20},
      {"2603.00003", "Graph neural networks for molecules", "cs.LG", TUE, 10},
      {"2603.00004", "Long-context retrieval augmented generation benchmarks", "cs.CL", TUE, 0},
      {"2603.00005", "Self-supervised image segmentation", "cs.CV", TUE, 5},
      {"2603.00006", "Wednesday: efficient transformers", "cs.LG", WED, 12},
      {"2603.00007", "Wednesday: vision language models", "cs.CV", WED, 8},
    };
    for (Object[] r : rows) {
      Paper p =
          Paper.builder(ArxivId.parse((String) r[0]), (String) r[1])
              .abstractText("An abstract about " + r[1] + ". It reads well in a digest.")
              .authors(List.of("Ada Lovelace", "Alan Turing"))
              .categories(List.of((String) r[2]))
              .listingDate((LocalDate) r[3])
              .build();
      ps.add(p);
      es.add(
          new DailyEntry((LocalDate) r[3], p.id(), EntrySource.ARXIV, null, (Integer) r[4], null));
    }
    app.store().upsertPapers(ps);
    app.store().upsertEntries(es);
    app.index().index(ps);
    app.index().commit();
  }

  /** An active subscription, confirmed in the store. */
  static Subscription subscriber(AppContext app, String address) {
    Subscription s =
        app.subscriptions()
            .findOrCreate(EmailAddress.parse("e", address), null, app.clock().instant());
    return app.subscriptions().confirm(s.id(), app.clock().instant()).orElseThrow();
  }

  MimeMessage[] received() {
    return greenMail.getReceivedMessages();
  }

  /** The messages GreenMail holds for {@code address}. */
  List<MimeMessage> to(String address) {
    return Arrays.stream(received())
        .filter(
            m -> {
              try {
                return m.getAllRecipients()[0].toString().equalsIgnoreCase(address);
              } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  @Override
  public void close() {
    greenMail.stop();
  }
}
