/**
 * The in-process {@link dev.paperboy.core.embed.Embedder}: a small sentence-embedding model in ONNX
 * format, bundled as a Maven artifact, run with ONNX Runtime and tokenised with the Hugging Face
 * tokenizer through DJL. Nothing is downloaded at run time.
 *
 * <p>Depends on {@code core.embed}, ONNX Runtime and the DJL tokenizer.
 */
@NullMarked
package dev.paperboy.search.embed;

import org.jspecify.annotations.NullMarked;
