package dev.paperboy.search;

import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.search.SearchQuery;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/**
 * The non-scoring restrictions of a {@link SearchQuery} as one Lucene query: categories (any of
 * them), a date range on {@link dev.paperboy.core.paper.Paper#displayDate()}, and has-code. The
 * same filter serves every ranking (BM25 here; a vector query takes it as its pre-filter).
 */
final class SearchFilters {
  private SearchFilters() {}

  /** The filter of {@code query}, or null when it has none. */
  static @Nullable Query of(SearchQuery query) {
    BooleanQuery.Builder filters = new BooleanQuery.Builder();
    int count = 0;
    // Blank codes are no restriction (a form sent an empty category field).
    List<BytesRef> terms =
        query.categories().stream()
            .map(PaperDocuments::normaliseCategory)
            .filter(c -> !c.isEmpty())
            .map(BytesRef::new)
            .toList();
    if (!terms.isEmpty()) {
      filters.add(new TermInSetQuery(PaperDocuments.CATEGORY, terms), Occur.FILTER);
      count++;
    }
    if (query.from() != null || query.to() != null) {
      // A paper without a date has no value in DATE, so any date range leaves it out.
      filters.add(
          LongField.newRangeQuery(
              PaperDocuments.DATE,
              epochDay(query.from(), Long.MIN_VALUE),
              epochDay(query.to(), Long.MAX_VALUE)),
          Occur.FILTER);
      count++;
    }
    if (query.codeOnly()) {
      filters.add(
          new TermQuery(new Term(PaperDocuments.HAS_CODE, PaperDocuments.TRUE)), Occur.FILTER);
      count++;
    }
    return count == 0 ? null : filters.build();
  }

  /**
   * Accepts only the papers of {@code ids}: a {@link TermInSetQuery} on the id field, which costs
   * as many documents as there are ids, so a vector query pre-filtered by it and asked for at least
   * that many neighbours scores the set exactly.
   */
  static Query ids(Collection<ArxivId> ids) {
    return new TermInSetQuery(
        PaperDocuments.ID, ids.stream().map(id -> new BytesRef(id.value())).toList());
  }

  /** Both filters (either may be null: no restriction). */
  static @Nullable Query and(@Nullable Query a, @Nullable Query b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return new BooleanQuery.Builder().add(a, Occur.FILTER).add(b, Occur.FILTER).build();
  }

  /** {@code ranking} restricted by {@code filter} without changing its scores. */
  static Query apply(Query ranking, @Nullable Query filter) {
    if (filter == null) {
      return ranking;
    }
    return new BooleanQuery.Builder().add(ranking, Occur.MUST).add(filter, Occur.FILTER).build();
  }

  private static long epochDay(@Nullable LocalDate date, long open) {
    return date == null ? open : date.toEpochDay();
  }
}
