package dev.paperboy.app.cli;

import static dev.paperboy.app.cli.DigestHarness.TUE;
import static dev.paperboy.app.cli.DigestHarness.WED;
import static dev.paperboy.app.cli.WebClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.app.AppContext;
import dev.paperboy.app.Main;
import dev.paperboy.app.config.Config;
import dev.paperboy.core.digest.DeliveryStatus;
import dev.paperboy.core.digest.DigestLinks;
import dev.paperboy.core.digest.DigestSender;
import dev.paperboy.core.digest.Edition;
import dev.paperboy.core.digest.SendReport;
import dev.paperboy.core.digest.Subscription;
import dev.paperboy.core.digest.SubscriptionId;
import dev.paperboy.core.digest.SubscriptionStatus;
import dev.paperboy.core.mail.EmailAddress;
import dev.paperboy.core.mail.FailureKind;
import dev.paperboy.core.mail.MailException;
import dev.paperboy.core.mail.Mailer;
import dev.paperboy.core.mail.OutgoingMessage;
import dev.paperboy.core.mail.SendReceipt;
import dev.paperboy.core.security.SignedTokens;
import dev.paperboy.store.JdbcSecretStore;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The digests end to end: {@code serve}'s pages over HTTP, editions built and sent through SMTP to
 * GreenMail.
 */
class DigestFlowTest {
  @TempDir Path dir;
  DigestHarness mail;

  @BeforeEach
  void start() {
    mail = new DigestHarness();
  }

  @AfterEach
  void stop() {
    mail.close();
  }

  ServeCommand.Served serve(Map<String, String> extra) {
    Map<String, String> s = mail.settings();
    s.putAll(extra);
    ServeCommand.Served served = ServeCommand.open(Config.load(dir, null, Map.of(), s));
    DigestHarness.papers(served.app());
    return served;
  }

  /** Builds the day's editions and sends what is due, as {@code paperboy digest run} does. */
  static SendReport runDay(AppContext app, LocalDate day) {
    for (Edition e : app.editionPlanner().editionsOn(day, app.clock().instant())) {
      app.editionBuilder().build(e, n -> {});
    }
    return app.digestSender().drain();
  }

  static String text(MimeMessage m) throws Exception {
    Object c = m.getContent();
    if (c instanceof MimeMultipart mp) {
      return (String) mp.getBodyPart(0).getContent();
    }
    return (String) c;
  }

  static String link(String text, String path) {
    Matcher m =
        Pattern.compile("https://papers\\.example" + Pattern.quote(path) + "\\?token=\\S+")
            .matcher(text);
    assertThat(m.find()).as("a link to " + path + " in:\n" + text).isTrue();
    return m.group();
  }

  /** The server's own address: the public base URL (https://papers.example) is not served here. */
  static java.net.URI local(ServeCommand.Served served) {
    return java.net.URI.create("http://127.0.0.1:" + served.web().port());
  }

  static String token(String url) {
    return URLDecoder.decode(url.substring(url.indexOf("token=") + 6), StandardCharsets.UTF_8);
  }

