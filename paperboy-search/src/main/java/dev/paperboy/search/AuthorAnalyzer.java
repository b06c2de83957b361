package dev.paperboy.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analysis of author names ({@link PaperDocuments#AUTHOR}), separate from {@link PaperAnalyzer}
 * so that names are neither stemmed nor dropped as stopwords ({@code Will}, {@code An} and {@code
 * Be} are surnames) and match regardless of case and accents:
 *
 * <ol>
 *   <li>{@link StandardTokenizer}: Unicode word boundaries (UAX #29), so {@code Jean-Pierre} is
 *       {@code jean pierre};
 *   <li>{@link LowerCaseFilter};
 *   <li>{@link ASCIIFoldingFilter}: letters with diacritics become their ASCII form ({@code Müller
 *       -> muller}, {@code Łukasz -> lukasz}, {@code Ørsted -> orsted}).
 * </ol>
 *
 * <p>Each author is one value of the field, {@link PaperAnalyzer#POSITION_GAP} positions apart, so
 * a phrase cannot join one author's surname to the next author's first name. The ranking field
 * ({@code contents}) keeps its own analysis, so BM25 scores over it do not change.
 *
 * <p>The Solr configset's {@code text_author} field type is the same chain.
 */
final class AuthorAnalyzer extends Analyzer {

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new StandardTokenizer();
    TokenStream result = new LowerCaseFilter(source);
    result = new ASCIIFoldingFilter(result);
    return new TokenStreamComponents(source, result);
  }

  /** Prefix terms are lowercased and folded like the indexed names ({@code mül*} finds Müller). */
  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new ASCIIFoldingFilter(new LowerCaseFilter(in));
  }

  @Override
  public int getPositionIncrementGap(String fieldName) {
    return PaperAnalyzer.POSITION_GAP;
  }
}
