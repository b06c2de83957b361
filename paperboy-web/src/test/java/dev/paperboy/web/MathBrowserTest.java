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
 * TeX in titles and abstracts drawn by math.js in a real browser (Debian's Chromium, headless),
 * under the site's Content-Security-Policy: formulas become {@code .katex} elements, prices and
 * malformed TeX stay text, and a formula a search match falls inside is drawn whole and
 * highlighted; KaTeX is fetched only by pages with a formula; LaTeX text commands outside math
 * ({@code \emph}, quotes, dashes, escapes) become elements and characters. Skipped with a message
 * when Chromium or its driver is absent ({@code bin/install-test-deps} installs them).
 */
class MathBrowserTest {
  static final String MATH = "2506.20042";
  static final String TITLE = "Bounds for $\\alpha$-Divergences in $O(n \\log n)$ Time";
  static final String MARKUP = "2506.20043";
  static final String PLAIN = "2506.20044";

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
    store.upsertPapers(
        List.of(
            Paper.builder(ArxivId.parse(MARKUP), "\\emph{Zyzzyva} Nets and \\textsc{Quux} Data")
                .abstractText(
                    "We propose a \\emph{novel} ``quoted'' method---fast---that pays 50\\%"
                        + " less, at \\$5 per run (\\$x\\$ stays text), with $\\alpha$ tuned;"
                        + " see Fig.~3, pages 3--4, \\textbf{bold \\emph{nested}}, \\texttt{a--b\\_c},"
                        + " {\\em old style}, \\foo{unknown} and \\emph{unbalanced, a ~20% gain,"
                        + " ox.ac.uk/~vgg, and GTA --> Cityscapes.")
                .authors(List.of("Ada Lovelace"))
                .categories(List.of("cs.LG"))
                .listingDate(Fixture.LATEST)
                .build(),
            Paper.builder(ArxivId.parse(PLAIN), "Plain Words -- No Formulas")
                .abstractText("An \\emph{ordinary} abstract that costs \\$5 and has no math.")
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

  @Test
  void textMarkupIsDrawnAndTheRestStaysAsWritten() {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    browser.get(web.server.uri() + "/papers/" + MARKUP);
    wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector(".abstract-full .katex")));
    WebElement abs = browser.findElement(By.cssSelector(".abstract-full p"));
    // Elements built from the commands, nested one in another.
    assertThat(html(abs, "em")).contains("novel", "nested", "old style");
    assertThat(html(abs, "b")).containsExactly("bold <em>nested</em>");
    assertThat(html(abs, ".tex-tt")).containsExactly("a--b_c"); // no dash ligature in \\texttt
    String text = textOutsideMath(abs);
    assertThat(text)
        .contains("a novel \u201Cquoted\u201D method\u2014fast\u2014that pays 50% less")
        // \\$ is a dollar sign, and never a delimiter: one formula only, $\\alpha$.
        .contains("at $5 per run ($x$ stays text)")
        .contains("see Fig.\u00A03, pages 3\u20134, bold nested, a--b_c, old style,")
        // Unknown commands and unbalanced braces as written; ~ for "about" and in a path stays.
        .contains("\\foo{unknown} and \\emph{unbalanced, a ~20% gain, ox.ac.uk/~vgg,")
        .contains("GTA --> Cityscapes.")
        .doesNotContain("\\emph{novel}")
        .doesNotContain("``")
        .doesNotContain("\\%");
    assertThat(abs.findElements(By.cssSelector(".katex"))).hasSize(1);
    assertThat(abs.findElements(By.cssSelector(".math-tex"))).isEmpty();
    // The title, math-free, is marked up too; and KaTeX was fetched for the abstract's formula.
    assertThat(html(browser.findElement(By.cssSelector("h1")), "em")).containsExactly("Zyzzyva");
    assertThat(browser.findElements(By.cssSelector("h1 .tex-sc"))).hasSize(1);
    assertThat(katexInDom()).containsExactly(KatexAssets.script(), KatexAssets.stylesheet());
  }

  @Test
  void pagesWithoutMathLoadNoKatexButStillDrawMarkup() {
    for (String path : List.of("/papers/" + PLAIN, "/search", "/search?q=ordinary")) {
      browser.get(web.server.uri() + path);
      assertThat(katexInDom()).as(path).isEmpty();
      assertThat(browser.findElements(By.cssSelector(".katex, .math-tex"))).as(path).isEmpty();
      assertThat(((JavascriptExecutor) browser).executeScript("return typeof window.katex"))
          .as(path)
          .isEqualTo("undefined");
    }
    browser.get(web.server.uri() + "/papers/" + PLAIN);
    assertThat(html(browser.findElement(By.cssSelector(".abstract-full p")), "em"))
        .containsExactly("ordinary");
    assertThat(browser.findElement(By.cssSelector(".abstract-full p")).getText())
        .isEqualTo("An ordinary abstract that costs $5 and has no math.");
    assertThat(browser.findElement(By.cssSelector("h1")).getText())
        .isEqualTo("Plain Words \u2013 No Formulas");
    // And a page with math has both files, once.
    browser.get(web.server.uri() + "/papers/" + MATH);
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("h1 .katex")));
    assertThat(katexInDom()).containsExactly(KatexAssets.script(), KatexAssets.stylesheet());
  }

  @Test
  void aMatchInsideACommandStaysHighlightedInsideItsElement() {
    browser.get(web.server.uri() + "/search?q=zyzzyva");
    WebElement title = browser.findElement(By.cssSelector("#p-2506\\.20043 .title"));
    // The match is the whole argument: drawn, with the highlight inside the emphasis.
    assertThat(html(title, "em")).containsExactly("<mark>Zyzzyva</mark>");
    assertThat(title.getText()).isEqualTo("Zyzzyva Nets and Quux Data");
    // A match on the command itself cuts through "\\emph{": left as written, highlight and all.
    browser.get(web.server.uri() + "/search?q=emph");
    title = browser.findElement(By.cssSelector("#p-2506\\.20043 .title"));
    assertThat(title.findElements(By.cssSelector("em"))).isEmpty();
    assertThat(html(title, "mark")).containsExactly("emph");
    assertThat(title.getText()).isEqualTo("\\emph{Zyzzyva} Nets and Quux Data");
  }

  /** The inner HTML of each element under {@code root} that matches {@code css}. */
  @SuppressWarnings("unchecked")
  private static List<String> html(WebElement root, String css) {
    return (List<String>)
        ((JavascriptExecutor) browser)
            .executeScript(
                "return Array.from(arguments[0].querySelectorAll(arguments[1]))"
                    + ".map(function (e) { return e.innerHTML; });",
                root,
                css);
  }

  /** The KaTeX script and stylesheet URLs in the page's DOM, in that order. */
  @SuppressWarnings("unchecked")
  private static List<String> katexInDom() {
    return (List<String>)
        ((JavascriptExecutor) browser)
            .executeScript(
                "return Array.from(document.querySelectorAll("
                    + "'script[src*=katex], link[rel=stylesheet][href*=katex]'))"
                    + ".sort(function (a, b) { return a.tagName < b.tagName ? 1 : -1; })"
                    + ".map(function (e) { return e.getAttribute('src') || e.getAttribute('href'); });");
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
