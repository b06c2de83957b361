package dev.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class PaperAnalyzerTest {

  private final PaperAnalyzer analyzer = new PaperAnalyzer();

  static List<String> tokens(Analyzer analyzer, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("contents", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    }
    return out;
  }

  @Test
  void lowercasesDropsPossessivesAndStopwordsAndPorterStems() throws IOException {
    assertThat(tokens(analyzer, "The Transformer's attention mechanisms are RUNNING on GPUs"))
        .containsExactly("transform", "attent", "mechan", "run", "gpu");
  }

  @Test
  void stemsWithClassicPorterNotPorter2() throws IOException {
    // Porter (1980) strips "generously" to "gener"; Snowball's English (Porter2) stems keep
    // "generous". The reference runs use the classic one.
    assertThat(tokens(analyzer, "generously")).containsExactly("gener");
  }

  @Test
  void splitsOnUnicodeWordBoundaries() throws IOException {
    assertThat(tokens(analyzer, "COVID-19 (SARS-CoV-2) αvβ8 e.g. 3.5%"))
        .containsExactly("covid", "19", "sar", "cov", "2", "αvβ8", "e.g", "3.5");
  }

  @Test
  void stopwordsAreLucenes33EnglishWords() throws IOException {
    CharArraySet expected =
        new CharArraySet(
            List.of(
                "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into",
                "is", "it", "no", "not", "of", "on", "or", "such", "that", "the", "their", "then",
                "there", "these", "they", "this", "to", "was", "will", "with"),
            false);
    assertThat(analyzer.getStopwordSet()).hasSize(33);
    for (Object word : expected) {
      assertThat(analyzer.getStopwordSet().contains(word)).as("stopword %s", word).isTrue();
      assertThat(tokens(analyzer, new String((char[]) word))).isEmpty();
    }
    // Words a longer list would drop are kept: they carry meaning in paper titles.
    assertThat(tokens(analyzer, "we show our method"))
        .containsExactly("we", "show", "our", "method");
  }

  @Test
  void givesTheSameTokensAsLucenesEnglishAnalyzer() throws IOException {
    // Anserini's default analyzer is Lucene's EnglishAnalyzer chain; comparing against Lucene's
    // own class catches a filter dropped or reordered here. The one addition, ASCII folding,
    // changes nothing in text without diacritics.
    String text =
        "Sparse Mixture-of-Experts models' routers don't scale: we study the experts' load"
            + " balancing across 1,024 GPUs, and Etienne's results on naive baselines.";
    try (EnglishAnalyzer lucene = new EnglishAnalyzer()) {
      assertThat(tokens(analyzer, text)).isEqualTo(tokens(lucene, text)).isNotEmpty();
    }
  }

  @Test
  void foldsAccentsBeforeStemming() throws IOException {
    assertThat(tokens(analyzer, "Étienne's café results on naïve Schrödinger baselines"))
        .isEqualTo(tokens(analyzer, "Etienne's cafe results on naive Schrodinger baselines"))
        .containsExactly("etienn", "cafe", "result", "naiv", "schroding", "baselin");
    assertThat(analyzer.normalize(PaperDocuments.CONTENTS, "CAFÉ").utf8ToString())
        .isEqualTo("cafe");
  }
}
