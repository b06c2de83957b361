package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.DailyEntry;
import dev.paperboy.core.paper.EntrySource;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.testing.InMemoryPaperStore;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A category page's window ends on the category's own latest day with papers: on a store whose
 * newest lists (here a Hugging Face day) have none of a quiet category, the page shows the
 * category's last 30 days of papers with their dates, and links to older ones.
 */
class CategoryWindowTest {
  // The store's latest list: one cs.CV paper on a Hugging Face day.
  static final LocalDate LATEST = LocalDate.of(2025, 6, 23);
  // cs.CL's last papers, more than 30 days before LATEST.
  static final LocalDate CL_LAST = LocalDate.of(2025, 5, 2);
  static final LocalDate CL_BEFORE = LocalDate.of(2025, 5, 1);
  // An older cs.CL paper, more than 30 days before CL_LAST: on the "Older papers" page.
  static final LocalDate CL_OLD = LocalDate.of(2025, 3, 3);

  static WebTestSupport web;

  @BeforeAll
  static void start() {
    InMemoryPaperStore store = new InMemoryPaperStore();
    store.upsertPapers(
        List.of(
            paper("2506.00001", "Vision Paper", LATEST, "cs.CV"),
            paper("2505.00002", "Quiet Language Paper", CL_LAST, "cs.CL"),
            paper("2505.00003", "Earlier Language Paper", CL_BEFORE, "cs.CL", "cs.LG"),
            paper("2503.00004", "Old Language Paper", CL_OLD, "cs.CL")));
    store.upsertEntries(
        List.of(
            entry(LATEST, "2506.00001", EntrySource.HUGGING_FACE, 5),
            entry(CL_LAST, "2505.00002", EntrySource.ARXIV, 0),
            entry(CL_BEFORE, "2505.00003", EntrySource.ARXIV, 0),
            entry(CL_OLD, "2503.00004", EntrySource.ARXIV, 0)));
    web = new WebTestSupport(WebConfig.defaults(), store, Fixture.index(store), Fixture.CLOCK);
  }

  @AfterAll
  static void stop() {
    web.close();
  }

  private static Paper paper(String id, String title, LocalDate listed, String... categories) {
    return Paper.builder(ArxivId.parse(id), title)
        .listingDate(listed)
        .abstractText("About " + title + ".")
        .authors(List.of("Ada Lovelace"))
        .categories(List.of(categories))
        .build();
  }

  private static DailyEntry entry(LocalDate day, String id, EntrySource source, int votes) {
    return new DailyEntry(
        day, ArxivId.parse(id), source, source == EntrySource.ARXIV ? null : "x", votes, null);
  }

  @Test
  void aQuietCategoryShowsItsOwnLastThirtyDaysWithTheirDates() {
    Document d = web.page("/category/cs.CL", 200);
    // The window ends on cs.CL's latest day, not on the store's (23 Jun), and says so.
    assertThat(d.select(".sub").text()).startsWith("3 Apr 2025 – 2 May 2025 · 2 papers");
    assertThat(d.select(".card .title a").eachText())
        .containsExactly("Quiet Language Paper", "Earlier Language Paper");
    // Each card says when its paper was published.
    assertThat(d.select(".card .date time").eachText()).containsExactly("2 May 2025", "1 May 2025");
    assertThat(d.select(".notice")).isEmpty();
    // The way to older papers: the window ending on cs.CL's last day before this one.
    assertThat(d.select("a[rel=prev]").attr("href")).isEqualTo("/category/cs.CL?to=2025-03-03");
    assertThat(d.select("a[rel=prev]").text()).contains("Older papers");
    assertThat(d.select("a[rel=next]")).isEmpty();
  }

  @Test
  void olderPapersPageEndsOnTheGivenDayAndLinksBackToTheLatest() {
    Document d = web.page("/category/cs.CL?to=2025-03-03", 200);
    assertThat(d.select(".sub").text()).startsWith("2 Feb 2025 – 3 Mar 2025 · 1 paper");
    assertThat(d.select(".card .title a").eachText()).containsExactly("Old Language Paper");
    assertThat(d.select("a[rel=prev]")).isEmpty();
    // The next window starts on 1 May and reaches cs.CL's latest day: the category's own page.
    assertThat(d.select("a[rel=next]").attr("href")).isEqualTo("/category/cs.CL");
    assertThat(d.select("a[rel=next]").text()).contains("Newer papers");

    // A window between the two: links both ways, the newer one to the window from 1 May.
    Document mid = web.page("/category/cs.CL?to=2025-04-10", 200);
    assertThat(mid.select(".card")).isEmpty();
    assertThat(mid.select(".notice").text()).contains("No papers were listed between");
    assertThat(mid.select("a[rel=prev]").attr("href")).isEqualTo("/category/cs.CL?to=2025-03-03");
    assertThat(mid.select("a[rel=next]").attr("href")).isEqualTo("/category/cs.CL");
    web.page("/category/cs.CL?to=yesterday", 400);
  }

  @Test
  void aBusyCategoryStillEndsOnTheLatestList() {
    Document d = web.page("/category/cs.CV", 200);
    assertThat(d.select(".sub").text()).startsWith("25 May 2025 – 23 Jun 2025 · 1 paper");
    assertThat(d.select("a[rel=prev]")).isEmpty();
  }

  @Test
  void aCategoryWithoutPapersSaysSo() {
    Document d = web.page("/category/math.AG", 200);
    assertThat(d.select(".card")).isEmpty();
    assertThat(d.select(".notice").text()).contains("No papers of math.AG have been imported yet.");
    assertThat(d.select("a[rel=prev]")).isEmpty();
    assertThat(d.select("a[rel=next]")).isEmpty();
  }

  @Test
  void theFeedFollowsTheCategorysOwnWindow() throws Exception {
    for (String format : List.of("rss", "atom")) {
      HttpResponse<String> r = web.get("/feeds/category/cs.CL." + format);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      SyndFeed feed = new SyndFeedInput().build(new StringReader(r.body()));
      assertThat(feed.getEntries())
          .extracting(e -> e.getTitle())
          .containsExactly("Quiet Language Paper", "Earlier Language Paper");
      SyndFeed none =
          new SyndFeedInput()
              .build(new StringReader(web.get("/feeds/category/math.AG." + format).body()));
      assertThat(none.getEntries()).isEmpty();
    }
  }
}