  @Test
  void optInSendsNothingButTheConfirmationUntilItsLinkIsUsed() throws Exception {
    try (ServeCommand.Served served = serve(Map.of())) {
      AppContext app = served.app();
      WebClient web = new WebClient(local(served));
      HttpResponse<String> home = web.get("/");
      assertThat(home.body()).contains("action=\"/subscribe\"").doesNotContain("not available");

      HttpResponse<String> noToken =
          web.post("/subscribe", form("email", "ada@example.org"), false);
      assertThat(noToken.statusCode()).as("the form needs its CSRF token").isEqualTo(403);
      assertThat(mail.received()).isEmpty();

      HttpResponse<String> sent = web.post("/subscribe", form("email", "ada@example.org"), true);
      assertThat(sent.statusCode()).isEqualTo(200);
      assertThat(sent.body()).contains("Check your inbox").contains("ada@example.org");
      assertThat(mail.to("ada@example.org")).hasSize(1);
      MimeMessage confirmation = mail.to("ada@example.org").get(0);
      assertThat(confirmation.getSubject()).isEqualTo("Confirm your Paperboy digest subscription");
      String confirmUrl = link(text(confirmation), "/subscribe/confirm");

      // Nothing but the confirmation before the link is used.
      SendReport before = runDay(app, TUE);
      assertThat(before.sent()).isZero();
      assertThat(mail.received()).hasSize(1);

      // Forged and expired links do nothing.
      String forged =
          confirmUrl.substring(0, confirmUrl.length() - 3)
              + (confirmUrl.endsWith("AAA") ? "BBB" : "AAA");
      HttpResponse<String> bad = web.get(WebClient.local(forged));
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(bad.body()).contains("not valid");
      SubscriptionId id = app.digestLinks().verify(DigestLinks.CONFIRM, token(confirmUrl));
      byte[] key =
          new JdbcSecretStore(app.database(), app.clock())
              .getOrCreate(SignedTokens.KEY_NAME, new byte[32]);
      DigestLinks past =
          new DigestLinks(
              key,
              Clock.fixed(app.clock().instant().minus(Duration.ofDays(3)), ZoneOffset.UTC),
              "https://papers.example",
              Duration.ofHours(48));
      HttpResponse<String> expired = web.get(WebClient.local(past.confirm(id).toString()));
      assertThat(expired.statusCode()).isEqualTo(400);
      assertThat(expired.body()).contains("expired");
      HttpResponse<String> expiredPost =
          web.post("/subscribe/confirm", form("token", token(past.confirm(id).toString())), true);
      assertThat(expiredPost.statusCode()).isEqualTo(400);
      assertThat(app.subscriptions().find(id).orElseThrow().status())
          .isEqualTo(SubscriptionStatus.PENDING);

      // The link opens a page with a button (a mail scanner's GET confirms nothing) ...
      HttpResponse<String> page = web.get(WebClient.local(confirmUrl));
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("Confirm your subscription").contains("ada@example.org");
      assertThat(app.subscriptions().find(id).orElseThrow().status())
          .isEqualTo(SubscriptionStatus.PENDING);
      // ... and the button confirms.
      HttpResponse<String> confirmed =
          web.post("/subscribe/confirm", form("token", token(confirmUrl)), true);
      assertThat(confirmed.statusCode()).isEqualTo(303);
      assertThat(confirmed.headers().firstValue("Location").orElseThrow())
          .startsWith("/digest/preferences?token=")
          .endsWith("&done=confirmed");
      assertThat(app.subscriptions().find(id).orElseThrow().status())
          .isEqualTo(SubscriptionStatus.ACTIVE);

      SendReport after = runDay(app, TUE);
      assertThat(after.sent()).isEqualTo(1);
      List<MimeMessage> got = mail.to("ada@example.org");
      assertThat(got).hasSize(2);
      MimeMessage digest = got.get(1);
      assertThat(digest.getMessageID())
          .isEqualTo("<digest.daily-2026-03-03." + id + "@papers.example>");
      assertThat(digest.getSubject()).startsWith("Papers for Tuesday 3 March: ");
      assertThat(digest.getHeader("List-Unsubscribe-Post")[0])
          .isEqualTo("List-Unsubscribe=One-Click");
      assertThat(digest.getHeader("List-Unsubscribe")[0])
          .startsWith("<https://papers.example/digest/unsubscribe?token=");
      MimeMultipart parts = (MimeMultipart) digest.getContent();
      assertThat(parts.getContentType()).startsWith("multipart/alternative");
      assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
      assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
      assertThat(text(digest))
          .contains("Retrieval augmented generation for open-domain question answering");

      // Subscribing an address that is already subscribed answers the same page.
      HttpResponse<String> again = web.post("/subscribe", form("email", "ada@example.org"), true);
      HttpResponse<String> other = web.post("/subscribe", form("email", "bo@example.org"), true);
      assertThat(again.statusCode()).isEqualTo(other.statusCode()).isEqualTo(200);
      assertThat(again.body().replace("ada@example.org", "X"))
          .isEqualTo(other.body().replace("bo@example.org", "X"));
      assertThat(mail.to("ada@example.org").get(2).getSubject())
          .isEqualTo("You are already subscribed to Paperboy's digest");
    }
  }

