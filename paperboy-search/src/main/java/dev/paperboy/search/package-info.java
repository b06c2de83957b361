/**
 * The embedded search index on Lucene: {@link dev.paperboy.search.LuceneSearchIndex} implements
 * {@link dev.paperboy.core.search.SearchIndex}.
 *
 * <p>Pipeline stages, one class each: {@link dev.paperboy.search.PaperAnalyzer} (text analysis,
 * identical to the Lucene BM25 reference runs), {@code PaperDocuments} (paper to document: the
 * schema), {@link dev.paperboy.search.KeywordQuery} (lenient user query syntax), {@code
 * SearchFilters} (categories, dates, code), {@code SearchHits} with {@code PaperHighlighter} and
 * {@code FragmentFormatter} (ranked documents to hits with highlighted title and snippet, as data).
 *
 * <p>Semantic search plugs in at the same seams: a vector field in {@code PaperDocuments}, a vector
 * ranking that takes {@code SearchFilters.of(query)} as its filter, and {@code SearchHits} for the
 * results, whatever ranked them.
 *
 * <p>Depends on {@code paperboy-core} and Lucene only.
 */
@NullMarked
package dev.paperboy.search;

import org.jspecify.annotations.NullMarked;
