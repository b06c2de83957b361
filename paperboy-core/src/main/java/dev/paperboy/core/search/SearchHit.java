package dev.paperboy.core.search;

import dev.paperboy.core.paper.ArxivId;

/**
 * One result: the paper and why it matched. Callers fetch the paper itself from the store.
 *
 * @param score the ranking score in the hit's mode (not comparable across modes)
 * @param title the title with matched terms marked
 * @param snippet the best passage of the abstract with matched terms marked
 */
public record SearchHit(ArxivId id, double score, Highlighted title, Highlighted snippet) {}
