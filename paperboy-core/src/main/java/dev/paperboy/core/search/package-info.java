/**
 * Searching papers: the query and result records and the {@link
 * dev.paperboy.core.search.SearchIndex} port, implemented by Lucene (embedded) and Solr
 * (scale-out), and the pure rules that fuse keyword and vector rankings ({@link
 * dev.paperboy.core.search.Fusion}).
 *
 * <p>Depends on the JDK and {@code core.paper} only.
 */
@NullMarked
package dev.paperboy.core.search;

import org.jspecify.annotations.NullMarked;
