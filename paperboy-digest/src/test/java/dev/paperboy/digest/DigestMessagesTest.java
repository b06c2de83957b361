package dev.paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.digest.Cadence;
import dev.paperboy.core.digest.Delivery;
import dev.paperboy.core.digest.DeliveryStatus;
import dev.paperboy.core.digest.DigestItem;
import dev.paperboy.core.digest.DigestLinks;
import dev.paperboy.core.digest.Edition;
import dev.paperboy.core.digest.EditionContent;
import dev.paperboy.core.digest.EditionId;
import dev.paperboy.core.digest.Reason;
import dev.paperboy.core.digest.Section;
import dev.paperboy.core.digest.SubscriptionId;
import dev.paperboy.core.mail.EmailAddress;
import dev.paperboy.core.mail.OutgoingMessage;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.testing.InMemoryPaperStore;
import dev.paperboy.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class DigestMessagesTest {
  static final Instant T0 = Instant.parse("2026-03-03T07:00:00Z");
  static final LocalDate DAY = LocalDate.of(2026, 3, 3);
  static final EmailAddress FROM = EmailAddress.parse("from", "digest@papers.example");

  final InMemoryPaperStore papers = new InMemoryPaperStore();
  final MutableClock clock = new MutableClock(T0);
  final DigestLinks links =
      new DigestLinks(new byte[32], clock, "https://papers.example", Duration.ofHours(48));
  final DigestMessages messages = new DigestMessages(papers, links, FROM, "Paperboy");
  final Edition edition = new Edition(EditionId.of(Cadence.DAILY, DAY), DAY, DAY, null, T0);
  final SubscriptionId sub = SubscriptionId.random();

  DigestMessagesTest() {
    papers.upsertPapers(
        List.of(
            Paper.builder(ArxivId.parse("2603.00001"), "Retrieval-augmented generation <at> scale")
                .abstractText("We study RAG. ".repeat(60))
                .authors(List.of("Ada Lovelace", "Alan Turing", "Grace Hopper", "Edsger Dijkstra"))
                .categories(List.of("cs.CL", "cs.IR"))
                .codeUrl("https://github.com/example/rag")
                .build(),
            Paper.builder(ArxivId.parse("2603.00002"), "Graph networks")
                .abstractText("Short.")
                .aiSummary("A one-line summary from the curators.")
                .authors(List.of("Bo"))
                .categories(List.of("cs.LG"))
                .build(),
            Paper.builder(ArxivId.parse("2603.00003"), "A trending paper")
                .abstractText("Popular.")
                .categories(List.of("cs.AI"))
                .build()));
  }

  Delivery delivery(EditionContent content) {
    return new Delivery(
        edition.id(),
        sub,
        EmailAddress.parse("to", "reader@example.org"),
        Delivery.messageIdFor(edition.id(), sub, FROM.domain()),
        DeliveryStatus.SENDING,
        1,
        T0,
        null,
        content,
        T0,
        null);
  }

  EditionContent content() {
    return EditionContent.of(
        List.of(
            new DigestItem(ArxivId.parse("2603.00003"), Section.TRENDING, Reason.trending(42)),
            new DigestItem(
                ArxivId.parse("2603.00001"),
                Section.ALERTS,
                Reason.alert("retrieval augmented generation")),
            new DigestItem(
                ArxivId.parse("2603.00002"),
                Section.PICKS,
                Reason.similar("Attention Is All You Need", "upvoted"))),
        null);
  }

  @Test
  void aMessageHasTheFixedIdOneClickUnsubscribeAndBothParts() {
    OutgoingMessage m = messages.render(delivery(content()), edition);
    assertThat(m.messageId().value())
        .isEqualTo("digest.daily-2026-03-03." + sub + "@papers.example");
    assertThat(m.subject())
        .isEqualTo("Papers for Tuesday 3 March: Retrieval-augmented generation <at> scale");
    assertThat(m.header("List-Unsubscribe-Post")).contains("List-Unsubscribe=One-Click");
    assertThat(m.header("List-Unsubscribe").orElseThrow())
        .startsWith("<https://papers.example/digest/unsubscribe?token=")
        .endsWith(">");
    assertThat(m.header("List-Id")).contains("Paperboy daily digest <daily.digest.papers.example>");
    assertThat(m.fromName()).isEqualTo("Paperboy");
    assertThat(m.htmlBody()).isNotNull();
  }

  @Test
  void renderingAgainLaterGivesTheSameMessage() {
    OutgoingMessage first = messages.render(delivery(content()), edition);
    clock.advance(Duration.ofHours(6));
    messages.clearCache();
    assertThat(messages.render(delivery(content()), edition)).isEqualTo(first);
  }

  @Test
  void theTextPartReadsOnItsOwn() {
    String text = messages.render(delivery(content()), edition).textBody();
    assertThat(text)
        .contains("Paperboy: Your daily papers")
        .contains("Tuesday 3 March 2026")
        .contains("YOUR ALERTS")
        .contains("PICKED FOR YOU")
        .contains("TRENDING")
        .contains(" 1. Retrieval-augmented generation <at> scale")
        .contains("Ada Lovelace, Alan Turing, Grace Hopper et al. \u00b7 cs.CL \u00b7 cs.IR")
        .contains("Why: Matches your alert \u201cretrieval augmented generation\u201d")
        .contains("Why: Similar to \u201cAttention Is All You Need\u201d, which you upvoted")
        .contains("A one-line summary from the curators.")
        .contains("https://papers.example/papers/2603.00001")
        .contains("Code: https://github.com/example/rag")
        .contains("Unsubscribe: https://papers.example/digest/unsubscribe?token=")
        .contains("Change what you get, or pause: https://papers.example/digest/preferences?token=")
        .doesNotContain("<a ")
        .doesNotContain("&lt;");
    assertThat(text.indexOf("YOUR ALERTS")).isLessThan(text.indexOf("PICKED FOR YOU"));
    assertThat(text.indexOf("PICKED FOR YOU")).isLessThan(text.indexOf("TRENDING"));
    for (String line : text.split("\n")) {
      if (!line.contains("http")) {
        assertThat(line.length()).as(line).isLessThanOrEqualTo(72);
      }
    }
    assertThat(text).as("the abstract is cut short").doesNotContain("We study RAG. ".repeat(40));
  }

  @Test
  void theHtmlPartEscapesTextUsesInlineStylesAndLoadsNothing() {
    String html = messages.render(delivery(content()), edition).htmlBody();
    Document doc = Jsoup.parse(html);
    assertThat(doc.select("img, link, script, style, iframe, object")).isEmpty();
    assertThat(html).doesNotContain("url(");
    assertThat(doc.select("a")).allMatch(a -> a.attr("href").startsWith("https://"));
    assertThat(doc.text()).contains("Retrieval-augmented generation <at> scale");
    assertThat(html).contains("Retrieval-augmented generation &lt;at&gt; scale");
    assertThat(doc.select("a[href=https://papers.example/papers/2603.00002]")).isNotEmpty();
    assertThat(doc.select("a[href^=https://papers.example/digest/unsubscribe]")).hasSize(1);
    assertThat(doc.select("a[href^=https://papers.example/digest/preferences]")).hasSize(1);
    assertThat(doc.text())
        .contains("Matches your alert \u201cretrieval augmented generation\u201d")
        .contains("Trending: 42 upvotes");
  }

  @Test
  void aTrendingSectionOfNewPapersSaysNobodyUpvotedYet() {
    EditionContent newest =
        EditionContent.of(
            List.of(
                new DigestItem(
                    ArxivId.parse("2603.00002"), Section.TRENDING, Reason.newest(DAY, true)),
                new DigestItem(
                    ArxivId.parse("2603.00003"), Section.TRENDING, Reason.newest(DAY, true))),
            null);
    OutgoingMessage m = messages.render(delivery(newest), edition);
    String text = m.textBody();
    assertThat(text)
        .contains("NEWEST PAPERS")
        .contains("No upvotes yet today; here are the newest papers in your categories.")
        .contains("New on Tuesday 3 March")
        .doesNotContain("TRENDING")
        .doesNotContain("most upvoted");
    Document html = Jsoup.parse(m.htmlBody());
    assertThat(html.text())
        .contains("Newest papers")
        .contains("No upvotes yet today; here are the newest papers in your categories.");

    // A subscriber of every category is not told about "your categories".
    EditionContent all =
        EditionContent.of(
            List.of(
                new DigestItem(
                    ArxivId.parse("2603.00002"), Section.TRENDING, Reason.newest(DAY, false))),
            null);
    assertThat(messages.render(delivery(all), edition).textBody())
        .contains("No upvotes yet today; here are the newest papers.");
    // Real trending papers keep their own heading and intro.
    assertThat(messages.render(delivery(content()), edition).textBody())
        .doesNotContain("No upvotes yet");
  }

  @Test
  void aQuietDayMessageSaysSo() {
    Edition quiet = new Edition(edition.id(), DAY, DAY, "No announcement today: a holiday.", T0);
    OutgoingMessage m = messages.render(delivery(EditionContent.quiet(quiet.quietNote())), quiet);
    assertThat(m.subject()).isEqualTo("No new arXiv papers on Tuesday 3 March");
    assertThat(m.textBody())
        .contains("No new papers today")
        .contains("No announcement today: a holiday.");
    assertThat(Jsoup.parse(m.htmlBody()).text()).contains("No announcement today: a holiday.");
  }

  @Test
  void withoutHttpsThereIsNoOneClickHeaderButTheLinkStaysInTheBody() {
    DigestLinks http =
        new DigestLinks(new byte[32], clock, "http://localhost:7070", Duration.ofHours(48));
    OutgoingMessage m =
        new DigestMessages(papers, http, FROM, "Paperboy").render(delivery(content()), edition);
    assertThat(m.header("List-Unsubscribe")).isEmpty();
    assertThat(m.textBody())
        .contains("Unsubscribe: http://localhost:7070/digest/unsubscribe?token=");
  }
}
