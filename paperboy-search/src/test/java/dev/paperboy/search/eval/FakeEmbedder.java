package dev.paperboy.search.eval;

import dev.paperboy.core.embed.Embedder;
import dev.paperboy.core.embed.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A deterministic stand-in model: bag-of-letters vectors; counts what it embeds. */
final class FakeEmbedder implements Embedder {
  final AtomicInteger documents = new AtomicInteger();
  final AtomicInteger queries = new AtomicInteger();
  private final String name;

  FakeEmbedder(String name) {
    this.name = name;
  }

  @Override
  public String modelName() {
    return name;
  }

  @Override
  public int dimension() {
    return 26;
  }

  @Override
  public float[] embedQuery(String query) {
    queries.incrementAndGet();
    return letters(query);
  }

  @Override
  public List<float[]> embedDocuments(List<String> texts) {
    documents.addAndGet(texts.size());
    List<float[]> out = new ArrayList<>();
    for (String t : texts) {
      out.add(letters(t));
    }
    return out;
  }

  static float[] letters(String text) {
    float[] v = new float[26];
    v[0] = 0.01f; // never the zero vector
    for (char c : text.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
      if (c >= 'a' && c <= 'z') {
        v[c - 'a'] += 1;
      }
    }
    return Vectors.normalizeInPlace(v);
  }

  @Override
  public void close() {}
}
