package dev.paperboy.core.digest;

import dev.paperboy.core.paper.ArxivId;
import java.util.List;
import java.util.Set;

/**
 * A subscriber's "not interested" marks (their account's, since its last profile reset), as the
 * digest uses them.
 *
 * @param papers every paper the reader dismissed: never in any section of their digest
 * @param vectors the vectors of those of {@code papers} that have one: they push their near
 *     neighbours down among the personal picks ({@link
 *     dev.paperboy.core.library.NotInterestedModel}), as on the "For you" list
 */
public record Dismissals(Set<ArxivId> papers, List<float[]> vectors) {
  /** A subscriber without an account, or one who dismissed nothing. */
  public static final Dismissals NONE = new Dismissals(Set.of(), List.of());

  public Dismissals {
    if (papers == null || vectors == null) {
      throw new IllegalArgumentException(
          "papers and vectors must not be null, papers: " + papers + ", vectors: " + vectors);
    }
    if (vectors.size() > papers.size()) {
      throw new IllegalArgumentException(
          "vectors must be of the dismissed papers, papers: "
              + papers.size()
              + ", vectors: "
              + vectors.size());
    }
    papers = Set.copyOf(papers);
    vectors = List.copyOf(vectors);
  }

  public boolean isEmpty() {
    return papers.isEmpty();
  }
}
