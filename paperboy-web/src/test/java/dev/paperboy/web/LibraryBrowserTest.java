package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
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
 * The library in a real browser (Debian's Chromium, headless): sign in through the mailed link,
 * save two papers from a day's list, make a public collection of them, open its shared URL signed
 * out, read its feed, and export it as BibTeX (parsed back by jbibtex). Skipped with a message when
 * Chromium or its driver is absent.
 */
class LibraryBrowserTest {
  static final String A = "2506.00051";
  static final String B = "2506.00052";

  @TempDir Path dir;
  CommunityServer site;
  HeadlessChromium chromium;
  WebDriver browser;

  @BeforeEach
  void start() throws Exception {
    HeadlessChromium.assumeInstalled();
    site = new CommunityServer(dir);
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
  }

  WebElement waitFor(By by) {
    return new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
    // The form posts and the page reloads: an element found before the reload goes stale.
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .ignoring(org.openqa.selenium.NoSuchElementException.class)
        .until(condition::apply);
  }

  @Test
  void saveTwoMakeAPublicCollectionShareItReadItsFeedAndExportBibtex() throws Exception {
    // Sign in through the link in the mail.
    browser.get(site.uri() + "/");
    waitFor(By.id("signin-link")).click();
    waitFor(By.id("email")).sendKeys("ada@example.org");
    browser.findElement(By.cssSelector("form[action='/signin'] button")).click();
    assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Check your inbox");
    browser.get(site.fx.mail.lastLinkTo("ada@example.org"));
    waitFor(By.id("confirm-signin")).click();
    waitFor(By.id("library-link"));

    // Save two papers from a day's list: plain forms, back to the same card.
    browser.get(site.uri() + "/day/2025-06-23");
    for (String id : List.of(A, B)) {
      String css = "#p-" + id.replace(".", "\\.") + " form.save-form button";
      waitFor(By.cssSelector(css)).click();
      waitUntil(d -> d.findElement(By.cssSelector(css)).getText().equals("Saved ✓"));
    }
    browser.findElement(By.id("library-link")).click();
    assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Saved papers");
    assertThat(browser.findElements(By.cssSelector("article.card"))).hasSize(2);

    // A public collection, with both saved papers added through their "Collect…" pages.
    browser.get(site.uri() + "/collections");
    waitFor(By.cssSelector("#new-collection input[name=name]")).sendKeys("Speech & <stuff>");
    browser.findElement(By.cssSelector("#new-collection input[name=public]")).click();
    browser.findElement(By.cssSelector("#new-collection button")).click();
    assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Speech & <stuff>");
    String shareUrl = waitFor(By.id("share-url")).getText();
    assertThat(shareUrl).startsWith(site.uri() + "/c/");
    for (String id : List.of(A, B)) {
      browser.get(site.uri() + "/saved");
      waitFor(By.cssSelector("#p-" + id.replace(".", "\\.") + " a.collect")).click();
      WebElement note = waitFor(By.cssSelector("form[action$='/items'] input[name=note]"));
      note.sendKeys("because " + id);
      browser.findElement(By.cssSelector("form[action$='/items'] button")).click();
      waitFor(By.cssSelector("form[action$='/remove'] button"));
    }

    // Signed out, the shared URL shows the collection with its notes, without the owner's forms.
    browser.get(site.uri() + "/");
    waitFor(By.id("signout")).click();
    waitFor(By.id("signin-link"));
    browser.get(shareUrl);
    assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Speech & <stuff>");
    assertThat(browser.findElements(By.cssSelector("ol.collection-items article.card")))
        .extracting(e -> e.getAttribute("id"))
        .containsExactly("p-" + A, "p-" + B);
    assertThat(browser.findElements(By.cssSelector("ol.collection-items .why")))
        .extracting(WebElement::getText)
        .containsExactly("Why because " + A, "Why because " + B);
    assertThat(browser.findElements(By.id("collection-settings"))).isEmpty();

    // Its feed.
    String rss = waitFor(By.id("collection-rss")).getAttribute("href");
    HttpResponse<String> feed = get(rss);
    assertThat(feed.statusCode()).isEqualTo(200);
    assertThat(feed.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/rss+xml");
    String titleA =
        site.store.findPaper(dev.paperboy.core.paper.ArxivId.parse(A)).orElseThrow().title();
    assertThat(feed.body()).contains("Speech &amp; &lt;stuff&gt;").contains(titleA);

    // And its BibTeX, from the page's link, read back by a BibTeX parser.
    String bib = browser.findElement(By.id("collection-bibtex")).getAttribute("href");
    HttpResponse<String> export = get(bib);
    assertThat(export.statusCode()).isEqualTo(200);
    BibTeXDatabase db = new BibTeXParser().parse(new StringReader(export.body()));
    List<String> eprints = new ArrayList<>();
    for (var o : db.getObjects()) {
      eprints.add(((BibTeXEntry) o).getField(new Key("eprint")).toUserString());
    }
    assertThat(eprints).containsExactly(A, B);
  }

  HttpResponse<String> get(String url) {
    return site.browser().send(HttpRequest.newBuilder(java.net.URI.create(url)).GET());
  }
}
