/**
 * The arXiv API (https://info.arxiv.org/help/api/user-manual.html): looks papers up by id to learn
 * their current version and its date, which neither the OAI-PMH {@code arXiv} format nor the
 * announcement feeds carry. {@link dev.paperboy.ingest.api.ArxivApiClient} batches ids and spaces
 * its requests; {@link dev.paperboy.ingest.api.ArxivApiParser} reads the Atom answer.
 *
 * <p>Depends on {@code core}, {@code ingest.http}, {@code ingest.support} and StAX.
 */
@NullMarked
package dev.paperboy.ingest.api;

import org.jspecify.annotations.NullMarked;
