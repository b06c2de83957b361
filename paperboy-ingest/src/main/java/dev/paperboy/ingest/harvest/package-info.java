/**
 * Harvesting arXiv over OAI-PMH 2.0 (http://www.openarchives.org/OAI/openarchivesprotocol.html):
 * {@link dev.paperboy.ingest.harvest.OaiHarvester} asks {@code ListRecords} with {@code
 * metadataPrefix=arXiv}, a set and a date range, follows resumption tokens page by page, imports
 * every page through the core {@link dev.paperboy.core.ingest.Importer} (the same path as file
 * imports), and saves a {@link dev.paperboy.core.ingest.HarvestCheckpoint} after each page.
 *
 * <p>Depends on {@code core}, {@code ingest.http} and {@code ingest.oai}.
 */
@NullMarked
package dev.paperboy.ingest.harvest;

import org.jspecify.annotations.NullMarked;
