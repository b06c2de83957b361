package dev.paperboy.ingest.oai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.ingest.support.CollectingSink;
import dev.paperboy.ingest.support.Fixtures;
import dev.paperboy.ingest.support.InputFile;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OaiPmhFileSourceTest {

  @Test
  void readsAPageAndKeepsItsToken(@TempDir Path dir) throws IOException {
    Path gz = Fixtures.gzip("oai/list-records.xml", dir, "page-0001.xml.gz");
    OaiPmhFileSource source = new OaiPmhFileSource(InputFile.of(gz));
    assertThat(source.lastPage()).isNull();
    CollectingSink sink = CollectingSink.readAll(source);

    assertThat(sink.records).hasSize(2);
    assertThat(sink.rejections).hasSize(5);
    assertThat(sink.rejections.get(0).where())
        .isEqualTo("page-0001.xml.gz#oai:arXiv.org:2506.40002");
    assertThat(source.lastPage().nextToken()).contains("7654321|1001");
    assertThat(source.fractionRead()).isEqualTo(1.0);
  }

  @Test
  void malformedXmlRejectsAndKeepsWhatCameBefore() throws IOException {
    CollectingSink sink =
        CollectingSink.readAll(
            new OaiPmhFileSource(InputFile.of(Fixtures.path("oai/truncated.xml"))));
    assertThat(sink.wheres()).containsExactly("truncated.xml#oai:arXiv.org:2506.40201");
    assertThat(sink.rejections).hasSize(1);
    assertThat(sink.rejections.get(0).where()).isEqualTo("truncated.xml:11:88");
    assertThat(sink.rejections.get(0).reason())
        .startsWith("malformed XML: ")
        .endsWith("; the rest of the file was not read");
  }

  @Test
  void anErrorResponseFailsTheFile() {
    assertThatThrownBy(
            () ->
                CollectingSink.readAll(
                    new OaiPmhFileSource(
                        InputFile.of(Fixtures.path("oai/bad-resumption-token.xml")))))
        .isInstanceOf(OaiPmhException.class)
        .hasMessageStartingWith("bad-resumption-token.xml: the OAI-PMH server answered");
  }
}
