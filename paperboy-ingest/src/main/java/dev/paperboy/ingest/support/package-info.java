/**
 * What every reader shares: opening a file (gunzipping it when it starts with the gzip magic bytes,
 * counting the bytes read from disk for progress), typed access to JSON fields with messages that
 * name the field, JSON Lines reading, and the mapping rules common to all formats (arXiv
 * categories, dates, withdrawn papers).
 *
 * <p>Depends on {@code core.paper}, {@code core.ingest}, Jackson and SLF4J; not on the format
 * packages.
 */
@NullMarked
package dev.paperboy.ingest.support;

import org.jspecify.annotations.NullMarked;
