package dev.paperboy.core.embed;

import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import java.util.Collection;
import java.util.Map;

/**
 * Finds the vectors a search index should hold for papers it is about to index: those made by the
 * index's model from the papers' current text. Papers without one are indexed for keyword search
 * only until the embedding job reaches them.
 */
@FunctionalInterface
public interface VectorLookup {
  /** A lookup that never finds a vector (keyword search only). */
  VectorLookup NONE = papers -> Map.of();

  /** The current vectors of those {@code papers} that have one. */
  Map<ArxivId, float[]> vectorsFor(Collection<Paper> papers);
}
