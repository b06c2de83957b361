package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** Feeds are read back with Rome's parser (as a feed reader would) and checked as XML. */
class FeedsTest {
  static WebTestSupport web;

  @BeforeAll
  static void start() {
    web = WebTestSupport.fixture();
  }

  @AfterAll
  static void stop() {
    web.close();
  }

  static SyndFeed parse(String path, String type) throws Exception {
    HttpResponse<String> r = web.get(path);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith(type);
    SyndFeed feed = new SyndFeedInput().build(new StringReader(r.body()));
    // Well-formed XML with the root element of its format.
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(r.body())));
    String root = doc.getDocumentElement().getLocalName();
    assertThat(root).isEqualTo(type.contains("rss") ? "rss" : "feed");
    if (root.equals("rss")) {
      assertThat(doc.getDocumentElement().getAttribute("version")).isEqualTo("2.0");
      assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
    } else {
      assertThat(doc.getDocumentElement().getNamespaceURI())
          .isEqualTo("http://www.w3.org/2005/Atom");
      assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
    }
    return feed;
  }

  @ParameterizedTest
  @ValueSource(strings = {"rss", "atom"})
  void dailyFeedHasTheLatestList(String format) throws Exception {
    SyndFeed feed = parse("/feeds/daily." + format, "application/" + format + "+xml");
    assertThat(feed.getTitle()).isEqualTo("Paperboy — Daily papers, 23 Jun 2025");
    assertThat(feed.getEntries()).hasSize(7);
    SyndEntry first = feed.getEntries().get(0);
    assertThat(first.getTitle()).startsWith("Multilingual Speech Recognition");
    assertThat(first.getLink()).isEqualTo(web.server.uri() + "/papers/2506.00051");
    assertThat(first.getPublishedDate().toInstant().toString()).isEqualTo("2025-06-23T00:00:00Z");
    assertThat(first.getDescription().getValue()).startsWith("23 upvotes. We study");
    assertThat(first.getCategories()).extracting(c -> c.getName()).contains("eess.AS");
    assertThat(
            first.getAuthors().isEmpty() ? first.getAuthor() : first.getAuthors().get(0).getName())
        .contains("Author 51A");
  }

  @Test
  void dailyFeedOfAGivenDay() throws Exception {
    SyndFeed feed = parse("/feeds/daily.atom?date=2025-06-16", "application/atom+xml");
    assertThat(feed.getEntries().get(0).getTitle())
        .isEqualTo("Sparse Mixture of Experts for Fast Inference");
    assertThat(parse("/feeds/daily.rss?date=2025-06-21", "application/rss+xml").getEntries())
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"rss", "atom"})
  void trendingCategoryAndSearchFeeds(String format) throws Exception {
    String type = "application/" + format + "+xml";
    assertThat(
            parse("/feeds/trending." + format + "?window=month", type)
                .getEntries()
                .get(0)
                .getLink())
        .endsWith("/papers/2506.10001");
    SyndFeed cv = parse("/feeds/category/cs.CV." + format, type);
    assertThat(cv.getTitle()).contains("Computer Vision");
    assertThat(cv.getEntries()).isNotEmpty();
    cv.getEntries()
        .forEach(e -> assertThat(e.getCategories()).extracting(c -> c.getName()).contains("cs.CV"));
    SyndFeed search = parse("/feeds/search." + format + "?q=experts&code=1", type);
    assertThat(search.getTitle()).isEqualTo("Paperboy — Search: experts");
    assertThat(search.getEntries()).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"rss", "atom"})
  void hostileTextIsEscapedAndReadsBackExactly(String format) throws Exception {
    SyndFeed feed = parse("/feeds/daily." + format, "application/" + format + "+xml");
    SyndEntry hostile =
        feed.getEntries().stream()
            .filter(e -> e.getLink().endsWith(Fixture.HOSTILE))
            .findFirst()
            .orElseThrow();
    assertThat(hostile.getTitle()).isEqualTo(Fixture.HOSTILE_TITLE);
    assertThat(hostile.getDescription().getValue())
        .contains("<img src=x onerror=alert('abstract')>");
    String raw = web.get("/feeds/daily." + format).body();
    assertThat(raw).doesNotContain("<script>").doesNotContain("<img ");
  }

  @Test
  void rssNamesNoEditorThatIsNotAnEmailAddress() throws Exception {
    // RSS 2.0 (rssboard.org/rss-specification): managingEditor and webMaster are e-mail
    // addresses; feed validators reject a bare name such as "Paperboy".
    String rss = web.get("/feeds/daily.rss").body();
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(rss)));
    for (String tag : new String[] {"managingEditor", "webMaster"}) {
      var nodes = doc.getElementsByTagName(tag);
      for (int i = 0; i < nodes.getLength(); i++) {
        assertThat(nodes.item(i).getTextContent()).as(tag).matches("\\S+@\\S+.*");
      }
    }
    // Atom keeps the feed's author (RFC 4287 section 4.1.1).
    assertThat(parse("/feeds/daily.atom", "application/atom+xml").getAuthors())
        .extracting(a -> a.getName())
        .containsExactly("Paperboy");
  }

  @Test
  void badFeedRequests() {
    assertThat(web.get("/feeds/daily.json").statusCode()).isEqualTo(404);
    assertThat(web.get("/feeds/weekly.rss").statusCode()).isEqualTo(404);
    assertThat(web.get("/feeds/category/xx.YY.rss").statusCode()).isEqualTo(404);
    HttpResponse<String> lower = web.get("/feeds/category/cs.cv.atom");
    assertThat(lower.statusCode()).isEqualTo(301);
    assertThat(lower.headers().firstValue("Location")).hasValue("/feeds/category/cs.CV.atom");
    HttpResponse<String> window = web.get("/feeds/trending.rss?window=year");
    assertThat(window.statusCode()).isEqualTo(400);
    assertThat(window.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
    assertThat(window.body()).contains("window");
    assertThat(web.get("/feeds/search.atom").statusCode()).isEqualTo(400);
    assertThat(web.get("/feeds/daily.rss?date=2025-02-30").statusCode()).isEqualTo(400);
  }

  @Test
  void feedsAreCacheableWithEtags() {
    HttpResponse<String> r = web.get("/feeds/daily.rss");
    assertThat(r.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
    String etag = r.headers().firstValue("ETag").orElseThrow();
    assertThat(web.get("/feeds/daily.rss", Map.of("If-None-Match", etag)).statusCode())
        .isEqualTo(304);
  }
}
