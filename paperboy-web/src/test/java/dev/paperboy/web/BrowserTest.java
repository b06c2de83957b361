package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A reader's path through the site in a real browser (Debian's Chromium, headless): home, the
 * previous day, a paper, a search. Skipped with a message when Chromium or its driver is absent
 * ({@code bin/install-test-deps} installs them).
 */
class BrowserTest {

  static WebTestSupport web;
  static HeadlessChromium chromium;
  static WebDriver browser;

  @BeforeAll
  static void start() throws Exception {
    HeadlessChromium.assumeInstalled();
    web = WebTestSupport.fixture();
    chromium = HeadlessChromium.start();
    browser = chromium.driver();
  }

  @AfterAll
  static void stop() throws Exception {
    if (chromium != null) {
      chromium.close();
    }
    if (web != null) {
      web.close();
    }
  }

  @Test
  void homePreviousDayPaperAndSearch() {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    browser.get(web.server.uri() + "/");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Monday, 23 June 2025");
    assertThat(browser.findElements(By.cssSelector(".card"))).hasSize(7);

    browser.findElement(By.linkText("← Previous day")).click();
    wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Friday, 20 June 2025"));
    assertThat(browser.getCurrentUrl()).endsWith("/day/2025-06-20");

    // The arrow key (app.js, progressive enhancement) goes one day further back.
    browser.findElement(By.tagName("body")).sendKeys(Keys.ARROW_LEFT);
    wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Thursday, 19 June 2025"));

    WebElement title = browser.findElement(By.cssSelector(".card .title a"));
    String paperTitle = title.getText();
    title.click();
    wait.until(ExpectedConditions.urlContains("/papers/"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(paperTitle);
    assertThat(browser.findElement(By.cssSelector(".actions a")).getText()).isEqualTo("PDF");

    WebElement box = browser.findElement(By.id("quick-q"));
    box.sendKeys("experts", Keys.ENTER);
    wait.until(ExpectedConditions.urlContains("/search?q=experts"));
    assertThat(browser.findElement(By.cssSelector(".result-count")).getText())
        .matches("\\d+ results in .*");
    assertThat(browser.findElement(By.cssSelector(".card .title")).getText())
        .isEqualTo("Sparse Mixture of Experts for Fast Inference");
    assertThat(browser.findElements(By.cssSelector(".card .title mark"))).isNotEmpty();

    // The full abstract opens in place, without JavaScript of ours.
    browser.get(web.server.uri() + "/day/2025-06-16");
    browser.findElement(By.cssSelector(".card details.abstract summary")).click();
    assertThat(browser.findElement(By.cssSelector(".card details.abstract")).getAttribute("open"))
        .isNotNull();
  }

  @Test
  void onAPhoneTheHeaderSearchBoxTakesTheWholeWidth() {
    // site.css gives the box a fixed width on wide screens and the full width below 40rem; a later
    // rule of the same specificity used to override the narrow-screen one, leaving a box too
    // small to show its own placeholder on a 390px phone.
    Dimension wide = browser.manage().window().getSize();
    try {
      browser.manage().window().setSize(new Dimension(390, 900));
      browser.get(web.server.uri() + "/");
      long viewport =
          ((Number)
                  ((org.openqa.selenium.JavascriptExecutor) browser)
                      .executeScript("return document.documentElement.clientWidth"))
              .longValue();
      assertThat(viewport).isLessThan(400);
      int box = browser.findElement(By.id("quick-q")).getSize().getWidth();
      assertThat(box).as("search box width on a %dpx viewport", viewport).isGreaterThan(300);
    } finally {
      browser.manage().window().setSize(wide);
    }
  }

  @Test
  void onAPhoneTheSearchFiltersStayInsideTheirForm() {
    // The category list is as wide as its longest name; with its label it was wider than the
    // form on a 390px phone and stuck out of the card.
    Dimension wide = browser.manage().window().getSize();
    try {
      browser.manage().window().setSize(new Dimension(390, 900));
      browser.get(web.server.uri() + "/search?q=attention");
      @SuppressWarnings("unchecked")
      java.util.List<String> outside =
          (java.util.List<String>)
              ((org.openqa.selenium.JavascriptExecutor) browser)
                  .executeScript(
                      "var form = document.querySelector('form.search').getBoundingClientRect();"
                          + " return Array.from(document.querySelectorAll('form.search label,"
                          + " form.search select, form.search input:not([type=hidden])'))"
                          + ".filter(function (e) { var r = e.getBoundingClientRect();"
                          + " return r.width > 0 && (r.left < form.left || r.right > form.right); })"
                          + ".map(function (e) { return e.outerHTML.slice(0, 60)"
                          + " + ' right=' + e.getBoundingClientRect().right"
                          + " + ' form=' + form.right; });");
      assertThat(outside).as("filters outside the search form at 390px").isEmpty();
    } finally {
      browser.manage().window().setSize(wide);
    }
  }
}
