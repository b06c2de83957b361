/**
 * Text embeddings: the {@link dev.paperboy.core.embed.Embedder} port that turns queries and papers
 * into vectors, how a paper becomes the text that is embedded ({@link
 * dev.paperboy.core.embed.DocumentText}), and the vector arithmetic and encodings that the index,
 * the store and the evaluation share ({@link dev.paperboy.core.embed.Vectors}), the {@link
 * dev.paperboy.core.embed.EmbeddingStore} port where vectors are kept so they are computed once,
 * and the resumable backfill ({@link dev.paperboy.core.embed.EmbeddingJob}).
 *
 * <p>Depends on the JDK, {@code core.paper} and {@code core.search} (the job re-indexes what it
 * embeds); the ONNX implementation lives in {@code paperboy-search}, the JDBC store in {@code
 * paperboy-store}.
 */
@NullMarked
package dev.paperboy.core.embed;

import org.jspecify.annotations.NullMarked;
