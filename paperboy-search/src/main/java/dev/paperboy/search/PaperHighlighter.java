package dev.paperboy.search;

import dev.paperboy.core.search.Highlighted;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/**
 * Marks query matches in the stored title (whole) and in the best passage of the abstract, reading
 * match offsets from the postings of {@link PaperDocuments#TITLE} and {@link
 * PaperDocuments#ABSTRACT}. Cheap to create: one per search, bound to that search's searcher.
 *
 * <p>Snippets: the abstract is cut at word boundaries into passages of about {@code snippetChars}
 * characters, with the first match placed about a third of the way in so the reader sees what leads
 * up to it; the passage with the best matches (BM25 over the passage, without length normalisation)
 * wins, and {@link FragmentFormatter} widens it to the full length when it came out short.
 */
final class PaperHighlighter extends UnifiedHighlighter {

  /** Where the first match sits in a snippet: 0 at its start, 1 at its end. */
  private static final float MATCH_ALIGNMENT = 0.3f;

  /**
   * Passages of the abstract handed to the formatter: all of a long abstract (arXiv allows 1920
   * characters), so it can mark every match inside the window it shows.
   */
  private static final int ABSTRACT_PASSAGES = 16;

  private final int snippetChars;

  PaperHighlighter(IndexSearcher searcher, Analyzer analyzer, int snippetChars) {
    super(
        UnifiedHighlighter.builder(searcher, analyzer)
            .withFormatter(new FragmentFormatter(snippetChars))
            // BM25 over passages without length normalisation (b = 0): with it, the short
            // passages the highlighter cuts at the end of a text would win for being short.
            .withScorer(new PassageBm25(1.2f, 0f, 87f))
            // No match, no passage: the caller falls back to the whole title or the abstract's
            // lead.
            .withMaxNoHighlightPassages(0));
    this.snippetChars = snippetChars;
  }

  @Override
  protected BreakIterator getBreakIterator(String field) {
    if (PaperDocuments.TITLE.equals(field)) {
      return new WholeBreakIterator();
    }
    return LengthGoalBreakIterator.createClosestToLength(
        BreakIterator.getWordInstance(Locale.ROOT), snippetChars, MATCH_ALIGNMENT);
  }

  /**
   * Lucene's passage BM25, scored without a {@link org.apache.lucene.util.BytesRefHash} per
   * passage. The stock scorer builds one (a 32 KiB block) for every candidate passage to count each
   * term's matches; with 16 passages per abstract and 10 hits that was most of a search's
   * allocation and the source of its GC pauses. A passage holds a handful of matches, so a scan
   * over them counts the same terms, in the same order, to the same float.
   */
  static final class PassageBm25 extends PassageScorer {
    PassageBm25(float k1, float b, float pivot) {
      super(k1, b, pivot);
    }

    @Override
    public float score(Passage passage, int contentLength) {
      int matches = passage.getNumMatches();
      BytesRef[] terms = passage.getMatchTerms();
      int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
      double score = 0;
      for (int i = 0; i < matches; i++) {
        if (seenBefore(terms, i)) {
          continue;
        }
        int freq = 1;
        for (int j = i + 1; j < matches; j++) {
          if (terms[j].bytesEquals(terms[i])) {
            freq++;
          }
        }
        score += tf(freq, passage.getLength()) * weight(contentLength, freqsInDoc[i]);
      }
      score *= norm(passage.getStartOffset());
      return (float) score;
    }

    private static boolean seenBefore(BytesRef[] terms, int i) {
      for (int j = 0; j < i; j++) {
        if (terms[j].bytesEquals(terms[i])) {
          return true;
        }
      }
      return false;
    }
  }

  /** Highlights of one hit; null members where the field had no match. */
  record Marks(@Nullable Highlighted title, @Nullable Highlighted snippet) {}

  /**
   * Highlights the title and the best abstract passage of each document.
   *
   * @param query matches over {@link PaperDocuments#TITLE} and {@link PaperDocuments#ABSTRACT}
   * @return one entry per document, in the order given
   */
  Marks[] highlight(Query query, int[] docIds) throws IOException {
    Marks[] out = new Marks[docIds.length];
    if (docIds.length == 0) {
      return out;
    }
    String[] fields = {PaperDocuments.TITLE, PaperDocuments.ABSTRACT};
    Map<String, Object[]> byField =
        highlightFieldsAsObjects(fields, query, docIds, new int[] {1, ABSTRACT_PASSAGES});
    Object[] titles = byField.get(PaperDocuments.TITLE);
    Object[] snippets = byField.get(PaperDocuments.ABSTRACT);
    for (int i = 0; i < docIds.length; i++) {
      out[i] = new Marks((Highlighted) titles[i], (Highlighted) snippets[i]);
    }
    return out;
  }
}
