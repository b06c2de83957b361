package dev.paperboy.core.testing;

import dev.paperboy.core.embed.Embedder;
import dev.paperboy.core.embed.Vectors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deterministic stand-in for a sentence-embedding model, for search contract tests that must not
 * depend on a real model: each word (lower-cased, a trailing {@code s} dropped) counts in one of
 * {@value #DIMENSION} dimensions, and the words of a small hand-written thesaurus share the
 * dimension of their concept, so "shots" and "antibodies" are near in meaning while sharing no
 * letters. Vectors are unit length; counts the documents it embeds.
 */
public final class ConceptEmbedder implements Embedder {
  /** The dimension of the bundled model, which the Solr schema fixes too. */
  public static final int DIMENSION = 384;

  private static final Map<String, String> CONCEPTS = new HashMap<>();

  static {
    concept("immunity", "vaccine", "vaccination", "shot", "booster", "immune", "immunity");
    concept("immunity", "immunological", "antibody", "antibodie", "antigen", "viruse");
    concept("immunity", "viral", "virus", "infection", "body", "dose");
    concept("rail", "train", "railway", "timetable", "schedule", "europe", "european");
    concept("protein", "protein", "folding", "structure", "amino", "shape", "acid");
  }

  private static final Set<String> STOP =
      Set.of(
          "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "how", "in", "is", "it",
          "of", "on", "or", "so", "that", "the", "their", "to", "we", "with");

  /** Documents embedded so far. */
  public final AtomicInteger documents = new AtomicInteger();

  /** The query texts embedded so far, in order. */
  public final List<String> queries = new CopyOnWriteArrayList<>();

  private static void concept(String name, String... words) {
    for (String w : words) {
      CONCEPTS.put(w, name);
    }
  }

  @Override
  public String modelName() {
    return "concept-test-model";
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  @Override
  public float[] embedQuery(String query) {
    queries.add(query);
    return embed(query);
  }

  @Override
  public List<float[]> embedDocuments(List<String> texts) {
    documents.addAndGet(texts.size());
    List<float[]> out = new ArrayList<>(texts.size());
    for (String t : texts) {
      out.add(embed(t));
    }
    return out;
  }

  /** The vector of a text; the same text always gives the same vector. */
  public static float[] embed(String text) {
    float[] v = new float[DIMENSION];
    v[0] = 0.01f; // never the zero vector
    for (String raw : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (raw.isEmpty() || STOP.contains(raw)) {
        continue;
      }
      String word =
          raw.endsWith("s") && raw.length() > 3 ? raw.substring(0, raw.length() - 1) : raw;
      String key = CONCEPTS.getOrDefault(word, word);
      v[1 + Math.floorMod(key.hashCode(), DIMENSION - 1)] += 1;
    }
    return Vectors.normalizeInPlace(v);
  }

  @Override
  public void close() {}
}
