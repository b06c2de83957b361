/**
 * Reading papers from files: {@link dev.paperboy.ingest.Sources#open} tells a file's format from
 * its content (or takes it by name, {@link dev.paperboy.ingest.SourceFormat}) and returns the
 * {@link dev.paperboy.core.ingest.PaperSource} that streams it.
 *
 * <p>Remote sources live beside the file readers: {@code http} (the one HTTP client), {@code
 * harvest} (OAI-PMH), {@code rss} (announcement feeds), {@code api} (arXiv API lookups), {@code hf}
 * (also the Hugging Face mirror) and {@code live} (the daily run of whatever is configured).
 *
 * <p>Depends on {@code core}, the format packages ({@code hf}, {@code arxiv}, {@code oai}) and
 * {@code support}; the format packages never depend on this one.
 */
@NullMarked
package dev.paperboy.ingest;

import org.jspecify.annotations.NullMarked;
