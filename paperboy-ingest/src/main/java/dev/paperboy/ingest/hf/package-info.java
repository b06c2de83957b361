/**
 * Readers for Hugging Face Daily Papers data: a raw {@code /api/daily_papers} response (a JSON
 * array of entries, {@link dev.paperboy.ingest.hf.HfDailyArraySource}) and JSON Lines with one day
 * per line ({@link dev.paperboy.ingest.hf.HfDailyJsonlMapper}). Both map entries the same way
 * ({@link dev.paperboy.ingest.hf.HfEntryMapper}).
 *
 * <p>Depends on {@code core}, {@code ingest.support}, {@code ingest.http} and Jackson.
 */
@NullMarked
package dev.paperboy.ingest.hf;

import org.jspecify.annotations.NullMarked;
