package dev.paperboy.search.bench;

import dev.paperboy.core.embed.DocumentText;
import dev.paperboy.search.embed.OnnxEmbedder;
import dev.paperboy.search.eval.BeirCollection;
import dev.paperboy.search.eval.VectorCache;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills the vector cache of a BEIR collection (documents and queries) and prints the rate.
 *
 * <pre>java -cp ... dev.paperboy.search.bench.EmbedCollection BEIR_DIR CACHE_DIR</pre>
 */
public final class EmbedCollection {
  private EmbedCollection() {}

  public static void main(String[] args) {
    BeirCollection c = BeirCollection.read(Path.of(args[0]));
    dev.paperboy.search.embed.ModelSpec spec =
        dev.paperboy.search.embed.ModelSpec.BGE_SMALL_EN_V15_Q;
    try (OnnxEmbedder embedder =
        OnnxEmbedder.create(spec, Runtime.getRuntime().availableProcessors(), 8)) {
      VectorCache cache = VectorCache.open(Path.of(args[1]), embedder);
      List<String> texts = new ArrayList<>();
      for (BeirCollection.Doc d : c.corpus()) {
        texts.add(DocumentText.of(d.title(), d.text()));
      }
      long start = System.nanoTime();
      int[] last = {0};
      cache.documents(
          texts,
          embedder,
          n -> {
            last[0] = n;
            double s = (System.nanoTime() - start) / 1e9;
            System.out.printf("%d embedded, %.1f docs/s%n", n, n / s);
          });
      cache.queries(new ArrayList<>(c.queries().values()), embedder);
      System.out.printf(
          "done: %d documents embedded now, %d cached in %s%n",
          last[0], cache.size(), cache.file());
    }
  }
}
