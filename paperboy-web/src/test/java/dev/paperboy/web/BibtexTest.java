package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.junit.jupiter.api.Test;

class BibtexTest {
  static Bibtex.Entry only(String bib) {
    Bibtex.Parsed p = Bibtex.parse(bib);
    assertThat(p.entries()).hasSize(1);
    return p.entries().get(0);
  }

  static String id(String bib) {
    ArxivId id = only(bib).id();
    return id == null ? null : id.value();
  }

  @Test
  void findsTheArxivIdWhereverReferenceManagersPutIt() {
    assertThat(id("@misc{a, eprint={2506.00001v3}, archivePrefix={arXiv}}"))
        .isEqualTo("2506.00001");
    assertThat(id("@misc{a, eprint={2506.00001}, eprinttype={arxiv}}")).isEqualTo("2506.00001");
    assertThat(id("@misc{a, eprint={hep-th/9901001}}")).isEqualTo("hep-th/9901001");
    assertThat(id("@article{a, journal={arXiv preprint arXiv:2401.12345}}"))
        .isEqualTo("2401.12345");
    assertThat(
            id(
                "@article{a, journal={CoRR}, volume={abs/2401.12345}, url={http://arxiv.org/abs/2401.12345}}"))
        .isEqualTo("2401.12345");
    assertThat(id("@misc{a, doi={10.48550/arXiv.2401.12345}}")).isEqualTo("2401.12345");
    assertThat(id("@misc{a, url={https://arxiv.org/pdf/2401.12345v2.pdf}}"))
        .isEqualTo("2401.12345");
    assertThat(id("@misc{a, note={arXiv:math.AG/0601001}}")).isEqualTo("math/0601001");
  }

  @Test
  void entriesWithoutAnArxivIdHaveNone() {
    assertThat(id("@article{a, doi={10.1038/nature14539}, journal={Nature}, year=2015}")).isNull();
    // A bare number in a non-arXiv eprint field is not taken for an arXiv id.
    assertThat(id("@misc{a, eprint={2401.12345}, archivePrefix={PubMed}}")).isNull();
  }

  @Test
  void brokenInputIsReportedAndTheRestStillReads() {
    Bibtex.Parsed p =
        Bibtex.parse(
            "@misc{good, eprint={2506.00001}}\n@misc{bad, title={x}, = }\n@misc{also, eprint={2506.00002}}");
    assertThat(p.errors()).isNotEmpty();
    assertThat(p.entries()).extracting(Bibtex.Entry::key).contains("good");
  }

  @Test
  void unbalancedBracesAreEscapedSoTheFileStillParses() throws Exception {
    Paper p =
        Paper.builder(ArxivId.parse("2506.00003"), "A {weird} title with } one brace")
            .authors(List.of("Zoë O'Neil", "Bob"))
            .categories(List.of("cs.CL"))
            .submitted(LocalDate.of(2025, 6, 1))
            .build();
    String bib = Bibtex.export(List.of(new Bibtex.Item(p, null), new Bibtex.Item(p, "x")));
    var db = new BibTeXParser().parse(new StringReader(bib));
    assertThat(db.getEntries()).hasSize(2);
    BibTeXEntry first = (BibTeXEntry) db.getObjects().get(0);
    assertThat(first.getKey().getValue()).isEqualTo("oneil2025weird");
    assertThat(((BibTeXEntry) db.getObjects().get(1)).getKey().getValue())
        .isEqualTo("oneil2025weirda");
    assertThat(first.getField(new Key("primaryClass")).toUserString()).isEqualTo("cs.CL");
    assertThat(first.getField(new Key("year")).toUserString()).isEqualTo("2025");
  }

  @Test
  void csvDefusesFormulas() {
    assertThat(CsvExport.safe("=1+1")).isEqualTo("'=1+1");
    assertThat(CsvExport.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvExport.safe("plain")).isEqualTo("plain");
  }
}
