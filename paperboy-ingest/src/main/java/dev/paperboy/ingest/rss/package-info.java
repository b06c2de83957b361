/**
 * arXiv's daily announcement feeds (https://info.arxiv.org/help/rss_specifications.html): what was
 * announced on a day, and whether each item is {@code new}, {@code cross}, {@code replace} or
 * {@code replace-cross}. {@link dev.paperboy.ingest.rss.AnnouncementFeedParser} reads the Atom and
 * RSS 2.0 forms; {@link dev.paperboy.ingest.rss.AnnouncementPoller} fetches the configured feeds
 * and imports them, setting each new paper's listing day and keeping replacements off the lists.
 *
 * <p>Depends on {@code core}, {@code ingest.http}, {@code ingest.support} and the JDK's StAX
 * parser.
 */
@NullMarked
package dev.paperboy.ingest.rss;

import org.jspecify.annotations.NullMarked;
