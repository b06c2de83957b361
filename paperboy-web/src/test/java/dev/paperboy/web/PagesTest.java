package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.search.SearchMode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PagesTest {
  /**
   * The only scripts a page's HTML loads, all ours. KaTeX is not among them: math.js fetches it
   * when the page has a formula (MathBrowserTest).
   */
  static final List<String> OUR_SCRIPTS =
      List.of(StaticAssets.url("app.js"), StaticAssets.url("math.js"));

  static WebTestSupport web;

  @BeforeAll
  static void start() {
    web = WebTestSupport.fixture();
  }

  @AfterAll
  static void stop() {
    web.close();
  }

  @Test
  void homeShowsTheLatestDayMostUpvotedFirst() {
    Document d = web.page("/", 200);
    assertThat(d.select("h1 time").attr("datetime")).isEqualTo("2025-06-23");
    assertThat(d.select("h1").text()).isEqualTo("Monday, 23 June 2025");
    var votes = d.select(".card .votes .n").eachText();
    assertThat(votes).hasSize(7);
    assertThat(votes).containsExactly("23", "20", "17", "14", "11", "7", "0");
    assertThat(d.select("a[rel=prev]").attr("href")).isEqualTo("/day/2025-06-20");
    assertThat(d.select(".daynav .off").text()).contains("Next day");
    assertThat(d.select("#subscribe h2").text())
        .contains("Get trending papers in your email inbox");
    assertThat(d.select("link[type=application/atom+xml]").attr("href"))
        .isEqualTo("/feeds/daily.atom");
  }

  @Test
  void dayPageLinksBothWaysAndToWeekAndMonth() {
    Document d = web.page("/day/2025-06-16", 200);
    assertThat(d.select("h1").text()).isEqualTo("Monday, 16 June 2025");
    assertThat(d.select("a[rel=next]").attr("href")).isEqualTo("/day/2025-06-17");
    assertThat(d.select("a[href=/week/2025-W25]")).isNotEmpty();
    assertThat(d.select("a[href=/month/2025-06]")).isNotEmpty();
    Element first = d.selectFirst(".card");
    assertThat(first.select(".title a").text())
        .isEqualTo("Sparse Mixture of Experts for Fast Inference");
    assertThat(first.select(".title a").attr("href")).isEqualTo("/papers/2506.10001");
    assertThat(first.select(".votes .n").text()).isEqualTo("40");
    assertThat(first.select(".cat.primary").attr("title")).isEqualTo("Machine Learning");
    assertThat(first.select(".cat.primary").text()).contains("cs.LG").contains("Machine Learning");
    assertThat(first.select(".authors .more").text()).isEqualTo("+3 more");
    assertThat(first.select(".links a.code").attr("href"))
        .isEqualTo("https://github.com/example/sparse-moe");
    assertThat(first.select(".links a.code").text())
        .contains("example/sparse-moe")
        .contains("1.2k");
    assertThat(first.select(".links a[href=https://arxiv.org/pdf/2506.10001]").text())
        .isEqualTo("PDF");
    assertThat(first.select("details.abstract p")).hasSize(2);
    assertThat(first.select("time").attr("datetime")).isEqualTo("2025-06-16");
  }

  @Test
  void weekendDaySaysWhyThereIsNoListAndLinksToNearestDays() {
    Document d = web.page("/day/2025-06-21", 200);
    assertThat(d.select(".notice").text()).contains("Sunday to Thursday").contains("Saturday");
    assertThat(d.select(".notice a").eachAttr("href"))
        .containsExactly("/day/2025-06-20", "/day/2025-06-23");
    assertThat(d.select(".card")).isEmpty();
  }

  @Test
  void weekdayWithoutListAndFutureDayAreExplained() {
    assertThat(web.page("/day/2025-06-11", 200).select(".notice").text())
        .contains("no list for it was imported");
    assertThat(web.page("/day/2025-06-24", 200).select(".notice").text())
        .contains("has been imported yet");
    assertThat(web.page("/day/2025-07-01", 200).select(".notice").text())
        .contains("has not happened yet");
  }

  @Test
  void badDaysAre400Pages() {
    Document d = web.page("/day/2025-02-30", 400);
    assertThat(d.select("h1").text()).isEqualTo("Bad request");
    assertThat(d.text()).contains("date: there is no 30 February 2025");
    web.page("/day/yesterday", 400);
    web.page("/day/2025-06-16?p=0", 400);
    web.page("/day/2025-06-16?p=x", 400);
    web.page("/day/2025-06-16?p=2", 404);
    // Expanded years parse in java.time: the month after +999999999-12 overflowed (a 500), and
    // +10000-01-01 sorts before the real days in the store, so it linked to them as neighbours.
    assertThat(web.page("/month/+999999999-12", 400).text())
        .contains("month: must be a month as YYYY-MM, got '+999999999-12'");
    web.page("/day/+10000-01-01", 400);
    web.page("/day/-999999999-01-01", 400);
  }

  @Test
  void weekAndMonthViewsListEachPaperOnce() {
    Document week = web.page("/week/2025-W25", 200);
    assertThat(week.select("h1").text()).isEqualTo("Week 25, 2025");
    assertThat(week.select(".card .title a").eachAttr("href")).doesNotHaveDuplicates().hasSize(31);
    assertThat(week.select(".card .votes .n").first().text()).isEqualTo("40");
    assertThat(week.select("a[rel=next]").attr("href")).isEqualTo("/week/2025-W26");
    Document month = web.page("/month/2025-06", 200);
    assertThat(month.select("h1").text()).isEqualTo("June 2025");
    assertThat(month.select(".calendar td.has a").eachAttr("href"))
        .containsExactly(
            "/day/2025-06-16",
            "/day/2025-06-17",
            "/day/2025-06-18",
            "/day/2025-06-19",
            "/day/2025-06-20",
            "/day/2025-06-23");
    assertThat(month.select(".calendar td.has a").first().text())
        .contains("16")
        .contains("7 papers");
    assertThat(month.select(".calendar td.weekend")).isNotEmpty();
    // Days without a list, weekends and the weekdays after the last list alike, are no links and
    // share one look: 30 days, 6 with lists.
    assertThat(month.select(".calendar td.none")).hasSize(24);
    assertThat(month.select(".calendar td.none a")).isEmpty();
    assertThat(month.select(".calendar td.none").eachText()).allMatch(t -> t.endsWith("no list"));
    assertThat(month.select(".calendar td.none").eachText()).contains("24 no list");
    web.page("/week/2025-W54", 400);
    web.page("/week/2025-25", 400);
    web.page("/month/2025-13", 400);
  }

  @Test
  void weekAndMonthLinksStopWhereTheListsDo() {
    // The lists run from Monday 16 June to Monday 23 June 2025. "Next week" from the last week
    // led to empty weeks without end; the day pages already stop at the last list.
    Document last = web.page("/week/2025-W26", 200);
    assertThat(last.select("a[rel=next]")).isEmpty();
    assertThat(last.select("a[rel=prev]").attr("href")).isEqualTo("/week/2025-W25");
    Document first = web.page("/week/2025-W25", 200);
    assertThat(first.select("a[rel=prev]")).isEmpty();
    assertThat(first.select("a[rel=next]").attr("href")).isEqualTo("/week/2025-W26");
    Document june = web.page("/month/2025-06", 200);
    assertThat(june.select("a[rel=next], a[rel=prev]")).isEmpty();
    // A week far after the lists links back towards them only.
    Document later = web.page("/week/2025-W40", 200);
    assertThat(later.select("a[rel=next]")).isEmpty();
    assertThat(later.select("a[rel=prev]").attr("href")).isEqualTo("/week/2025-W39");
  }

  @Test
  void monthIsPaged() {
    Document one = web.page("/month/2025-06", 200);
    assertThat(one.select(".pager")).isEmpty(); // 38 papers fit on one page of 50
  }

  @Test
  void trendingRanksByDecayedVotesAndOffersWindows() {
    Document d = web.page("/trending", 200);
    assertThat(d.select(".segmented a[aria-current=page]").text()).isEqualTo("Week");
    assertThat(d.select(".segmented a").eachAttr("href"))
        .containsExactly("/trending?window=3d", "/trending?window=week", "/trending?window=month");
    // Monday 23 June's top paper (23 votes, today) beats last Monday's 40 votes a week old.
    assertThat(d.select(".card .title a").first().attr("href")).isEqualTo("/papers/2506.00051");
    assertThat(d.select(".card .score")).isNotEmpty();
    assertThat(d.select(".card .votes .n").eachText()).doesNotContain("0");
    Document threeDays = web.page("/trending?window=3d", 200);
    assertThat(threeDays.select(".card .title a").eachAttr("href"))
        .doesNotContain("/papers/2506.10001");
    Document month = web.page("/trending?window=month", 200);
    assertThat(month.select(".card .title a").eachAttr("href")).contains("/papers/2506.10001");
    assertThat(web.page("/trending?window=year", 400).text())
        .contains("window")
        .contains("3d, week or month");
  }

  @Test
  void paperPageShowsEverything() {
    Document d = web.page("/papers/2506.10001", 200);
    assertThat(d.select("h1").text()).isEqualTo("Sparse Mixture of Experts for Fast Inference");
    assertThat(d.select(".authors.full .author")).hasSize(9);
    assertThat(d.select(".catlist li").eachText())
        .containsExactly(
            "cs.LG Machine Learning (primary)",
            "cs.CL Computation and Language",
            "cs.DC Distributed, Parallel, and Cluster Computing");
    assertThat(d.select(".actions a").eachAttr("href"))
        .contains(
            "https://arxiv.org/pdf/2506.10001",
            "https://arxiv.org/abs/2506.10001",
            "https://github.com/example/sparse-moe",
            "https://example.org/sparse-moe",
            "/papers/2506.10001.md");
    assertThat(d.select(".facts").text())
        .contains("v1 (12 Jun 2025), v2 (14 Jun 2025)")
        .contains("Updated to v2 on 14 Jun 2025")
        .contains("Proc. Test 2025");
    assertThat(d.select(".facts a[href=https://doi.org/10.1234/test.5678]")).hasSize(1);
    assertThat(d.select(".featured li")).hasSize(2);
    assertThat(d.select(".featured li").first().text())
        .contains("Monday, 16 June 2025")
        .contains("Hugging Face")
        .contains("akhaliq")
        .contains("40 upvotes");
    assertThat(d.select(".votes .n").text()).isEqualTo("40");
    assertThat(d.select(".keywords li").eachText())
        .containsExactly("mixture of experts", "inference", "prefetching");
    assertThat(d.select("#comments")).hasSize(1);
    assertThat(d.select(".similar li a").eachAttr("href"))
        .isNotEmpty()
        .doesNotContain("/papers/2506.10001")
        .allMatch(h -> h.startsWith("/papers/"));
  }

  @Test
  void paperIdsAreNormalisedOr400Or404() {
    HttpResponse<String> r = web.get("/papers/2506.10001v2");
    assertThat(r.statusCode()).isEqualTo(301);
    assertThat(r.headers().firstValue("Location")).hasValue("/papers/2506.10001");
    assertThat(web.get("/papers/arXiv:2506.10001.md").headers().firstValue("Location"))
        .hasValue("/papers/2506.10001.md");
    assertThat(web.page("/papers/2506.99999", 404).text()).contains("No paper 2506.99999");
    assertThat(web.page("/papers/not-an-id", 400).text()).contains("arxivId");
    assertThat(web.page("/papers/hep-th/9901001", 200).select("h1").text())
        .contains("Old-Style Identifier");
    // A GET of a form's address (a reload after posting, a copied link) leads to the paper; it
    // was a 400 saying "not an arXiv id: '2506.10001/upvote'".
    for (String action : List.of("upvote", "save")) {
      HttpResponse<String> got = web.get("/papers/2506.10001v2/" + action);
      assertThat(got.statusCode()).as(action).isEqualTo(303);
      assertThat(got.headers().firstValue("Location")).hasValue("/papers/2506.10001");
    }
    assertThat(web.get("/papers/hep-th/9901001/comments").headers().firstValue("Location"))
        .hasValue("/papers/hep-th/9901001#comments");
    assertThat(web.page("/papers/not-an-id/upvote", 400).text()).contains("arxivId");
  }

  @Test
  void paperAsMarkdown() {
    HttpResponse<String> r = web.get("/papers/2506.10001.md");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/markdown");
    assertThat(r.body())
        .startsWith("# Sparse Mixture of Experts for Fast Inference\n")
        .contains("**arXiv:** [2506.10001](https://arxiv.org/abs/2506.10001)")
        .contains("cs.LG (Machine Learning)")
        .contains("**Code:** <https://github.com/example/sparse-moe>")
        .contains("## Abstract\n\nMixture of experts models")
        .contains("- 2025-06-16 — Hugging Face Daily Papers, 40 upvotes");
    String hostile = web.get("/papers/" + Fixture.HOSTILE + ".md").body();
    assertThat(hostile).startsWith("# \\<script\\>alert\\('title'\\)\\</script\\> \\& \"Friends\"");
    // Every "<" of the data is escaped; the only bare ones open autolinks <https://...>.
    assertThat(hostile.replaceAll("<https://[^>\\s]+>", "")).doesNotContainPattern("(?<!\\\\)<");
  }

  @Test
  void categoryPagesListRecentPapersAndRedirectAliases() {
    Document d = web.page("/category/cs.CV", 200);
    assertThat(d.select("h1").text()).isEqualTo("cs.CV · Computer Vision and Pattern Recognition");
    assertThat(d.select(".card"))
        .isNotEmpty()
        .allSatisfy(
            c -> assertThat(c.select(".cat").eachText()).anyMatch(t -> t.startsWith("cs.CV")));
    assertThat(d.select("link[type=application/rss+xml]").attr("href"))
        .isEqualTo("/feeds/category/cs.CV.rss");
    assertThat(web.get("/category/cs.SY").headers().firstValue("Location"))
        .hasValue("/category/eess.SY");
    HttpResponse<String> lower = web.get("/category/cs.cv");
    assertThat(lower.statusCode()).isEqualTo(301);
    assertThat(lower.headers().firstValue("Location")).hasValue("/category/cs.CV");
    assertThat(web.get("/category/CS.CV").headers().firstValue("Location"))
        .hasValue("/category/cs.CV");
    web.page("/category/nope.XX", 404);
    // An archive lists its categories.
    Document cs = web.page("/category/cs", 200);
    assertThat(cs.select("h1").text()).isEqualTo("cs · Computer Science");
    assertThat(cs.select("ul.categories a").eachAttr("href"))
        .contains("/category/cs.CL", "/category/cs.CV")
        .allMatch(h -> h.startsWith("/category/cs."));
    assertThat(web.get("/category/CS").headers().firstValue("Location")).hasValue("/category/cs");
    web.page("/category/nope", 404);
  }

  @Test
  void searchShowsMarkedResultsCountAndTime() {
    Document d = web.page("/search?q=experts", 200);
    assertThat(d.select(".result-count").text()).matches("\\d+ results in [\\d.]+ ms.*");
    assertThat(d.select(".card")).isNotEmpty();
    Element first = d.selectFirst(".card");
    assertThat(first.select(".title a").attr("href")).isEqualTo("/papers/2506.10001");
    assertThat(first.select(".title mark").text()).isEqualToIgnoringCase("Experts");
    assertThat(first.select(".snippet mark")).isNotEmpty();
    assertThat(first.select(".votes .n").text()).isEqualTo("40");
    assertThat(d.select("input#q").val()).isEqualTo("experts");
    assertThat(d.select("label:has(input#q), label[for=q]")).isNotEmpty();
    assertThat(d.select(".result-count a").eachAttr("href"))
        .contains("/feeds/search.rss?q=experts");
  }

  @Test
  void searchFiltersAndPages() {
    Document code = web.page("/search?q=study&code=1", 200);
    assertThat(code.select(".card"))
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c.select("a.code")).isNotEmpty());
    Document cat = web.page("/search?q=study&category=cs.RO", 200);
    assertThat(cat.select(".card"))
        .isNotEmpty()
        .allSatisfy(
            c -> assertThat(c.select(".cat").eachText()).anyMatch(t -> t.startsWith("cs.RO")));
    assertThat(cat.select("select[name=category] option[selected]").val()).isEqualTo("cs.RO");
    Document dated = web.page("/search?q=study&from=2025-06-23&to=2025-06-23", 200);
    assertThat(dated.select(".result-count").text()).startsWith("6 results");
    web.page("/search?q=study&from=2025-06-24&to=2025-06-23", 400);
    web.page("/search?q=study&from=soon", 400);
    web.page("/search?q=study&category=xx.YY", 400);
    web.page("/search?q=study&mode=fuzzy", 400);
    web.page("/search?q=study&code=maybe", 400);
    web.page("/search?q=" + "a".repeat(501), 400);
  }

  @Test
  void searchPagesThroughResults() {
    var store = Fixture.store();
    try (WebTestSupport small =
        new WebTestSupport(
            WebConfig.defaults().withPageSize(5), store, Fixture.index(store), Fixture.CLOCK)) {
      Document one = small.page("/search?q=study", 200);
      assertThat(one.select(".card")).hasSize(5);
      assertThat(one.select(".pager .where").text()).isEqualTo("Page 1 of 8");
      String next = one.select(".pager a[rel=next]").attr("href");
      assertThat(next).isEqualTo("/search?q=study&p=2");
      Document two = small.page(next, 200);
      assertThat(two.select(".card .title a").eachAttr("href"))
          .doesNotContainAnyElementsOf(one.select(".card .title a").eachAttr("href"));
      assertThat(two.select(".pager a[rel=prev]").attr("href")).isEqualTo("/search?q=study");
      Document day = small.page("/day/2025-06-16?p=2", 200);
      assertThat(day.select(".card .rank").first().text()).isEqualTo("#6");
    }
  }

  @Test
  void semanticSearchPagesOnWithoutClaimingATotal() {
    // A nearest-neighbour search ranks as many papers as it is asked for and cannot count the
    // rest: its "total" is offset + limit. Read as a count, it gave page 1 no next page (so the
    // reader never saw result 6) and a count that grew with every page.
    var store = Fixture.store();
    FakeSearchIndex index = new FakeSearchIndex(Set.of(SearchMode.BM25, SearchMode.SEMANTIC));
    index.index(store.papersAfter(null, 1000));
    WebConfig config =
        WebConfig.defaults()
            .withPageSize(5)
            .withSearchModes(
                new java.util.LinkedHashSet<>(List.of(SearchMode.BM25, SearchMode.SEMANTIC)));
    try (WebTestSupport small = new WebTestSupport(config, store, index, Fixture.CLOCK)) {
      Document one = small.page("/search?q=study&mode=semantic", 200);
      assertThat(one.select(".card")).hasSize(5);
      assertThat(one.select(".result-count").text()).startsWith("Results 1–5 in ");
      assertThat(one.select(".pager .where").text()).isEqualTo("Page 1");
      String next = one.select(".pager a[rel=next]").attr("href");
      assertThat(next).isEqualTo("/search?q=study&mode=semantic&p=2");
      Document two = small.page(next, 200);
      assertThat(two.select(".card")).hasSize(5);
      assertThat(two.select(".result-count").text()).startsWith("Results 6–10 in ");
      assertThat(two.select(".card .title a").eachAttr("href"))
          .doesNotContainAnyElementsOf(one.select(".card .title a").eachAttr("href"));
      // 36 papers match: page 8 is the last (one paper), and there is no page 9.
      Document last = small.page("/search?q=study&mode=semantic&p=8", 200);
      assertThat(last.select(".card")).hasSize(1);
      assertThat(last.select(".result-count").text()).startsWith("Results 36–36 in ");
      assertThat(last.select(".pager a[rel=next]")).isEmpty();
      assertThat(last.select(".pager a[rel=prev]")).hasSize(1);
      small.page("/search?q=study&mode=semantic&p=9", 404);
      // Keyword search counts exactly, and has no page past its last either.
      assertThat(small.page("/search?q=study", 200).select(".result-count").text())
          .startsWith("36 results in ");
      small.page("/search?q=study&p=9", 404);
      // No search pages past the first 1,000 results (200 pages of 5), whatever the mode.
      small.page("/search?q=study&mode=semantic&p=201", 404);
    }
  }

  @Test
  void aQueryWithoutWordsFindsNothingByMeaning() {
    // A vector search always has nearest neighbours: "*", "-" or an empty phrase embedded as they
    // are brought back 50 arbitrary papers. Such a query is not sent to the index at all (the
    // index here fails if it is asked).
    var store = Fixture.store();
    FakeSearchIndex index = new FakeSearchIndex(Set.of(SearchMode.BM25, SearchMode.SEMANTIC));
    index.index(store.papersAfter(null, 1000));
    index.error = new AssertionError("searched the index for a query without words");
    WebConfig config =
        WebConfig.defaults()
            .withSearchModes(
                new java.util.LinkedHashSet<>(List.of(SearchMode.BM25, SearchMode.SEMANTIC)));
    try (WebTestSupport both = new WebTestSupport(config, store, index, Fixture.CLOCK)) {
      for (String q : List.of("*", "-", "%22%22", "%E2%80%94+%3F", "-experts")) {
        Document d = both.page("/search?mode=semantic&q=" + q, 200);
        assertThat(d.select(".card")).as(q).isEmpty();
        assertThat(d.select(".result-count").text()).as(q).startsWith("0 results");
        assertThat(d.select(".notice h2").text()).as(q).isEqualTo("No results");
      }
      assertThat(both.json("/api/papers/search?mode=semantic&q=*", 200)).isEmpty();
    }
  }

  @Test
  void unavailableModeSaysSoAndFallsBack() {
    Document d = web.page("/search?q=experts&mode=semantic", 200);
    assertThat(d.select(".notice.info").text())
        .contains("Semantic search is not available")
        .contains("keyword (bm25) results");
    assertThat(d.select(".card")).isNotEmpty();
    assertThat(d.select("select[name=mode] option").eachText())
        .contains("Semantic (not available)");
  }

  @Test
  void queryTheIndexCannotParseIsExplained() {
    Document d = web.page("/search?q=%22unbalanced", 400);
    assertThat(d.select(".notice.error").text()).contains("unbalanced quote");
  }

  @Test
  void searchWithoutQueryShowsTheForm() {
    Document d = web.page("/search", 200);
    assertThat(d.select("form.search")).hasSize(1);
    assertThat(d.select(".result-count")).isEmpty();
    assertThat(d.select("select[name=category] option")).hasSizeGreaterThan(100);
  }

  @Test
  void unknownPathsAre404Pages() {
    Document d = web.page("/nothing/here", 404);
    assertThat(d.select("h1").text()).isEqualTo("Not found");
    assertThat(d.select("a[href=/]")).isNotEmpty();
  }

  @Test
  void hostileTextIsShownAsTextEverywhere() {
    for (String path :
        new String[] {
          "/",
          "/papers/" + Fixture.HOSTILE,
          "/search?q=experts",
          "/week/2025-W26",
          "/category/cs.CR"
        }) {
      HttpResponse<String> r = web.get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      String html = r.body();
      assertThat(html)
          .as(path)
          .doesNotContain("<script>alert")
          .doesNotContain("<img src=x")
          .doesNotContain("<b>Mallory")
          .doesNotContain("<b>mallory");
      Document d = org.jsoup.Jsoup.parse(html);
      assertThat(d.select("[href]").eachAttr("href"))
          .as(path)
          .noneMatch(h -> h.strip().toLowerCase().startsWith("javascript:"));
      assertThat(d.select("[onerror], [onclick], [onload]")).as(path).isEmpty();
      assertThat(d.select("script"))
          .as(path)
          .allSatisfy(s -> assertThat(s.attr("src")).isIn(OUR_SCRIPTS));
      assertThat(d.select("img")).as(path).isEmpty();
    }
    Document paper = web.page("/papers/" + Fixture.HOSTILE, 200);
    assertThat(paper.select("h1").text()).isEqualTo(Fixture.HOSTILE_TITLE);
    assertThat(paper.select(".authors.full").text()).contains("\"><b>Mallory</b>");
    // A project page that is no valid http(s) URL is dropped rather than linked.
    assertThat(paper.select(".actions a").eachAttr("href"))
        .noneMatch(h -> h.contains("example.org"));
    assertThat(paper.select("title").text()).startsWith(Fixture.HOSTILE_TITLE);
  }

  @Test
  void staticAssetsAreServedLocallyAndCached() {
    HttpResponse<String> css = web.get("/static/site.css");
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
    assertThat(web.get("/static/app.js").statusCode()).isEqualTo(200);
    assertThat(web.get("/static/favicon.svg").statusCode()).isEqualTo(200);
    Document home = web.page("/", 200);
    assertThat(home.select("link[rel=stylesheet], link[rel=icon]").eachAttr("href"))
        .allMatch(h -> h.startsWith("/static/"));
    assertThat(home.select("script[src]").eachAttr("src")).allMatch(h -> h.startsWith("/static/"));
    assertThat(home.html()).doesNotContain("https://cdn").doesNotContain("fonts.googleapis");
  }

  @Test
  void ourAssetsAreLinkedWithAContentVersionAndOnlyThatVersionIsCachedForAYear() throws Exception {
    // An upgrade changes site.css or math.js under the same name: a day's cache of an unversioned
    // URL kept returning readers on the old layout, or an old math.js next to new HTML.
    Document home = web.page("/", 200);
    List<String> links = new java.util.ArrayList<>();
    links.addAll(home.select("link[rel=stylesheet], link[rel=icon]").eachAttr("href"));
    links.addAll(home.select("script[src]").eachAttr("src"));
    assertThat(links).hasSize(4);
    for (String name : List.of("site.css", "app.js", "math.js", "favicon.svg")) {
      byte[] file;
      try (var in = PagesTest.class.getResourceAsStream("/dev/paperboy/web/static/" + name)) {
        file = in.readAllBytes();
      }
      String version =
          java.util.HexFormat.of()
              .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(file))
              .substring(0, 10);
      String url = "/static/" + name + "?v=" + version;
      assertThat(links).as(name).contains(url);
      HttpResponse<String> current = web.get(url);
      assertThat(current.statusCode()).as(url).isEqualTo(200);
      assertThat(current.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(file);
      assertThat(current.headers().firstValue("Cache-Control"))
          .as(url)
          .hasValue("public, max-age=31536000, immutable");
      for (String other : List.of("/static/" + name, "/static/" + name + "?v=0123456789")) {
        HttpResponse<String> r = web.get(other);
        assertThat(r.statusCode()).as(other).isEqualTo(200);
        assertThat(r.body()).as(other).isEqualTo(current.body());
        assertThat(r.headers().firstValue("Cache-Control"))
            .as(other)
            .hasValue("public, max-age=300");
      }
    }
  }

  @Test
  void katexIsServedFromItsJarWithVersionedLongLivedCaching() {
    String base = "/static/katex/" + KatexAssets.VERSION + "/dist";
    assertThat(KatexAssets.VERSION).matches("0\\.16\\.\\d+");
    Map<String, String> types =
        Map.of(
            base + "/katex.min.css", "text/css",
            base + "/katex.min.js", "text/javascript",
            base + "/fonts/KaTeX_Main-Regular.woff2", "font/woff2",
            base + "/fonts/KaTeX_Math-Italic.woff2", "font/woff2");
    types.forEach(
        (path, type) -> {
          HttpResponse<String> r = web.get(path);
          assertThat(r.statusCode()).as(path).isEqualTo(200);
          assertThat(r.headers().firstValue("Content-Type").orElseThrow())
              .as(path)
              .startsWith(type);
          assertThat(r.headers().firstValue("Cache-Control"))
              .as(path)
              .hasValue("public, max-age=31536000, immutable");
          assertThat(r.body()).as(path).isNotEmpty();
        });
    // The stylesheet finds its fonts next to it (relative URLs), so they come from here too.
    assertThat(web.get(base + "/katex.min.css").body())
        .contains("url(fonts/KaTeX_Main-Regular.woff2)")
        .doesNotContain("http:")
        .doesNotContain("https:");
    assertThat(web.get("/static/math.js").statusCode()).isEqualTo(200);
    assertThat(web.get(base + "/no-such-file.js").statusCode()).isEqualTo(404);
    assertThat(web.get("/static/katex/0.0.1/dist/katex.min.js").statusCode()).isEqualTo(404);
  }

  @Test
  void pagesNameKatexForMathJsAndMarkOnlyTitlesAndAbstractsUnderAStrictPolicy() {
    HttpResponse<String> r = web.get("/papers/2506.10001");
    assertThat(r.statusCode()).isEqualTo(200);
    Document d = org.jsoup.Jsoup.parse(r.body());
    String base = "/static/katex/" + KatexAssets.VERSION + "/dist";
    // No KaTeX in the HTML: math.js fetches it from the URLs on its own tag when a page has a
    // formula, so pages without math never load its 272 KB.
    assertThat(d.select("link[rel=stylesheet]").eachAttr("href"))
        .noneMatch(h -> h.contains("katex"));
    assertThat(d.select("script[src]").eachAttr("src")).noneMatch(h -> h.contains("katex"));
    assertThat(d.select("script[src^=/static/math.js?v=]").attr("data-katex-js"))
        .isEqualTo(base + "/katex.min.js");
    assertThat(d.select("script[src^=/static/math.js?v=]").attr("data-katex-css"))
        .isEqualTo(base + "/katex.min.css");
    assertThat(d.select("script[src]")).allMatch(s -> s.hasAttr("defer"));
    assertThat(d.select("script:not([src])")).isEmpty();
    assertThat(d.select("[style]")).isEmpty();
    assertThat(d.select("h1.tex").text()).isEqualTo("Sparse Mixture of Experts for Fast Inference");
    assertThat(d.select(".abstract-full p.tex")).hasSize(2);
    // The machine-written summary is neither title nor abstract: left alone.
    assertThat(d.select(".tldr-box .tex")).isEmpty();

    String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
    Map<String, String> directives = new java.util.HashMap<>();
    for (String directive : csp.split(";")) {
      String[] parts = directive.trim().split("\\s+", 2);
      directives.put(parts[0], parts.length > 1 ? parts[1] : "");
    }
    assertThat(directives.get("script-src")).isEqualTo("'self'");
    assertThat(directives.get("style-src")).isEqualTo("'self'");
    assertThat(directives.get("font-src")).isEqualTo("'self'");
    assertThat(directives.get("default-src")).isEqualTo("'self'");
    assertThat(directives.get("object-src")).isEqualTo("'none'");
    assertThat(csp).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
    assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    Document day = web.page("/day/2025-06-16", 200);
    assertThat(day.select(".card h2.title.tex")).isNotEmpty();
    assertThat(day.select(".card .teaser.tex, .card .abstract p.tex")).isNotEmpty();
  }

  @Test
  void everyCssVariableTheStylesheetUsesIsDefined() {
    // An undefined custom property falls back to its default: var(--line, #ccc) drew light grey
    // borders on the dark theme's dark background, around comments and form fields.
    String css = web.get("/static/site.css").body();
    java.util.Set<String> used = new java.util.TreeSet<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("var\\((--[\\w-]+)").matcher(css);
    while (m.find()) {
      used.add(m.group(1));
    }
    java.util.Set<String> defined = new java.util.TreeSet<>();
    java.util.regex.Matcher d = java.util.regex.Pattern.compile("(--[\\w-]+)\\s*:").matcher(css);
    while (d.find()) {
      defined.add(d.group(1));
    }
    assertThat(used).isNotEmpty();
    assertThat(defined).containsAll(used);
  }

  @Test
  void searchBoxesTakeNoMoreThanASearchAccepts() {
    // Longer text is a 400 page; the header's box let readers type (or paste) it.
    String max = Integer.toString(Params.MAX_QUERY_LENGTH);
    assertThat(web.page("/", 200).select("#quick-q").attr("maxlength")).isEqualTo(max);
    assertThat(web.page("/search", 200).select("input#q").attr("maxlength")).isEqualTo(max);
  }

  @Test
  void paperPagesCarryCitationMetadataForReferenceManagers() {
    // Zotero, Mendeley and Google Scholar read a paper from Highwire Press citation_* tags (as on
    // arXiv's own pages); link previews read Open Graph. Without them "save to Zotero" saved a
    // web page, not a paper.
    Document d = web.page("/papers/2506.10001", 200);
    assertThat(d.select("meta[name=citation_title]").attr("content"))
        .isEqualTo("Sparse Mixture of Experts for Fast Inference");
    assertThat(d.select("meta[name=citation_author]").eachAttr("content"))
        .hasSize(9)
        .isEqualTo(d.select(".authors.full .author").eachText());
    assertThat(d.select("meta[name=citation_arxiv_id]").attr("content")).isEqualTo("2506.10001");
    assertThat(d.select("meta[name=citation_pdf_url]").attr("content"))
        .isEqualTo("https://arxiv.org/pdf/2506.10001");
    assertThat(d.select("meta[name=citation_date]").attr("content"))
        .matches("\\d{4}/\\d{2}/\\d{2}");
    assertThat(d.select("meta[name=citation_doi]").attr("content")).isEqualTo("10.1234/test.5678");
    assertThat(d.select("meta[property=og:title]").attr("content"))
        .isEqualTo("Sparse Mixture of Experts for Fast Inference");
    assertThat(d.select("meta[property=og:type]").attr("content")).isEqualTo("article");
    // Escaped like everything else: the hostile title comes back as text, in one attribute.
    Document hostile = web.page("/papers/" + Fixture.HOSTILE, 200);
    assertThat(hostile.select("meta[name=citation_title]").attr("content"))
        .isEqualTo(Fixture.HOSTILE_TITLE);
    assertThat(hostile.select("head script").eachAttr("src"))
        .containsExactlyElementsOf(OUR_SCRIPTS);
    // Lists are no papers: no citation tags there.
    assertThat(web.page("/day/2025-06-16", 200).select("meta[name^=citation_]")).isEmpty();
  }

  @Test
  void pagesRevalidateWithEtags() {
    HttpResponse<String> first = web.get("/day/2025-06-16");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
    HttpResponse<String> again =
        web.get("/day/2025-06-16", java.util.Map.of("If-None-Match", etag));
    assertThat(again.statusCode()).isEqualTo(304);
  }

  @Test
  void requestsJettyRejectsBeforeRoutingGetTheSiteErrorAnswersWithItsSecurityHeaders() {
    // Malformed percent-encoding (not UTF-8) is refused by Jetty before any route runs.
    var page = web.get("/papers/%FF");
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValue(WebServer.CONTENT_SECURITY_POLICY);
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
    Document d = org.jsoup.Jsoup.parse(page.body());
    assertThat(d.select(".error-page .kicker").text()).isEqualTo("Error 400");
    assertThat(d.select(".error-page h1").text()).isEqualTo("Bad request");
    assertThat(d.select(".error-page h1 + p").text())
        .startsWith("The request could not be understood");
    assertThat(page.body()).doesNotContain("%FF");

    var api = web.get("/api/papers/%C3%28");
    assertThat(api.statusCode()).isEqualTo(400);
    assertThat(api.headers().firstValue("Content-Type"))
        .hasValue("application/json; charset=utf-8");
    assertThat(api.body()).contains("\"status\":400").contains("\"error\":\"The request could");
  }
}
