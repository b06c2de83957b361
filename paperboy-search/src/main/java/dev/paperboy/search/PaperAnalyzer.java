package dev.paperboy.search;

import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.StopwordAnalyzerBase;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The text analysis of every searchable text field, chosen to be exactly the analysis behind the
 * published Lucene BM25 reference runs (Anserini's default English analyzer, used for the BEIR
 * "flat" baselines), so our BM25 scores can be checked against them:
 *
 * <ol>
 *   <li>{@link StandardTokenizer}: Unicode word boundaries (UAX #29), tokens up to 255 chars;
 *   <li>{@link EnglishPossessiveFilter}: drops a trailing {@code 's} ({@code Turing's -> Turing});
 *   <li>{@link LowerCaseFilter};
 *   <li>{@link ASCIIFoldingFilter}: letters with diacritics become their ASCII form ({@code café ->
 *       cafe}, {@code Schrödinger -> schrodinger}), so a query finds a text whether either is typed
 *       with accents or without (the one departure from the reference chain, see below);
 *   <li>{@link StopFilter} with Lucene's 33-word {@link EnglishAnalyzer#ENGLISH_STOP_WORDS_SET}
 *       ({@code a an and are as at be but by for if in into is it no not of on or such that the
 *       their then there these they this to was will with});
 *   <li>{@link PorterStemFilter}: the classic Porter (1980) stemmer, not Snowball's Porter2.
 * </ol>
 *
 * <p>Same order and components as Anserini's {@code DefaultEnglishAnalyzer.newDefaultInstance()}
 * (which is also what Lucene's own {@link EnglishAnalyzer} does with an empty stem-exclusion set),
 * plus the ASCII folding. Folding sits before the stopwords and the stemmer, which see only ASCII
 * letters either way; it leaves text without diacritics unchanged, so scores move only where a
 * document or query has accented letters (BEIR SciFact's nDCG@10 is unchanged, BENCHMARKS.md).
 *
 * <p>One addition that does not change any score: multi-valued fields (the {@code contents} field
 * gets title, abstract and authors as separate values) get a position gap, so a phrase cannot match
 * across the end of the title and the start of the abstract. BM25 reads the field length from the
 * number of tokens, not positions, so the gap leaves the ranking identical to one concatenated
 * string.
 */
public final class PaperAnalyzer extends StopwordAnalyzerBase {

  /** Positions between two values of a multi-valued field (larger than any phrase we build). */
  static final int POSITION_GAP = 100;

  public PaperAnalyzer() {
    super(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new StandardTokenizer();
    TokenStream result = new EnglishPossessiveFilter(source);
    result = new LowerCaseFilter(result);
    result = new ASCIIFoldingFilter(result);
    result = new StopFilter(result, stopwords);
    result = new PorterStemFilter(result);
    return new TokenStreamComponents(source, result);
  }

  /**
   * Prefix terms are lowercased and folded only ({@code café*} finds cafe): they are matched
   * against the stemmed index terms as typed.
   */
  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new ASCIIFoldingFilter(new LowerCaseFilter(in));
  }

  @Override
  public int getPositionIncrementGap(String fieldName) {
    return POSITION_GAP;
  }
}
