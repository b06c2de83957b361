/**
 * Search quality evaluation on BEIR-format collections: reading a collection ({@link
 * dev.paperboy.search.eval.BeirCollection}), caching its document vectors on disk ({@link
 * dev.paperboy.search.eval.VectorCache}) and running every search mode against its judgments.
 *
 * <p>Depends on {@code core.eval}, {@code core.embed}, {@code core.search} and Jackson.
 */
@NullMarked
package dev.paperboy.search.eval;

import org.jspecify.annotations.NullMarked;