  @Test
  void signedInTheHomeBoxLeadsToTheAccountsDigestNotAnEmptyForm() throws Exception {
    try (ServeCommand.Served served = serve(Map.of())) {
      WebClient web = new WebClient(local(served));
      web.get("/signin");
      assertThat(web.post("/signin", form("email", "jo@example.org"), true).statusCode())
          .isEqualTo(200);
      String signIn = link(text(mail.to("jo@example.org").get(0)), "/signin/confirm");
      org.jsoup.nodes.Document confirm =
          org.jsoup.Jsoup.parse(
              web.get(signIn.substring(signIn.indexOf("/signin/confirm"))).body());
      Map<String, List<String>> fields = new java.util.LinkedHashMap<>();
      for (org.jsoup.nodes.Element input : confirm.select("form[action=/signin/confirm] input")) {
        fields.put(input.attr("name"), List.of(input.attr("value")));
      }
      assertThat(web.post("/signin/confirm", fields, false).statusCode()).isEqualTo(303);
      org.jsoup.nodes.Document home = org.jsoup.Jsoup.parse(web.get("/").body());
      assertThat(home.select("#subscribe a#digest-settings").attr("href"))
          .isEqualTo("/account/digest");
      assertThat(home.select("#subscribe input[type=email]")).isEmpty();
      // Signed out, the form is there.
      org.jsoup.nodes.Document anonymous =
          org.jsoup.Jsoup.parse(new WebClient(local(served)).get("/").body());
      assertThat(anonymous.select("#subscribe input[type=email]")).hasSize(1);
      assertThat(anonymous.select("#digest-settings")).isEmpty();
    }
  }

  @Test
  void subscribingIsRateLimitedPerAddress() throws Exception {
    try (ServeCommand.Served served = serve(Map.of("ratelimit.subscribe.email", "2/1h"))) {
      WebClient web = new WebClient(local(served));
      web.get("/");
      assertThat(web.post("/subscribe", form("email", "cy@example.org"), true).statusCode())
          .isEqualTo(200);
      assertThat(web.post("/subscribe", form("email", "CY@example.org"), true).statusCode())
          .isEqualTo(200);
      HttpResponse<String> third = web.post("/subscribe", form("email", "cy@example.org"), true);
      assertThat(third.statusCode()).isEqualTo(429);
      assertThat(third.headers().firstValue("Retry-After")).isPresent();
      assertThat(mail.to("cy@example.org")).hasSize(2);
      HttpResponse<String> notAnAddress =
          web.post("/subscribe", form("email", "not an address"), true);
      assertThat(notAnAddress.statusCode()).isEqualTo(400);
      assertThat(notAnAddress.body())
          .contains("not an email address we can send to (no ")
          .doesNotContain("email: ");
    }
  }

