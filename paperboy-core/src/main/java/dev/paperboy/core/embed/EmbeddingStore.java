package dev.paperboy.core.embed;

import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where paper vectors are kept, next to the papers in the store of record. The search index is
 * rebuilt from these vectors, never by embedding again.
 *
 * <p>A paper has at most one vector per model; writing another replaces it. Writes are idempotent.
 */
public interface EmbeddingStore {

  /** Stores these vectors in one transaction, replacing any earlier vector of the same model. */
  void putVectors(List<StoredVector> vectors);

  /** The vectors of {@code model} for those of {@code ids} that have one, whatever their text. */
  Map<ArxivId, StoredVector> findVectors(Collection<ArxivId> ids, String model);

  /**
   * Up to {@code limit} vectors of {@code model} with ids greater than {@code after} (all when
   * null), in id order: keyset pagination for rebuilding the index.
   */
  List<StoredVector> vectorsAfter(@Nullable ArxivId after, String model, int limit);

  /** Number of papers with a vector of {@code model}. */
  long countVectors(String model);

  /**
   * The vectors that are current for these papers: made by {@code model} from the paper's present
   * text ({@link DocumentText#of(Paper)}). A paper whose text changed since gets none.
   */
  /** {@link #currentVectors} as the lookup a search index takes. */
  default VectorLookup lookup(String model) {
    return papers -> currentVectors(papers, model);
  }

  default Map<ArxivId, float[]> currentVectors(Collection<Paper> papers, String model) {
    List<ArxivId> ids = new ArrayList<>(papers.size());
    for (Paper p : papers) {
      ids.add(p.id());
    }
    Map<ArxivId, StoredVector> found = findVectors(ids, model);
    Map<ArxivId, float[]> current = new LinkedHashMap<>();
    for (Paper p : papers) {
      StoredVector v = found.get(p.id());
      if (v != null && v.isCurrent(model, DocumentText.hash(DocumentText.of(p)))) {
        current.put(p.id(), v.vector());
      }
    }
    return current;
  }
}
