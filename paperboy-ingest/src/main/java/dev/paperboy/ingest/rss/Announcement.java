package dev.paperboy.ingest.rss;

import dev.paperboy.core.paper.Paper;
import java.time.LocalDate;

/**
 * One feed item: a paper at a version, announced on a day as new, cross-list or replacement.
 *
 * @param day the announcement day, in US Eastern time as the feed dates it (the date arXiv's own
 *     listing pages carry; 20:00 Eastern is already that day in UTC)
 * @param paper what the item says: version, title, abstract, authors, categories, license, DOI,
 *     journal reference; never a listing day (the poller decides)
 * @param where the feed URL and the item's id, for messages
 */
public record Announcement(LocalDate day, AnnounceType type, Paper paper, String where) {}
