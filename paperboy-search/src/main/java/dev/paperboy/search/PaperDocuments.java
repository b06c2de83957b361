package dev.paperboy.search;

import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.search.QuerySyntax;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;

/**
 * The index schema: which fields a paper becomes and how each is indexed.
 *
 * <p>Ranking reads one field, {@link #CONTENTS}: title, abstract and authors analysed together,
 * like the "flat" BEIR reference runs that index title + text as one field. {@link #TITLE} and
 * {@link #ABSTRACT} are indexed again, separately, with offsets in the postings so the highlighter
 * can mark matches without re-analysing the text, and so a title boost can be added on top. {@link
 * #AUTHOR} holds the author names again, with their own analysis, for {@code author:}.
 *
 * <p>Fields added later (such as a vector field for semantic search) belong here, next to the
 * others: {@link #toDocument} is the single place a paper turns into a Lucene document.
 */
final class PaperDocuments {

  /**
   * The arXiv id: indexed as one term (the unique key for updates and deletes), stored, and in doc
   * values so hits read it without decompressing stored fields.
   */
  static final String ID = "id";

  /** Title + abstract + authors, analysed by {@link PaperAnalyzer}; what BM25 ranks on. */
  static final String CONTENTS = "contents";

  /** The title, stored and indexed with offsets (highlighting, optional title boost). */
  static final String TITLE = "title";

  /** The abstract, stored and indexed with offsets (snippets). */
  static final String ABSTRACT = "abstract";

  /**
   * The author names, one value per author, analysed by {@link AuthorAnalyzer} (no stemming or
   * stopwords, case and accents folded) for {@code author:}; not stored. Authors stay in {@link
   * #CONTENTS} too, so plain words still find them and BM25 over contents is unchanged.
   */
  static final String AUTHOR = QuerySyntax.Field.AUTHOR.indexName();

  /**
   * Every category code, lowercased, plus its archive ({@code cs.CL} gives {@code cs.cl} and {@code
   * cs}), so a filter can name a category or a whole archive.
   */
  static final String CATEGORY = "category";

  /**
   * {@link Paper#displayDate()} as epoch day (points for range filters, doc values for sorting).
   */
  static final String DATE = "date";

  /** Present with value {@value #TRUE} when the paper links to code. */
  static final String HAS_CODE = "has_code";

  static final String TRUE = "true";

  /** Stored, analysed, with offsets in the postings (what the UnifiedHighlighter reads fastest). */
  static final FieldType HIGHLIGHTED_TEXT;

  static {
    FieldType t = new FieldType(TextField.TYPE_STORED);
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    t.freeze();
    HIGHLIGHTED_TEXT = t;
  }

  private PaperDocuments() {}

  /**
   * The analysis of every field, for indexing and for queries: {@link PaperAnalyzer}, except {@link
   * AuthorAnalyzer} for {@link #AUTHOR}.
   */
  static Analyzer analyzer() {
    return new PerFieldAnalyzerWrapper(new PaperAnalyzer(), Map.of(AUTHOR, new AuthorAnalyzer()));
  }

  static Term idTerm(String id) {
    return new Term(ID, id);
  }

  static Document toDocument(Paper paper) {
    Document doc = new Document();
    doc.add(new StringField(ID, paper.id().value(), Field.Store.YES));
    doc.add(new SortedDocValuesField(ID, new BytesRef(paper.id().value())));

    // One value per part; the analyzer's position gap keeps phrases inside a part. Field length
    // (BM25's |d|) is the total token count, the same as for the concatenated text.
    doc.add(new TextField(CONTENTS, paper.title(), Field.Store.NO));
    if (!paper.abstractText().isEmpty()) {
      doc.add(new TextField(CONTENTS, paper.abstractText(), Field.Store.NO));
    }
    if (!paper.authors().isEmpty()) {
      doc.add(new TextField(CONTENTS, String.join(", ", paper.authors()), Field.Store.NO));
    }

    doc.add(new Field(TITLE, paper.title(), HIGHLIGHTED_TEXT));
    doc.add(new Field(ABSTRACT, paper.abstractText(), HIGHLIGHTED_TEXT));
    for (String author : paper.authors()) {
      doc.add(new TextField(AUTHOR, author, Field.Store.NO));
    }

    for (String category : categoryTerms(paper)) {
      doc.add(new StringField(CATEGORY, category, Field.Store.NO));
    }
    LocalDate date = paper.displayDate();
    if (date != null) {
      doc.add(new LongField(DATE, date.toEpochDay(), Field.Store.NO));
    }
    if (paper.hasCode()) {
      doc.add(new StringField(HAS_CODE, TRUE, Field.Store.NO));
    }
    return doc;
  }

  /** The terms of {@link #CATEGORY} for a paper: codes and their archives, lowercased. */
  static Set<String> categoryTerms(Paper paper) {
    Set<String> terms = new LinkedHashSet<>();
    for (String category : paper.categories()) {
      String code = normaliseCategory(category);
      if (code.isEmpty()) {
        continue;
      }
      terms.add(code);
      int dot = code.indexOf('.');
      if (dot > 0) {
        terms.add(code.substring(0, dot));
      }
    }
    return terms;
  }

  /** Category codes match regardless of case: arXiv has no two codes that differ only in case. */
  static String normaliseCategory(String category) {
    return category.strip().toLowerCase(Locale.ROOT);
  }
}