  @Test
  void preferencesChangeWhatArrives() throws Exception {
    try (ServeCommand.Served served = serve(Map.of())) {
      AppContext app = served.app();
      Subscription bo = DigestHarness.subscriber(app, "bo@example.org");
      Subscription cy = DigestHarness.subscriber(app, "cy@example.org");
      Subscription di = DigestHarness.subscriber(app, "di@example.org");
      Subscription ed = DigestHarness.subscriber(app, "ed@example.org");
      WebClient web = new WebClient(local(served));
      // bo keeps the defaults and saves an alert.
      String boToken = app.digestLinks().preferencesToken(bo.id(), app.clock().instant());
      HttpResponse<String> prefs = web.get("/digest/preferences?token=" + boToken);
      assertThat(prefs.statusCode()).isEqualTo(200);
      assertThat(prefs.body()).contains("bo@example.org").contains("Your digest");
      assertThat(
              web.post(
                      "/digest/alerts",
                      form("token", boToken, "query", "retrieval augmented generation"),
                      true)
                  .statusCode())
          .isEqualTo(303);
      // An alert of exclusions alone could never match: refused, naming what is missing.
      HttpResponse<String> onlyExcludes =
          web.post("/digest/alerts", form("token", boToken, "query", "-video -survey"), true);
      assertThat(onlyExcludes.statusCode()).isEqualTo(400);
      assertThat(onlyExcludes.body()).contains("an alert needs at least one word to look for");
      assertThat(app.subscriptions().alerts(bo.id()))
          .extracting(dev.paperboy.core.digest.Alert::query)
          .containsExactly("retrieval augmented generation");
      // cy wants trending computer vision only.
      String cyToken = app.digestLinks().preferencesToken(cy.id(), app.clock().instant());
      web.get("/digest/preferences?token=" + cyToken);
      HttpResponse<String> saved =
          web.post(
              "/digest/preferences",
              form(
                  "token",
                  cyToken,
                  "cadence",
                  "daily",
                  "content",
                  "trending",
                  "category",
                  "cs.CV",
                  "quiet",
                  "note"),
              true);
      assertThat(saved.statusCode()).isEqualTo(303);
      assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("&done=saved");
      // di switches to weekly; ed pauses.
      String diToken = app.digestLinks().preferencesToken(di.id(), app.clock().instant());
      web.post(
          "/digest/preferences",
          form(
              "token",
              diToken,
              "cadence",
              "weekly",
              "content",
              "trending",
              "content",
              "alerts",
              "quiet",
              "skip"),
          true);
      String edToken = app.digestLinks().preferencesToken(ed.id(), app.clock().instant());
      assertThat(
              web.post("/digest/pause", form("token", edToken, "paused", "true"), true)
                  .statusCode())
          .isEqualTo(303);
      // A bad category is refused with a message, nothing saved.
      HttpResponse<String> bad =
          web.post(
              "/digest/preferences",
              form(
                  "token",
                  edToken,
                  "cadence",
                  "daily",
                  "content",
                  "trending",
                  "other",
                  "cs.NOPE",
                  "quiet",
                  "note"),
              true);
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(bad.body()).contains("unknown arXiv category");
      assertThat(app.subscriptions().find(ed.id()).orElseThrow().preferences().paused()).isTrue();
      // The page offers one pause control (its own button), not a second checkbox in the form.
      String edPage = web.get("/digest/preferences?token=" + edToken).body();
      assertThat(edPage.split("Resume deliveries", -1)).hasSize(2);
      assertThat(edPage)
          .doesNotContain("Pause deliveries")
          .doesNotContain("type=\"checkbox\" name=\"paused\"");
      // Saving the other settings keeps the pause set by that button.
      assertThat(
              web.post(
                      "/digest/preferences",
                      form(
                          "token",
                          edToken,
                          "cadence",
                          "daily",
                          "content",
                          "trending",
                          "quiet",
                          "note"),
                      true)
                  .statusCode())
          .isEqualTo(303);
      assertThat(app.subscriptions().find(ed.id()).orElseThrow().preferences().paused()).isTrue();

      runDay(app, TUE);
      String boText = text(mail.to("bo@example.org").get(0));
      assertThat(boText)
          .contains("YOUR ALERTS")
          .contains("Matches your alert \u201cretrieval augmented generation\u201d");
      assertThat(boText.indexOf("Long-context retrieval augmented generation benchmarks"))
          .as("an alert match without upvotes")
          .isPositive()
          .isLessThan(boText.indexOf("TRENDING"));
      String cyText = text(mail.to("cy@example.org").get(0));
      assertThat(cyText)
          .contains("Video diffusion models with temporal attention")
          .contains("Self-supervised image segmentation")
          .doesNotContain("Retrieval augmented generation for open-domain")
          .doesNotContain("YOUR ALERTS");
      assertThat(mail.to("di@example.org")).as("weekly, not daily").isEmpty();
      assertThat(mail.to("ed@example.org")).as("paused").isEmpty();

      // Resuming brings ed the next edition.
      web.post("/digest/pause", form("token", edToken, "paused", "false"), true);
      runDay(app, WED);
      assertThat(mail.to("ed@example.org")).hasSize(1);
    }
  }

