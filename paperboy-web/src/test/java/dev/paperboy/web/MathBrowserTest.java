package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.DailyEntry;
import dev.paperboy.core.paper.EntrySource;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.testing.InMemoryPaperStore;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * TeX in titles and abstracts drawn by KaTeX in a real browser (Debian's Chromium, headless), under
 * the site's Content-Security-Policy: formulas become {@code .katex} elements, prices and malformed
 * TeX stay text, and a formula a search match falls inside stays raw with its highlight. Skipped
 * with a message when Chromium or its driver is absent ({@code bin/install-test-deps} installs
 * them).
 */
class MathBrowserTest {
  static final String MATH = "2506.20042";
  static final String TITLE = "Bounds for $\\alpha$-Divergences in $O(n \\log n)$ Time";

  static WebTestSupport web;
  static HeadlessChromium chromium;
  static WebDriver browser;

  @BeforeAll
  static void start() throws Exception {
    HeadlessChromium.assumeInstalled();
    InMemoryPaperStore store = Fixture.store();
    store.upsertPapers(
        List.of(
            Paper.builder(ArxivId.parse(MATH), TITLE)
                .abstractText(
                    "We bound the $\\alpha$-divergence between distributions on $\\mathbb{R}^d$."
                        + " A licence costs $5 and $10 per seat. The bound"
                        + " $$\\sum_{i=1}^n x_i \\le 1$$ is tight. Malformed $\\frac{1$ stays"
                        + " as written, and so does $\\href{https://example.org}{x}$.")
                .authors(List.of("Ada Lovelace"))
                .categories(List.of("cs.LG"))
                .listingDate(Fixture.LATEST)
                .build()));
    store.upsertEntries(
        List.of(
            new DailyEntry(
                Fixture.LATEST, ArxivId.parse(MATH), EntrySource.HUGGING_FACE, "ada", 99, null)));
    web = new WebTestSupport(WebConfig.defaults(), store, Fixture.index(store), Fixture.CLOCK);
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
  void formulasAreDrawnAndPricesAndBrokenTexStayText() {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    browser.get(web.server.uri() + "/papers/" + MATH);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("h1 .katex")));

    assertThat(browser.findElements(By.cssSelector("h1 .katex"))).hasSize(2);
    WebElement abs = browser.findElement(By.cssSelector(".abstract-full p"));
    // \alpha, \mathbb{R}^d, the display sum, and \href drawn as an unsupported command (trust is
    // off): no link. The prices and the malformed formula stay text.
    assertThat(abs.findElements(By.cssSelector(".katex"))).hasSize(4);
    assertThat(abs.findElements(By.cssSelector(".katex-display"))).hasSize(1);
    assertThat(abs.findElements(By.cssSelector(".katex-error"))).isEmpty();
    assertThat(abs.findElements(By.cssSelector("a"))).isEmpty();
    String text = textOutsideMath(abs);
    assertThat(text)
        .contains("A licence costs $5 and $10 per seat.")
        .contains("Malformed $\\frac{1$ stays")
        .doesNotContain("$\\alpha$")
        .doesNotContain("\\mathbb");
    // KaTeX's own fonts loaded from here, under font-src 'self'.
    Object fonts =
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                    + " document.fonts.ready.then(function () {"
                    + " done(document.fonts.check('16px KaTeX_Main')"
                    + " && document.fonts.check('16px KaTeX_Math')); });");
    assertThat(fonts).isEqualTo(Boolean.TRUE);

    // The day list draws titles and abstracts the same way.
    browser.get(web.server.uri() + "/day/" + Fixture.LATEST);
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#p-2506\\.20042 .title .katex")));
    assertThat(browser.findElements(By.cssSelector("#p-2506\\.20042 .title .katex"))).hasSize(2);
    assertThat(browser.findElements(By.cssSelector("#p-2506\\.20042 .teaser .katex"))).isNotEmpty();
  }

  @Test
  void aFormulaASearchMatchFallsInsideIsDrawnWholeAndHighlighted() {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    browser.get(web.server.uri() + "/search?q=alpha");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".card .title .katex")));
    WebElement title = browser.findElement(By.cssSelector(".card .title"));
    // $\alpha$ has the match inside: drawn, and the drawing is the highlight; $O(n \log n)$ is
    // drawn without one. No TeX is left as text.
    assertThat(title.findElements(By.cssSelector(".katex"))).hasSize(2);
    assertThat(title.findElements(By.cssSelector("mark .katex"))).hasSize(1);
    assertThat(title.findElements(By.cssSelector("mark"))).hasSize(1);
    assertThat(textOutsideMath(title).strip()).isEqualTo("Bounds for -Divergences in  Time");
  }

  /** The element's text with KaTeX's output left out (its hidden MathML repeats the TeX). */
  private static String textOutsideMath(WebElement element) {
    return (String)
        ((JavascriptExecutor) browser)
            .executeScript(
                "var copy = arguments[0].cloneNode(true);"
                    + " copy.querySelectorAll('.math').forEach(function (m) { m.remove(); });"
                    + " return copy.textContent;",
                element);
  }
}
