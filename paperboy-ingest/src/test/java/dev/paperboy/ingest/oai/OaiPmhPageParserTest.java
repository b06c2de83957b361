package dev.paperboy.ingest.oai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.core.ingest.Rejection;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.paper.PaperVersion;
import dev.paperboy.ingest.support.CollectingSink;
import dev.paperboy.ingest.support.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class OaiPmhPageParserTest {
  private final OaiPmhPageParser parser = new OaiPmhPageParser();

  private OaiPmhPage parse(String fixture, CollectingSink sink) throws IOException {
    try (InputStream in = Files.newInputStream(Fixtures.path("oai/" + fixture))) {
      return parser.parse(in, fixture, sink);
    }
  }

  @Test
  void readsAListRecordsPage() throws IOException {
    CollectingSink sink = new CollectingSink();
    OaiPmhPage page = parse("list-records.xml", sink);

    assertThat(page)
        .isEqualTo(
            new OaiPmhPage(
                Instant.parse("2025-06-17T08:00:00Z"),
                7,
                2,
                1,
                4,
                new ResumptionToken("7654321|1001", 0L, 2345L, null)));
    assertThat(page.hasMore()).isTrue();
    assertThat(page.nextToken()).contains("7654321|1001");

    assertThat(sink.wheres())
        .containsExactly(
            "list-records.xml#oai:arXiv.org:2506.40001",
            "list-records.xml#oai:arXiv.org:hep-th/9901001");
    assertThat(sink.papers())
        .containsExactly(
            Paper.builder(ArxivId.parse("2506.40001"), "Harvesting Papers with Resumption Tokens")
                .abstractText(
                    "We harvest metadata page by page. Each page ends with a token.\n\n"
                        + "Second paragraph with a <cdata> part in it.")
                .authors(List.of("Ada Lovelace", "Charles Babbage Jr", "LIGO Collaboration"))
                .categories(List.of("cs.DL", "cs.IR"))
                .comments("10 pages & 2 figures")
                .journalRef("J. Example Lib. 3 (2025)")
                .doi("10.1234/example.40001")
                .license("http://creativecommons.org/licenses/by/4.0/")
                .submitted(LocalDate.of(2025, 6, 13))
                .updated(LocalDate.of(2025, 6, 15))
                .versions(List.of(new PaperVersion(1, LocalDate.of(2025, 6, 13))))
                .build(),
            Paper.builder(ArxivId.parse("hep-th/9901001"), "An Old Paper, Withdrawn")
                .abstractText("Old.")
                .authors(List.of("D. Writer"))
                .categories(List.of("hep-th"))
                .comments("This submission has been withdrawn by arXiv administrators")
                .submitted(LocalDate.of(1999, 1, 1))
                .updated(LocalDate.of(2025, 6, 16))
                .versions(List.of(new PaperVersion(1, LocalDate.of(1999, 1, 1))))
                .withdrawn(true)
                .build());
    assertThat(sink.entries()).isEmpty();
    assertThat(sink.rejections)
        .containsExactly(
            new Rejection("list-records.xml#oai:arXiv.org:2506.40002", OaiPmhPageParser.DELETED),
            new Rejection("list-records.xml#oai:arXiv.org:2506.40003", "missing title"),
            new Rejection(
                "list-records.xml#oai:arXiv.org:2506.4",
                "bad id: not an arXiv id: '2506.4' (expected e.g. 2503.11731, 0704.0001,"
                    + " hep-th/9901001, optionally with v2)"),
            new Rejection(
                "list-records.xml#oai:arXiv.org:2506.40006",
                "metadata is {http://www.openarchives.org/OAI/2.0/oai_dc/}dc, not arXiv's arXiv"
                    + " format (http://arxiv.org/OAI/arXiv/); harvest with metadataPrefix=arXiv"),
            new Rejection(
                "list-records.xml#oai:arXiv.org:2506.40007",
                "bad created \"16 June 2025\": expected a date YYYY-MM-DD"));
  }

  @Test
  void theLastPageHasAnEmptyToken() throws IOException {
    CollectingSink sink = new CollectingSink();
    OaiPmhPage page = parse("last-page.xml", sink);

    assertThat(page.resumptionToken()).isEqualTo(new ResumptionToken("", 2000L, 2001L, null));
    assertThat(page.resumptionToken().isLast()).isTrue();
    assertThat(page.hasMore()).isFalse();
    assertThat(page.nextToken()).isEmpty();
    assertThat(sink.papers())
        .containsExactly(
            Paper.builder(ArxivId.parse("2506.40101"), "The Last Record")
                .abstractText("Fin.")
                .authors(List.of("Grace Hopper"))
                .categories(List.of("cs.PL"))
                .submitted(LocalDate.of(2025, 6, 16))
                .updated(LocalDate.of(2025, 6, 16))
                .versions(List.of(new PaperVersion(1, LocalDate.of(2025, 6, 16))))
                .build());
  }

  @Test
  void anErrorResponseIsAnException() {
    assertThatThrownBy(() -> parse("bad-resumption-token.xml", new CollectingSink()))
        .isInstanceOfSatisfying(
            OaiPmhException.class,
            e -> {
              assertThat(e.code()).isEqualTo("badResumptionToken");
              assertThat(e.errors())
                  .containsExactly(
                      new OaiPmhException.Error(
                          "badResumptionToken",
                          "The value of the resumptionToken argument is invalid or expired."));
            })
        .hasMessage(
            "bad-resumption-token.xml: the OAI-PMH server answered with an error:"
                + " badResumptionToken (The value of the resumptionToken argument is invalid or"
                + " expired.)");
  }

  @Test
  void noRecordsMatchIsAnEmptyPage() throws IOException {
    CollectingSink sink = new CollectingSink();
    OaiPmhPage page = parse("no-records-match.xml", sink);
    assertThat(page)
        .isEqualTo(new OaiPmhPage(Instant.parse("2025-06-17T08:10:00Z"), 0, 0, 0, 0, null));
    assertThat(page.hasMore()).isFalse();
    assertThat(sink.records).isEmpty();
    assertThat(sink.rejections).isEmpty();
  }

  @Test
  void malformedXmlSaysWhere() {
    CollectingSink sink = new CollectingSink();
    assertThatThrownBy(() -> parse("truncated.xml", sink))
        .isInstanceOfSatisfying(
            MalformedXmlException.class,
            e -> {
              assertThat(e.where()).isEqualTo("truncated.xml:11:88");
              assertThat(e.reason())
                  .isEqualTo(
                      "malformed XML: The element type \"title\" must be terminated by the"
                          + " matching end-tag \"</title>\"");
            });
    assertThat(sink.wheres()).containsExactly("truncated.xml#oai:arXiv.org:2506.40201");
  }

  @Test
  void aDocumentThatIsNotOaiPmhIsAnError() {
    assertThatThrownBy(() -> parse("not-oai.xml", new CollectingSink()))
        .isInstanceOf(IOException.class)
        .hasMessage(
            "not-oai.xml: not an OAI-PMH response: the root element is <feed> in namespace"
                + " http://www.w3.org/2005/Atom, expected <OAI-PMH> in"
                + " http://www.openarchives.org/OAI/2.0/");
  }

  @Test
  void refusesExternalEntities() {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><responseDate>&x;"
            + "</responseDate></OAI-PMH>";
    assertThatThrownBy(
            () ->
                parser.parse(
                    new ByteArrayInputStream(xxe.getBytes(StandardCharsets.UTF_8)),
                    "xxe.xml",
                    new CollectingSink()))
        .isInstanceOf(IOException.class)
        .hasMessage("xxe.xml: has a DOCTYPE declaration; DTDs are refused");
  }

  @Test
  void aGetRecordResponseIsReadToo() throws IOException {
    String xml =
        "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><GetRecord><record><header>"
            + "<identifier>oai:arXiv.org:0704.0001</identifier></header><metadata>"
            + "<arXiv xmlns=\"http://arxiv.org/OAI/arXiv/\"><title>One</title>"
            + "<created>2007-04-02</created></arXiv></metadata></record></GetRecord></OAI-PMH>";
    CollectingSink sink = new CollectingSink();
    OaiPmhPage page =
        parser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "get", sink);
    // No <id> in the metadata: the header identifier names the paper.
    assertThat(sink.papers()).extracting(p -> p.id().value()).containsExactly("0704.0001");
    assertThat(page.resumptionToken()).isNull();
    assertThat(page.hasMore()).isFalse();
  }
}