  @Test
  void pauseAndAlertRemovalRefuseWhatTheyCannotDoAndChangeNothing() throws Exception {
    try (ServeCommand.Served served = serve(Map.of())) {
      AppContext app = served.app();
      Subscription bo = DigestHarness.subscriber(app, "bo@example.org");
      Subscription cy = DigestHarness.subscriber(app, "cy@example.org");
      WebClient web = new WebClient(local(served));
      String boToken = app.digestLinks().preferencesToken(bo.id(), app.clock().instant());
      String cyToken = app.digestLinks().preferencesToken(cy.id(), app.clock().instant());
      web.get("/digest/preferences?token=" + boToken);
      web.post("/digest/alerts", form("token", boToken, "query", "diffusion"), true);
      web.post("/digest/pause", form("token", boToken, "paused", "true"), true);

      // paused=maybe was read as false: deliveries resumed and the page said so.
      HttpResponse<String> maybe =
          web.post("/digest/pause", form("token", boToken, "paused", "maybe"), true);
      assertThat(maybe.statusCode()).isEqualTo(400);
      assertThat(maybe.body()).contains("paused: must be true or false");
      assertThat(app.subscriptions().find(bo.id()).orElseThrow().preferences().paused()).isTrue();

      // Another subscription's alert, and one that does not exist, were "removed".
      for (String[] attempt : new String[][] {{cyToken, "diffusion"}, {boToken, "no such alert"}}) {
        HttpResponse<String> r =
            web.post("/digest/alerts/remove", form("token", attempt[0], "query", attempt[1]), true);
        assertThat(r.statusCode()).as(attempt[1]).isEqualTo(404);
        assertThat(r.body()).as(attempt[1]).contains("has no alert").doesNotContain("is removed");
      }
      assertThat(app.subscriptions().alerts(bo.id()))
          .extracting(dev.paperboy.core.digest.Alert::query)
          .containsExactly("diffusion");
      HttpResponse<String> removed =
          web.post("/digest/alerts/remove", form("token", boToken, "query", "diffusion"), true);
      assertThat(removed.statusCode()).isEqualTo(303);
      assertThat(removed.headers().firstValue("Location").orElseThrow())
          .endsWith("&done=alert-removed");
      assertThat(app.subscriptions().alerts(bo.id())).isEmpty();
    }
  }

  @Test
  void oneClickUnsubscribeByPostWithoutCookies() throws Exception {
    try (ServeCommand.Served served = serve(Map.of())) {
      AppContext app = served.app();
      Subscription s = DigestHarness.subscriber(app, "fay@example.org");
      runDay(app, TUE);
      MimeMessage digest = mail.to("fay@example.org").get(0);
      String header = digest.getHeader("List-Unsubscribe")[0];
      String url = header.substring(1, header.length() - 1);
      WebClient anybody = new WebClient(local(served));
      HttpResponse<String> look = anybody.get(WebClient.local(url));
      assertThat(look.statusCode()).isEqualTo(200);
      assertThat(look.body()).contains("Unsubscribe fay@example.org?");
      assertThat(app.subscriptions().find(s.id()).orElseThrow().status())
          .as("a GET (a link scanner) changes nothing")
          .isEqualTo(SubscriptionStatus.ACTIVE);
      HttpResponse<String> post = anybody.bare(WebClient.local(url), "List-Unsubscribe=One-Click");
      assertThat(post.statusCode()).isEqualTo(200);
      assertThat(post.body()).contains("You are unsubscribed");
      assertThat(app.subscriptions().find(s.id()).orElseThrow().status())
          .isEqualTo(SubscriptionStatus.UNSUBSCRIBED);
      assertThat(
              anybody
                  .bare("/digest/unsubscribe?token=forged.token", "List-Unsubscribe=One-Click")
                  .statusCode())
          .isEqualTo(400);
      runDay(app, WED);
      assertThat(mail.to("fay@example.org")).hasSize(1);
    }
  }

