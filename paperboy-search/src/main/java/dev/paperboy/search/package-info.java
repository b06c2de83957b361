/**
 * The embedded search index on Lucene: {@link dev.paperboy.search.LuceneSearchIndex} implements
 * {@link dev.paperboy.core.search.SearchIndex}.
 *
 * <p>Pipeline stages, one class each: {@link dev.paperboy.search.PaperAnalyzer} (text analysis,
 * identical to the Lucene BM25 reference runs), {@code PaperDocuments} (paper to document: the
 * schema), {@link dev.paperboy.search.KeywordQuery} (lenient user query syntax), {@code
 * SearchFilters} (categories, dates, code), {@code PaperHighlighter} and {@code FragmentFormatter}
 * (highlighted title and snippet as data).
 *
 * <p>Depends on {@code paperboy-core} and Lucene only.
 */
@NullMarked
package dev.paperboy.search;

import org.jspecify.annotations.NullMarked;
