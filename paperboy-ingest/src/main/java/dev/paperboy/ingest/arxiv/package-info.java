/**
 * Readers for arXiv's own metadata as JSON Lines: daily listing crawls ({@link
 * dev.paperboy.ingest.arxiv.ArxivListingMapper}) and the Kaggle {@code
 * arxiv-metadata-oai-snapshot.json} ({@link dev.paperboy.ingest.arxiv.KaggleSnapshotMapper}).
 *
 * <p>Depends on {@code core}, {@code ingest.support} and Jackson.
 */
@NullMarked
package dev.paperboy.ingest.arxiv;

import org.jspecify.annotations.NullMarked;