  /**
   * GreenMail accepts every recipient, so the mail system's "550 5.1.1 no such user" for one
   * address is played by a mailer in front of it; how SMTP replies become {@code BAD_RECIPIENT} is
   * tested in paperboy-mail against a scripted server.
   */
  @Test
  void aPermanentFailureSuppressesTheAddressAndTheOthersArrive() throws Exception {
    try (ServeCommand.Served served = serve(Map.of())) {
      AppContext app = served.app();
      DigestHarness.subscriber(app, "gone@example.org");
      DigestHarness.subscriber(app, "here@example.org");
      Mailer smtp = app.mailer();
      Mailer bouncing =
          new Mailer() {
            @Override
            public SendReceipt send(OutgoingMessage m) throws MailException {
              if (m.to().value().equals("gone@example.org")) {
                throw new MailException(
                    FailureKind.BAD_RECIPIENT,
                    550,
                    "550 5.1.1 <gone@example.org>: no such user (RCPT TO)",
                    null);
              }
              return smtp.send(m);
            }

            @Override
            public String describe() {
              return smtp.describe();
            }

            @Override
            public void close() {}
          };
      for (Edition e : app.editionPlanner().editionsOn(TUE, app.clock().instant())) {
        app.editionBuilder().build(e, n -> {});
      }
      SendReport r =
          new DigestSender(
                  app.outbox(),
                  app.editionStore(),
                  bouncing,
                  app.digestMessages(),
                  app.senderSettings(),
                  app.clock())
              .drain();
      assertThat(r.sent()).isEqualTo(1);
      assertThat(r.suppressed()).isEqualTo(1);
      assertThat(mail.to("here@example.org")).hasSize(1);
      assertThat(app.suppressions().isSuppressed(EmailAddress.parse("e", "GONE@example.org")))
          .isTrue();
      runDay(app, WED);
      assertThat(mail.to("here@example.org")).hasSize(2);
      assertThat(
              app.outbox()
                  .counts(new dev.paperboy.core.digest.EditionId("daily-2026-03-04"))
                  .total())
          .as("a suppressed address is not even composed for")
          .isEqualTo(1);
    }
  }

