/**
 * OAI-PMH responses (Open Archives Initiative Protocol for Metadata Harvesting 2.0,
 * http://www.openarchives.org/OAI/openarchivesprotocol.html) carrying records in arXiv's {@code
 * arXiv} metadata format ({@code http://arxiv.org/OAI/arXiv/}).
 *
 * <p>{@link dev.paperboy.ingest.oai.OaiPmhPageParser} reads one response page (from a file here;
 * from HTTP in the harvester) and returns its resumption token; {@link
 * dev.paperboy.ingest.oai.OaiPmhFileSource} imports a saved page.
 *
 * <p>Depends on {@code core}, {@code ingest.support} and the JDK's StAX parser.
 */
@NullMarked
package dev.paperboy.ingest.oai;

import org.jspecify.annotations.NullMarked;
