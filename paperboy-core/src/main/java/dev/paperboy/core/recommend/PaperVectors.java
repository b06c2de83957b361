package dev.paperboy.core.recommend;

import dev.paperboy.core.embed.EmbeddingStore;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import java.util.Collection;
import java.util.Map;

/**
 * Where the vectors that personal picks compare come from: the stored embeddings of a model, or
 * vectors computed from the papers' words ({@link TfIdfVectors}). Every vector of one source has
 * the same length and is L2-normalised, so a dot product is a cosine.
 */
@FunctionalInterface
public interface PaperVectors {

  /** The vectors of those papers that have one (a paper without is left out). */
  Map<ArxivId, float[]> vectorsOf(Collection<Paper> papers);

  /**
   * The embeddings of {@code model} in the store, for papers whose text has not changed since
   * (never computing one: papers the backfill has not reached yet have none).
   */
  static PaperVectors stored(EmbeddingStore store, String model) {
    return papers -> store.currentVectors(papers, model);
  }
}
