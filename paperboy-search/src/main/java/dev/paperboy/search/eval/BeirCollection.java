package dev.paperboy.search.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.core.eval.Qrels;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A retrieval test collection in the BEIR layout (Thakur et al., NeurIPS 2021): {@code
 * corpus.jsonl} ({@code _id}, {@code title}, {@code text}), {@code queries.jsonl} ({@code _id},
 * {@code text}) and {@code qrels/SPLIT.tsv} ({@code query-id corpus-id score}, with a header line).
 *
 * @param corpus documents in file order
 * @param queries query id to text, in file order
 */
public record BeirCollection(Path dir, List<Doc> corpus, Map<String, String> queries) {

  /** A document of the corpus. */
  public record Doc(String id, String title, String text) {}

  public BeirCollection {
    corpus = List.copyOf(corpus);
    queries = Collections.unmodifiableMap(new LinkedHashMap<>(queries));
  }

  /**
   * Reads {@code corpus.jsonl} and {@code queries.jsonl} from {@code dir}.
   *
   * @throws IllegalArgumentException naming file:line and the problem, for a missing file, a line
   *     that is not JSON or a record without an {@code _id}
   */
  public static BeirCollection read(Path dir) {
    List<Doc> corpus = new ArrayList<>();
    Map<String, String> queries = new LinkedHashMap<>();
    readJsonLines(
        dir.resolve("corpus.jsonl"),
        (where, n) ->
            corpus.add(
                new Doc(id(where, n), n.path("title").asText(""), n.path("text").asText(""))));
    readJsonLines(
        dir.resolve("queries.jsonl"),
        (where, n) -> {
          String text = n.path("text").asText("");
          if (text.isBlank()) {
            throw new IllegalArgumentException(where + ": query has no text");
          }
          queries.put(id(where, n), text);
        });
    return new BeirCollection(dir, corpus, queries);
  }

  /** Whether the collection has judgments for {@code split} ({@code qrels/SPLIT.tsv}). */
  public boolean hasSplit(String split) {
    return Files.isRegularFile(qrelsFile(split));
  }

  /**
   * Reads the judgments of {@code split} ({@code test}, {@code train}, {@code dev}).
   *
   * @throws IllegalArgumentException naming file:line for a malformed line or a query id that is
   *     not in {@code queries.jsonl}
   */
  public Qrels qrels(String split) {
    Path file = qrelsFile(split);
    Map<String, Map<String, Integer>> judgments = new LinkedHashMap<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int no = 0;
      while ((line = in.readLine()) != null) {
        no++;
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.strip().split("\t");
        if (no == 1 && f.length >= 1 && f[0].equals("query-id")) {
          continue; // the header
        }
        String where = file + ":" + no;
        if (f.length != 3) {
          throw new IllegalArgumentException(
              where
                  + ": expected 3 tab-separated fields (query-id corpus-id score), got "
                  + f.length);
        }
        int grade;
        try {
          grade = Integer.parseInt(f[2].strip());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              where + ": score must be an integer, got '" + f[2] + "'");
        }
        if (!queries.containsKey(f[0])) {
          throw new IllegalArgumentException(
              where + ": query-id '" + f[0] + "' is not in queries.jsonl");
        }
        judgments.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(f[1], grade);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return new Qrels(judgments);
  }

  private Path qrelsFile(String split) {
    return dir.resolve("qrels").resolve(split + ".tsv");
  }

  private interface LineHandler {
    void accept(String where, JsonNode node);
  }

  private static void readJsonLines(Path file, LineHandler handler) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          file + ": not found (a BEIR collection has corpus.jsonl, queries.jsonl and qrels/)");
    }
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int no = 0;
      while ((line = in.readLine()) != null) {
        no++;
        if (line.isBlank()) {
          continue;
        }
        String where = file + ":" + no;
        JsonNode n;
        try {
          n = json.readTree(line);
        } catch (JsonProcessingException e) {
          throw new IllegalArgumentException(
              where + ": not a JSON object (" + e.getOriginalMessage() + ")");
        }
        if (!n.isObject()) {
          throw new IllegalArgumentException(where + ": not a JSON object");
        }
        handler.accept(where, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static String id(String where, JsonNode n) {
    JsonNode id = n.get("_id");
    if (id == null || id.isNull() || id.asText().isBlank()) {
      throw new IllegalArgumentException(where + ": record has no _id");
    }
    return id.asText();
  }
}
