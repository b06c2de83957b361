package dev.paperboy.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.paper.PaperVersion;
import dev.paperboy.ingest.support.CollectingSink;
import dev.paperboy.ingest.support.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ArxivApiParserTest {

  @Test
  void readsVersionsAndTheirDates() throws Exception {
    CollectingSink sink = new CollectingSink();
    try (InputStream in = Files.newInputStream(Fixtures.path("rss/api-replaced.atom.xml"))) {
      assertThat(new ArxivApiParser().parse(in, "api", sink)).isEqualTo(2);
    }
    Paper p = sink.records.get(0).paper();
    assertThat(p.id().value()).isEqualTo("2610.05555");
    assertThat(p.version()).isEqualTo(3);
    assertThat(p.title()).isEqualTo("Revised Title of an October Paper");
    assertThat(p.submitted()).isEqualTo(LocalDate.of(2026, 10, 9));
    assertThat(p.updated()).isEqualTo(LocalDate.of(2026, 10, 30));
    assertThat(p.versions())
        .containsExactly(
            new PaperVersion(1, LocalDate.of(2026, 10, 9)),
            new PaperVersion(3, LocalDate.of(2026, 10, 30)));
    assertThat(p.authors()).containsExactly("Alan Turing", "Emmy Noether");
    assertThat(p.comments()).isEqualTo("v3: Lemma 2 fixed; 14 pages");
    assertThat(p.doi()).isEqualTo("10.1234/example.5555");
    assertThat(p.categories()).containsExactly("cs.CL");

    Paper q = sink.records.get(1).paper();
    assertThat(q.categories()).containsExactly("math.OC", "cs.LG");
    assertThat(q.primaryCategory()).isEqualTo("math.OC");
  }

  @Test
  void anApiErrorEntryIsRejectedWithItsMessage() throws Exception {
    String answer =
        """
        <feed xmlns="http://www.w3.org/2005/Atom"><entry>
        <id>http://arxiv.org/api/errors#incorrect_id_format_for_1234</id><title>Error</title>
        <summary>incorrect id format for 1234</summary></entry></feed>""";
    CollectingSink sink = new CollectingSink();
    new ArxivApiParser()
        .parse(new ByteArrayInputStream(answer.getBytes(StandardCharsets.UTF_8)), "api", sink);
    assertThat(sink.records).isEmpty();
    assertThat(sink.rejections)
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.reason())
                    .isEqualTo("the arXiv API reports an error: incorrect id format for 1234"));
  }
}
