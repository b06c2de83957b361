package dev.paperboy.core.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ranking metrics of the BEIR benchmark (Thakur et al., NeurIPS 2021), computed as trec_eval
 * computes them (BEIR calls trec_eval through pytrec_eval), so our numbers compare with published
 * ones.
 *
 * <p>A ranking is a list of document ids, best first; a repeated id counts only where it first
 * appears. Queries are averaged over those that have at least one relevant document, the way BEIR
 * averages over the queries of its qrels.
 */
public final class Metrics {
  private Metrics() {}

  /** Mean scores over a set of queries. */
  public record Summary(double ndcg10, double recall100, double mrr10, int queries) {}

  /**
   * Normalised discounted cumulative gain at cut-off k (Järvelin and Kekäläinen, TOIS 2002) with
   * trec_eval's linear gain: {@code DCG = sum_{i=1..k} grade_i / log2(i + 1)}, divided by the DCG
   * of the ideal ordering of the judged documents.
   */
  public static double ndcg(List<String> ranking, Map<String, Integer> grades, int k) {
    checkCutoff(k);
    double dcg = 0;
    int i = 0;
    for (String id : distinct(ranking, k)) {
      i++;
      int g = grades.getOrDefault(id, 0);
      if (g > 0) {
        dcg += g / log2(i + 1);
      }
    }
    List<Integer> ideal = new ArrayList<>();
    for (int g : grades.values()) {
      if (g > 0) {
        ideal.add(g);
      }
    }
    ideal.sort((a, b) -> Integer.compare(b, a));
    double idcg = 0;
    for (int j = 0; j < Math.min(k, ideal.size()); j++) {
      idcg += ideal.get(j) / log2(j + 2);
    }
    return idcg == 0 ? 0 : dcg / idcg;
  }

  /** Fraction of the relevant documents (grade > 0) found in the first k. */
  public static double recall(List<String> ranking, Map<String, Integer> grades, int k) {
    checkCutoff(k);
    int relevant = 0;
    for (int g : grades.values()) {
      if (g > 0) {
        relevant++;
      }
    }
    if (relevant == 0) {
      return 0;
    }
    int found = 0;
    for (String id : distinct(ranking, k)) {
      if (grades.getOrDefault(id, 0) > 0) {
        found++;
      }
    }
    return (double) found / relevant;
  }

  /** 1 / rank of the first relevant document within the first k, or 0 when there is none. */
  public static double reciprocalRank(List<String> ranking, Map<String, Integer> grades, int k) {
    checkCutoff(k);
    int i = 0;
    for (String id : distinct(ranking, k)) {
      i++;
      if (grades.getOrDefault(id, 0) > 0) {
        return 1.0 / i;
      }
    }
    return 0;
  }

  /**
   * nDCG@10, Recall@100 and MRR@10 averaged over the queries of {@code qrels} that have a relevant
   * document; a query missing from {@code run} scores 0.
   *
   * @param run query id to its ranking, best first
   */
  public static Summary evaluate(Map<String, List<String>> run, Qrels qrels) {
    double ndcg = 0;
    double recall = 0;
    double mrr = 0;
    int n = 0;
    for (Map.Entry<String, Map<String, Integer>> q : qrels.judgments().entrySet()) {
      if (qrels.relevantCount(q.getKey()) == 0) {
        continue;
      }
      List<String> ranking = run.getOrDefault(q.getKey(), List.of());
      ndcg += ndcg(ranking, q.getValue(), 10);
      recall += recall(ranking, q.getValue(), 100);
      mrr += reciprocalRank(ranking, q.getValue(), 10);
      n++;
    }
    return n == 0 ? new Summary(0, 0, 0, 0) : new Summary(ndcg / n, recall / n, mrr / n, n);
  }

  /**
   * The ranking trec_eval reads from a scored run: by score descending, equal scores by document id
   * descending (trec_eval sorts a run itself and ignores the given rank). Use it to compare with
   * published figures, where ties at the cut-off decide the last digit.
   */
  public static List<String> trecOrder(Map<String, Double> scores) {
    List<Map.Entry<String, Double>> entries = new ArrayList<>(scores.entrySet());
    entries.sort(
        (a, b) -> {
          int byScore = Double.compare(b.getValue(), a.getValue());
          return byScore != 0 ? byScore : b.getKey().compareTo(a.getKey());
        });
    List<String> ids = new ArrayList<>(entries.size());
    for (Map.Entry<String, Double> e : entries) {
      ids.add(e.getKey());
    }
    return ids;
  }

  private static List<String> distinct(List<String> ranking, int k) {
    List<String> out = new ArrayList<>(Math.min(k, ranking.size()));
    Set<String> seen = new HashSet<>();
    for (String id : ranking) {
      if (out.size() == k) {
        break;
      }
      if (seen.add(id)) {
        out.add(id);
      }
    }
    return out;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  private static void checkCutoff(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("cut-off must be >= 1, k: " + k);
    }
  }
}
