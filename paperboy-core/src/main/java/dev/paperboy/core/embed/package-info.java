/**
 * Text embeddings: the {@link dev.paperboy.core.embed.Embedder} port that turns queries and papers
 * into vectors, how a paper becomes the text that is embedded ({@link
 * dev.paperboy.core.embed.DocumentText}), and the vector arithmetic and encodings that the index,
 * the store and the evaluation share ({@link dev.paperboy.core.embed.Vectors}).
 *
 * <p>Depends on the JDK and {@code core.paper} only; the ONNX implementation lives in {@code
 * paperboy-search}.
 */
@NullMarked
package dev.paperboy.core.embed;

import org.jspecify.annotations.NullMarked;
