package dev.paperboy.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A BEIR-format test collection (corpus.jsonl, queries.jsonl, qrels/SPLIT.tsv), read whole: small
 * collections only. Test scope: the product's evaluation command lives elsewhere.
 */
record BeirCollection(
    List<Doc> corpus, Map<String, String> queries, Map<String, Map<String, Integer>> qrels) {

  record Doc(String id, String title, String text) {}

  static BeirCollection read(Path dir, String split) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Doc> corpus = new ArrayList<>();
    try (BufferedReader r =
        Files.newBufferedReader(dir.resolve("corpus.jsonl"), StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = json.readTree(line);
        corpus.add(
            new Doc(n.get("_id").asText(), n.path("title").asText(""), n.path("text").asText("")));
      }
    }
    Map<String, String> queries = new LinkedHashMap<>();
    try (BufferedReader r =
        Files.newBufferedReader(dir.resolve("queries.jsonl"), StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          JsonNode n = json.readTree(line);
          queries.put(n.get("_id").asText(), n.get("text").asText());
        }
      }
    }
    Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(dir.resolve("qrels").resolve(split + ".tsv"));
    for (int i = 0; i < lines.size(); i++) {
      String[] f = lines.get(i).split("\t");
      if (f.length != 3) {
        throw new IOException(
            "qrels/" + split + ".tsv:" + (i + 1) + ": expected 3 tab-separated fields");
      }
      if (i == 0 && f[0].equals("query-id")) {
        continue;
      }
      qrels.computeIfAbsent(f[0], k -> new HashMap<>()).put(f[1], Integer.parseInt(f[2].strip()));
    }
    return new BeirCollection(corpus, queries, qrels);
  }

  /**
   * nDCG@k as trec_eval's {@code ndcg_cut} computes it: gain = judged relevance, discount log2(rank
   * + 1), ideal ranking from the judgments; the ranking is the run's documents in order.
   */
  static double ndcg(List<String> ranking, Map<String, Integer> judged, int k) {
    double dcg = 0;
    for (int i = 0; i < Math.min(k, ranking.size()); i++) {
      int rel = judged.getOrDefault(ranking.get(i), 0);
      dcg += rel / log2(i + 2);
    }
    List<Integer> ideal =
        judged.values().stream().filter(r -> r > 0).sorted((a, b) -> b - a).toList();
    double idcg = 0;
    for (int i = 0; i < Math.min(k, ideal.size()); i++) {
      idcg += ideal.get(i) / log2(i + 2);
    }
    return idcg == 0 ? 0 : dcg / idcg;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
