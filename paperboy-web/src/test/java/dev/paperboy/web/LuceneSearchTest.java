package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.paperboy.search.LuceneSearchIndex;
import java.io.StringReader;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The search page, API and feed on the real Lucene index (paperboy-search, test scope). */
class LuceneSearchTest {
  static LuceneSearchIndex index;
  static WebTestSupport web;

  @BeforeAll
  static void start() {
    var store = Fixture.store();
    index = LuceneSearchIndex.inMemory();
    index.index(store.papersAfter(null, 1000));
    index.commit();
    web = new WebTestSupport(WebConfig.defaults(), store, index, Fixture.CLOCK);
  }

  @AfterAll
  static void stop() {
    web.close();
    index.close();
  }

  @Test
  void searchPageShowsRankedMarkedResults() {
    Document d = web.page("/search?q=sparse+experts+inference", 200);
    Element first = d.selectFirst(".card");
    assertThat(first.select(".title a").attr("href")).isEqualTo("/papers/2506.10001");
    assertThat(first.select(".title mark").eachText()).isNotEmpty();
    assertThat(first.select(".snippet mark")).isNotEmpty();
    assertThat(first.select(".votes .n").text()).isEqualTo("40");
    assertThat(d.select(".result-count").text()).matches("\\d+ results? in [\\d.]+ ms.*");
  }

  @Test
  void filtersGoThroughTheIndex() {
    Document robots = web.page("/search?q=study&category=cs.RO", 200);
    assertThat(robots.select(".card"))
        .isNotEmpty()
        .allSatisfy(
            c -> assertThat(c.select(".cat").eachText()).anyMatch(t -> t.startsWith("cs.RO")));
    Document withCode = web.page("/search?q=study&code=1", 200);
    assertThat(withCode.select(".card"))
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c.select("a.code")).isNotEmpty());
    Document oneDay = web.page("/search?q=study&from=2025-06-23&to=2025-06-23", 200);
    assertThat(oneDay.select(".card time").eachAttr("datetime"))
        .isNotEmpty()
        .containsOnly("2025-06-23");
  }

  @Test
  void hostileTitleFoundAndShownAsText() {
    Document d = web.page("/search?q=friends", 200);
    assertThat(d.select(".card .title a").first().text()).isEqualTo(Fixture.HOSTILE_TITLE);
    assertThat(d.select("script"))
        .allSatisfy(s -> assertThat(s.attr("src")).isIn(PagesTest.OUR_SCRIPTS));
  }

  @Test
  void apiAndFeedUseTheIndex() throws Exception {
    JsonNode hits = web.json("/api/papers/search?q=sparse+experts&limit=5", 200);
    assertThat(hits.get(0).path("paper").path("id").asText()).isEqualTo("2506.10001");
    String rss = web.get("/feeds/search.rss?q=sparse+experts").body();
    SyndFeed feed = new SyndFeedInput().build(new StringReader(rss));
    assertThat(feed.getEntries().get(0).getLink()).endsWith("/papers/2506.10001");
  }

  @Test
  void semanticModeIsNotOfferedByThisServer() {
    Document d = web.page("/search?q=experts&mode=semantic", 200);
    assertThat(d.select(".notice.info").text()).contains("Semantic search is not available");
    assertThat(d.select(".card")).isNotEmpty();
    assertThat(
            web.json("/api/papers/search?q=experts&mode=semantic", 400).path("parameter").asText())
        .isEqualTo("mode");
  }
}
