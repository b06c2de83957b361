package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import dev.paperboy.ingest.api.ArxivApiClient;
import dev.paperboy.ingest.api.ArxivApiLookup;
import dev.paperboy.ingest.http.HttpFetcher;
import dev.paperboy.ingest.http.HttpSettings;
import dev.paperboy.mail.SmtpConfig;
import dev.paperboy.mail.SmtpMailer;
import dev.paperboy.mail.TlsMode;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The community in a real browser (Debian's Chromium, headless), with real mail and a real arXiv
 * API client: sign in through the link in the mail GreenMail received, submit a paper that a local
 * fake arXiv API serves, upvote it, comment, sign out, and find it on today's list with the vote.
 * Skipped with a message when Chromium or its driver is absent.
 */
class CommunityBrowserTest {
  @TempDir Path dir;
  GreenMail smtp;
  HttpServer arxiv;
  final List<String> arxivQueries = new CopyOnWriteArrayList<>();
  HttpFetcher http;
  SmtpMailer mailer;
  CommunityServer site;
  HeadlessChromium chromium;
  WebDriver browser;

  @BeforeEach
  void start() throws Exception {
    HeadlessChromium.assumeInstalled();
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.start();
    byte[] answer;
    try (InputStream in =
        getClass().getResourceAsStream("/dev/paperboy/web/arxiv-api/2506.20001.atom.xml")) {
      answer = in.readAllBytes();
    }
    arxiv = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    arxiv.createContext(
        "/api/query",
        exchange -> {
          arxivQueries.add(exchange.getRequestURI().getQuery());
          exchange.getResponseHeaders().add("Content-Type", "application/atom+xml");
          exchange.sendResponseHeaders(200, answer.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
          }
        });
    arxiv.start();
    http = HttpFetcher.create(HttpSettings.defaults("tests@example.org"));
    var lookup =
        new ArxivApiLookup(
            new ArxivApiClient(
                http,
                URI.create("http://127.0.0.1:" + arxiv.getAddress().getPort() + "/api/query"),
                Duration.ofSeconds(3),
                d -> {}));
    mailer =
        new SmtpMailer(
            SmtpConfig.of("127.0.0.1", smtp.getSmtp().getPort(), TlsMode.NONE),
            java.time.Clock.systemUTC());
    site = new CommunityServer(dir, CommunityConfig.defaults(), mailer, lookup);

    chromium = HeadlessChromium.start();
    browser = chromium.driver();
  }

  @AfterEach
  void stop() throws Exception {
    if (chromium != null) {
      chromium.close();
    }
    if (site != null) {
      site.close();
    }
    if (mailer != null) {
      mailer.close();
    }
    if (http != null) {
      http.close();
    }
    if (arxiv != null) {
      arxiv.stop(0);
    }
    if (smtp != null) {
      smtp.stop();
    }
  }

  WebElement waitFor(By by) {
    return new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  @Test
  void signInSubmitUpvoteCommentSignOut() throws Exception {
    browser.get(site.uri() + "/");
    waitFor(By.id("signin-link")).click();
    waitFor(By.id("email")).sendKeys("ada@example.org");
    browser.findElement(By.cssSelector("form[action='/signin'] button")).click();
    assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Check your inbox");

    // The link from the mail GreenMail received.
    assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
    MimeMessage mail = smtp.getReceivedMessages()[0];
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("ada@example.org");
    Matcher m = Pattern.compile("https?://\\S+/signin/confirm\\S+").matcher(text(mail));
    assertThat(m.find()).as(text(mail)).isTrue();
    browser.get(m.group());
    waitFor(By.id("confirm-signin")).click();
    assertThat(waitFor(By.id("account-link")).getText()).startsWith("reader-");

    // Submit a paper this Paperboy does not have: it comes from the (fake) arXiv API.
    browser.findElement(By.linkText("Submit")).click();
    waitFor(By.id("submit-id")).sendKeys("https://arxiv.org/abs/2506.20001v1");
    browser.findElement(By.id("submit-button")).click();
    WebElement card = waitFor(By.id("p-2506.20001"));
    assertThat(browser.getCurrentUrl()).contains("/day/2025-06-25");
    assertThat(card.findElement(By.cssSelector("h2.title")).getText())
        .isEqualTo("A Community-Submitted Paper on Retrieval");
    assertThat(arxivQueries)
        .singleElement()
        .satisfies(q -> assertThat(q).contains("id_list=2506.20001"));

    // Upvote: the script sends it with fetch and updates the count in place.
    card.findElement(By.cssSelector("button.vote")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(
            d ->
                d.findElement(By.cssSelector("#p-2506\\.20001 form.vote-form"))
                    .getAttribute("class")
                    .contains("on"));
    assertThat(browser.findElement(By.cssSelector("#p-2506\\.20001 .votes .n")).getText())
        .isEqualTo("1");

    // Comment on the paper's page.
    card.findElement(By.cssSelector("h2.title a")).click();
    waitFor(By.id("comment-body"))
        .sendKeys(
            "Nice **work**, and <script>alert(1)</script> stays text. See "
                + "https://example.org/a-very-long-address/"
                + "x".repeat(120));
    browser.findElement(By.id("comment-button")).click();
    WebElement comment = waitFor(By.cssSelector("#comments article.comment .comment-body"));
    assertThat(comment.findElement(By.tagName("strong")).getText()).isEqualTo("work");
    assertThat(comment.getText()).contains("<script>alert(1)</script> stays text.");

    // On a phone the signed-in header takes two rows (it took five), and every link stays.
    org.openqa.selenium.Dimension wide = browser.manage().window().getSize();
    try {
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 900));
      browser.get(site.uri() + "/");
      waitFor(By.id("account-link"));
      @SuppressWarnings("unchecked")
      java.util.List<Number> middles =
          (java.util.List<Number>)
              ((org.openqa.selenium.JavascriptExecutor) browser)
                  .executeScript(
                      "return Array.from(document.querySelectorAll("
                          + "'header .bar a, header .bar input:not([type=hidden]), header .bar button'))"
                          + ".map(function (e) { var r = e.getBoundingClientRect();"
                          + " return r.top + r.height / 2; });");
      java.util.List<Double> sorted = middles.stream().map(Number::doubleValue).sorted().toList();
      int rows = 1;
      for (int i = 1; i < sorted.size(); i++) {
        if (sorted.get(i) - sorted.get(i - 1) > 16) {
          rows++;
        }
      }
      assertThat(rows).as("header rows at 390px, item middles %s", sorted).isLessThanOrEqualTo(2);
      for (String link : java.util.List.of("Daily", "Trending", "Search", "Submit", "Library")) {
        assertThat(browser.findElement(By.linkText(link)).isDisplayed()).as(link).isTrue();
      }
      assertThat(browser.findElement(By.id("quick-q")).isDisplayed()).isTrue();
      assertThat(browser.findElement(By.id("account-link")).isDisplayed()).isTrue();
      assertThat(browser.findElement(By.id("signout")).isDisplayed()).isTrue();

      // A comment's long word (a URL) breaks: the paper page stays as wide as the phone (it was
      // wider, so the whole page scrolled sideways).
      browser.get(site.uri() + "/papers/2506.20001");
      waitFor(By.cssSelector("#comments article.comment .comment-body"));
      Number overflow =
          (Number)
              ((org.openqa.selenium.JavascriptExecutor) browser)
                  .executeScript(
                      "return document.documentElement.scrollWidth"
                          + " - document.documentElement.clientWidth;");
      assertThat(overflow.intValue()).as("page wider than a 390px phone by").isLessThanOrEqualTo(0);
    } finally {
      browser.manage().window().setSize(wide);
    }

    // Sign out, then the paper is on today's list with the vote and the comment.
    browser.findElement(By.id("signout")).click();
    waitFor(By.id("signin-link"));
    browser.get(site.uri() + "/");
    WebElement listed = waitFor(By.id("p-2506.20001"));
    assertThat(listed.findElement(By.cssSelector(".votes .n")).getText()).isEqualTo("1");
    assertThat(listed.findElement(By.cssSelector(".links")).getText()).contains("1 comment");
  }

  private static String text(MimeMessage m) throws Exception {
    Object content = m.getContent();
    if (content instanceof Multipart mp) {
      return mp.getBodyPart(0).getContent().toString();
    }
    return content.toString();
  }
}
