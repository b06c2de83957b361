package dev.paperboy.search;

import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.search.Highlighted;
import dev.paperboy.core.search.SearchHit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/**
 * Turns ranked documents into {@link SearchHit}s: the id, the ranking's score, the highlighted
 * title and the best abstract passage. Independent of how the documents were ranked, so any ranking
 * (BM25, vectors, a fusion of both) ends in the same hits.
 */
final class SearchHits {

  private static final Set<String> TEXT_FIELDS =
      Set.of(PaperDocuments.TITLE, PaperDocuments.ABSTRACT);

  private final Analyzer analyzer;
  private final int snippetChars;

  SearchHits(Analyzer analyzer, int snippetChars) {
    this.analyzer = analyzer;
    this.snippetChars = snippetChars;
  }

  /**
   * Hits for {@code ranked}, in its order, with the user's words marked.
   *
   * @param ranked documents of {@code searcher} with the scores to report
   */
  List<SearchHit> hits(IndexSearcher searcher, KeywordQuery keywords, ScoreDoc[] ranked)
      throws IOException {
    if (ranked.length == 0) {
      return List.of();
    }
    int[] docIds = new int[ranked.length];
    for (int i = 0; i < ranked.length; i++) {
      docIds[i] = ranked[i].doc;
    }
    PaperHighlighter.Marks[] marks = highlight(searcher, keywords, docIds);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    StoredFields stored = null;
    List<SearchHit> hits = new ArrayList<>(ranked.length);
    for (int i = 0; i < ranked.length; i++) {
      Highlighted title = marks[i] == null ? null : marks[i].title();
      Highlighted snippet = marks[i] == null ? null : marks[i].snippet();
      if (title == null || snippet == null) {
        // A field without a match (or a ranking that matched no word, such as a vector query):
        // read the text itself and show it unmarked.
        if (stored == null) {
          stored = searcher.storedFields();
        }
        Document doc = stored.document(docIds[i], TEXT_FIELDS);
        if (title == null) {
          title = Highlighted.plain(doc.get(PaperDocuments.TITLE));
        }
        if (snippet == null) {
          snippet =
              dev.paperboy.core.search.SnippetText.lead(
                  doc.get(PaperDocuments.ABSTRACT), snippetChars);
        }
      }
      hits.add(new SearchHit(arxivId(leaves, docIds[i]), ranked[i].score, title, snippet));
    }
    return hits;
  }

  /** The id of a document, from doc values (no stored-field decompression). */
  static ArxivId arxivId(List<LeafReaderContext> leaves, int docId) throws IOException {
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docId, leaves));
    SortedDocValues ids = DocValues.getSorted(leaf.reader(), PaperDocuments.ID);
    if (!ids.advanceExact(docId - leaf.docBase)) {
      throw new IllegalStateException("document " + docId + " has no id");
    }
    return new ArxivId(ids.lookupOrd(ids.ordValue()).utf8ToString());
  }

  private PaperHighlighter.Marks[] highlight(
      IndexSearcher searcher, KeywordQuery keywords, int[] docIds) throws IOException {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    boolean any = false;
    for (String field : List.of(PaperDocuments.TITLE, PaperDocuments.ABSTRACT)) {
      Query q = keywords.toMatchAnyQuery(field, analyzer);
      if (q != null) {
        query.add(q, Occur.SHOULD);
        any = true;
      }
    }
    if (!any) {
      return new PaperHighlighter.Marks[docIds.length];
    }
    return new PaperHighlighter(searcher, analyzer, snippetChars).highlight(query.build(), docIds);
  }
}
