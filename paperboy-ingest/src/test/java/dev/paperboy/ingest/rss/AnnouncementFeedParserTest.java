package dev.paperboy.ingest.rss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.core.paper.Paper;
import dev.paperboy.ingest.oai.MalformedXmlException;
import dev.paperboy.ingest.support.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnnouncementFeedParserTest {
  static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);

  static AnnouncementFeedParser.Feed parse(String fixture) throws IOException {
    try (InputStream in = Files.newInputStream(Fixtures.path("rss/" + fixture))) {
      return new AnnouncementFeedParser().parse(in, fixture);
    }
  }

  @Test
  void readsAnAtomDayWithNewCrossAndReplaceItems() throws IOException {
    AnnouncementFeedParser.Feed feed = parse("cs.CL+cs.LG.atom.xml");

    assertThat(feed.items())
        .extracting(a -> a.paper().id().value() + " " + a.type())
        .containsExactly(
            "2611.00010 NEW", "2611.00011 CROSS", "2610.05555 REPLACE", "2609.01234 REPLACE_CROSS");
    assertThat(feed.items()).allSatisfy(a -> assertThat(a.day()).isEqualTo(MONDAY));

    Paper first = feed.items().get(0).paper();
    assertThat(first.version()).isEqualTo(1);
    assertThat(first.title()).isEqualTo("Listening to Announcements: A Study of Daily Feeds");
    assertThat(first.abstractText())
        .isEqualTo(
            "We read arXiv's daily feeds and keep the lists right. Our code is at"
                + " https://github.com/paperboy-test/feeds.");
    assertThat(first.authors())
        .containsExactly("Ada Lovelace", "Charles Babbage, Jr.", "Grace Hopper");
    assertThat(first.categories()).containsExactly("cs.CL", "cs.AI");
    assertThat(first.primaryCategory()).isEqualTo("cs.CL");
    assertThat(first.license()).isEqualTo("http://creativecommons.org/licenses/by/4.0/");
    assertThat(first.listingDate()).isNull(); // the poller decides

    Paper replaced = feed.items().get(2).paper();
    assertThat(replaced.version()).isEqualTo(3);
    assertThat(replaced.doi()).isEqualTo("10.1234/example.5555");
    assertThat(replaced.journalRef()).isEqualTo("Proc. Example Conf. 2026, pp. 1-10");

    assertThat(feed.rejections()).hasSize(1);
    assertThat(feed.rejections().get(0).where())
        .isEqualTo("cs.CL+cs.LG.atom.xml#oai:arXiv.org:2611.0001v1");
    assertThat(feed.rejections().get(0).reason())
        .startsWith("bad id: not an arXiv id: '2611.0001v1'");
  }

  @Test
  void readsTheRss2FormToTheSamePapers() throws IOException {
    List<Announcement> atom = parse("cs.CL+cs.LG.atom.xml").items();
    List<Announcement> rss = parse("cs.CL.rss.xml").items();
    assertThat(rss)
        .extracting(Announcement::type)
        .containsExactly(AnnounceType.NEW, AnnounceType.REPLACE);
    assertThat(rss.get(0).paper()).isEqualTo(atom.get(0).paper());
    assertThat(rss.get(1).paper()).isEqualTo(atom.get(2).paper());
    assertThat(rss.get(0).day()).isEqualTo(MONDAY);
  }

  @Test
  void aDayWithoutAnnouncementsIsAnEmptyFeed() throws IOException {
    AnnouncementFeedParser.Feed feed = parse("weekend.atom.xml");
    assertThat(feed.items()).isEmpty();
    assertThat(feed.rejections()).isEmpty();
  }

  @Test
  void malformedAndForeignDocumentsFailWithWhere() {
    String cut =
        "<?xml version='1.0'?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<entry><id>x</id>";
    assertThatThrownBy(() -> new AnnouncementFeedParser().parse(bytes(cut), "feed.xml"))
        .isInstanceOf(MalformedXmlException.class)
        .hasMessageStartingWith("feed.xml:3:");
    assertThatThrownBy(() -> new AnnouncementFeedParser().parse(bytes("<html><body/></html>"), "x"))
        .hasMessageContaining("not an Atom or RSS 2.0 feed: the root element is <html>");
  }

  @Test
  void fallsBackToTheSummaryForIdAndType() throws IOException {
    String atom =
        """
        <feed xmlns="http://www.w3.org/2005/Atom">
        <entry><title>T</title><published>2026-11-03T00:00:00-05:00</published>
        <summary>arXiv:2611.00042v2 Announce Type: replace
        Abstract: Text.</summary></entry>
        <entry><title>No type</title><published>2026-11-03T00:00:00-05:00</published>
        <id>oai:arXiv.org:2611.00043v1</id><summary>Just text.</summary></entry>
        </feed>""";
    AnnouncementFeedParser.Feed feed = new AnnouncementFeedParser().parse(bytes(atom), "f");
    assertThat(feed.items()).hasSize(1);
    assertThat(feed.items().get(0).type()).isEqualTo(AnnounceType.REPLACE);
    assertThat(feed.items().get(0).paper().version()).isEqualTo(2);
    assertThat(feed.items().get(0).paper().abstractText()).isEqualTo("Text.");
    assertThat(feed.rejections())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.where()).isEqualTo("f#oai:arXiv.org:2611.00043v1");
              assertThat(r.reason()).isEqualTo("missing arxiv:announce_type");
            });
  }

  @Test
  void splitsCreators() {
    assertThat(AnnouncementFeedParser.splitAuthors("A. One, B. Two, Sr., and C. Three"))
        .containsExactly("A. One", "B. Two, Sr.", "C. Three");
  }

  private static InputStream bytes(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }
}
