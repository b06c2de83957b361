package dev.paperboy.core.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Relevance judgments: for each query, the graded relevance of the documents judged for it. A grade
 * of 0 means judged not relevant; documents without a grade count as not relevant too.
 *
 * @param judgments query id to (document id to grade >= 0)
 */
public record Qrels(Map<String, Map<String, Integer>> judgments) {

  public Qrels {
    Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, Integer>> q : judgments.entrySet()) {
      for (Map.Entry<String, Integer> d : q.getValue().entrySet()) {
        if (d.getValue() == null || d.getValue() < 0) {
          throw new IllegalArgumentException(
              "grade must be >= 0, query: "
                  + q.getKey()
                  + ", document: "
                  + d.getKey()
                  + ", grade: "
                  + d.getValue());
        }
      }
      copy.put(q.getKey(), Map.copyOf(q.getValue()));
    }
    judgments = java.util.Collections.unmodifiableMap(copy);
  }

  /** The grades of one query's documents; empty when the query has no judgments. */
  public Map<String, Integer> of(String queryId) {
    return judgments.getOrDefault(queryId, Map.of());
  }

  /** Number of judged documents with a grade above 0. */
  public int relevantCount(String queryId) {
    int n = 0;
    for (int g : of(queryId).values()) {
      if (g > 0) {
        n++;
      }
    }
    return n;
  }
}