  @Test
  void aMisconfiguredMailServerGetsNoMailAndTheOutboxWaits() throws Exception {
    Map<String, String> s = mail.settings();
    s.put("mail.smtp.user", "relay");
    s.put("mail.smtp.password", "wrong");
    Config bad = Config.load(dir, null, Map.of(), s);
    try (AppContext app = AppContext.open(bad)) {
      DigestHarness.papers(app);
      DigestHarness.subscriber(app, "ada@example.org");
      DigestHarness.subscriber(app, "bo@example.org");
    }
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream oldErr = System.err;
    int code;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code =
          Main.commandLine()
              .execute(
                  "digest",
                  "run",
                  "--day",
                  TUE.toString(),
                  "--data",
                  dir.toString(),
                  "--config",
                  writeConfig(s).toString());
    } finally {
      System.setErr(oldErr);
    }
    assertThat(code).isEqualTo(3);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("SENDING STOPPED").contains("535");
    assertThat(mail.received()).isEmpty();
    try (AppContext app = AppContext.open(bad)) {
      assertThat(app.outbox().counts(null).get(DeliveryStatus.QUEUED)).isEqualTo(2);
      assertThat(app.outbox().counts(null).get(DeliveryStatus.FAILED)).isZero();
      assertThat(app.suppressions().countSuppressed()).isZero();
    }
    // Fixed: the next run sends both.
    s.put("mail.smtp.password", "s3cret");
    code =
        Main.commandLine()
            .execute(
                "digest",
                "run",
                "--no-compose",
                "--data",
                dir.toString(),
                "--config",
                writeConfig(s).toString());
    assertThat(code).isZero();
    assertThat(mail.received()).hasSize(2);
  }

  /**
   * Personal picks with the default model (TF-IDF of the words): a subscriber whose account upvoted
   * a paper on retrieval augmented generation is picked the other paper on it, with the reason. The
   * account was made after the subscription and is found by its address.
   */
  @Test
  void anAccountsUpvotesBringPersonalPicksThatSayWhy() throws Exception {
    try (ServeCommand.Served served = serve(Map.of())) {
      AppContext app = served.app();
      assertThat(app.config().digest().model()).isEqualTo("tfidf");
      DigestHarness.subscriber(app, "hal@example.org");
      dev.paperboy.core.account.User hal =
          app.users()
              .findOrCreate(EmailAddress.parse("e", "hal@example.org"), app.clock().instant());
      new dev.paperboy.store.JdbcVoteStore(app.database())
          .upvote(
              hal.id(), dev.paperboy.core.paper.ArxivId.parse("2603.00001"), app.clock().instant());
      DigestHarness.subscriber(app, "ivy@example.org"); // no account: no picks
      runDay(app, TUE);
      String halText = text(mail.to("hal@example.org").get(0));
      assertThat(halText).contains("PICKED FOR YOU");
      String picks =
          halText
              .substring(halText.indexOf("PICKED FOR YOU"), halText.indexOf("TRENDING"))
              .replaceAll("\\s+", " ");
      assertThat(picks)
          .contains("Long-context retrieval augmented generation benchmarks")
          .contains(
              "Similar to \u201cRetrieval augmented generation for open-domain question"
                  + " answering\u201d, which you upvoted")
          .as("unrelated papers share only common words: below the similarity floor")
          .doesNotContain("Graph neural networks for molecules");
      assertThat(text(mail.to("ivy@example.org").get(0))).doesNotContain("PICKED FOR YOU");
    }
  }

  /**
   * {@code paperboy digest run} next to a running {@code serve} on the same data directory: serve
   * holds the embedded search index (one writer per directory), so the command matches alerts in
   * the papers of the edition's days instead, and the digest still carries them.
   */
  @Test
  void digestRunWorksNextToARunningServe() throws Exception {
    Map<String, String> s = mail.settings();
    try (ServeCommand.Served served = serve(Map.of())) {
      AppContext app = served.app();
      Subscription gus = DigestHarness.subscriber(app, "gus@example.org");
      app.subscriptions()
          .addAlert(
              new dev.paperboy.core.digest.Alert(
                  gus.id(), "retrieval augmented generation", app.clock().instant()));
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      PrintStream oldErr = System.err;
      int code;
      try {
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        code =
            Main.commandLine()
                .execute(
                    "digest",
                    "run",
                    "--day",
                    TUE.toString(),
                    "--data",
                    dir.toString(),
                    "--config",
                    writeConfig(s).toString());
      } finally {
        System.setErr(oldErr);
      }
      assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
      assertThat(err.toString(StandardCharsets.UTF_8))
          .contains("alerts are matched in the 5 papers listed 2026-03-03..2026-03-03");
      String text = text(mail.to("gus@example.org").get(0));
      assertThat(text)
          .contains("YOUR ALERTS")
          .contains("Long-context retrieval augmented generation benchmarks");
    }
  }

  private Path writeConfig(Map<String, String> s) throws java.io.IOException {
    Path file = dir.resolve("test.properties");
    StringBuilder b = new StringBuilder();
    s.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
    java.nio.file.Files.writeString(file, b.toString());
    return file;
  }
}
