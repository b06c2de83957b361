package dev.paperboy.search.solr;

import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.search.QuerySyntax;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.solr.common.SolrInputDocument;
import org.jspecify.annotations.Nullable;

/**
 * The schema from the client's side: which fields a paper becomes (see {@code configset/schema.xml}
 * and, for the embedded engine, {@code PaperDocuments}: the two must index the same text).
 */
final class SolrDocuments {
  static final String ID = "id";
  static final String CONTENTS = "contents";
  static final String TITLE = "title";
  static final String ABSTRACT = "abstract";
  static final String AUTHOR = QuerySyntax.Field.AUTHOR.indexName();
  static final String CATEGORY = "category";
  static final String DATE = "date";
  static final String HAS_CODE = "has_code";
  static final String HAS_VECTOR = "has_vector";
  static final String VECTOR = "vector";

  private SolrDocuments() {}

  /** The document of a paper, with its vector when it has a current one. */
  static SolrInputDocument toDocument(Paper paper, float @Nullable [] vector) {
    SolrInputDocument doc = new SolrInputDocument();
    doc.addField(ID, paper.id().value());
    // One value per part, as in the embedded index: the position gap keeps phrases inside a part,
    // and BM25's |d| is the total token count, the same as for the concatenated text.
    doc.addField(CONTENTS, paper.title());
    if (!paper.abstractText().isEmpty()) {
      doc.addField(CONTENTS, paper.abstractText());
    }
    if (!paper.authors().isEmpty()) {
      doc.addField(CONTENTS, String.join(", ", paper.authors()));
    }
    doc.addField(TITLE, paper.title());
    doc.addField(ABSTRACT, paper.abstractText());
    for (String author : paper.authors()) {
      doc.addField(AUTHOR, author); // one value per author: a phrase stays inside one name
    }
    for (String category : categoryTerms(paper)) {
      doc.addField(CATEGORY, category);
    }
    LocalDate date = paper.displayDate();
    if (date != null) {
      doc.addField(DATE, date.toEpochDay());
    }
    doc.addField(HAS_CODE, paper.hasCode());
    doc.addField(HAS_VECTOR, vector != null);
    if (vector != null) {
      List<Float> values = new ArrayList<>(vector.length);
      for (float f : vector) {
        values.add(f);
      }
      doc.addField(VECTOR, values);
    }
    return doc;
  }

  /** Category codes and their archives, lower-cased: {@code cs.CL} gives {@code cs.cl, cs}. */
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
