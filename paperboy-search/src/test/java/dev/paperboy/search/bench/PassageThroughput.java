package dev.paperboy.search.bench;

import dev.paperboy.core.embed.DocumentText;
import dev.paperboy.search.embed.OnnxEmbedder;
import dev.paperboy.search.eval.BeirCollection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What passage vectors cost in embedding time, relative to the one vector per document the product
 * makes now: the same sample of documents is embedded whole and as each passage set, in alternating
 * rounds so both see the same load on a shared machine. Prints seconds per round and the ratio to
 * the whole-document time.
 *
 * <pre>java -cp ... dev.paperboy.search.bench.PassageThroughput BEIR_DIR SAMPLE ROUNDS SETS</pre>
 */
public final class PassageThroughput {
  private PassageThroughput() {}

  public static void main(String[] args) {
    BeirCollection c = BeirCollection.read(Path.of(args[0]));
    int sample = Integer.parseInt(args[1]);
    int rounds = Integer.parseInt(args[2]);
    List<String> sets = List.of(args[3].split(","));
    List<String> docs = new ArrayList<>();
    List<List<String>> passages = new ArrayList<>();
    for (int s = 0; s < sets.size(); s++) {
      passages.add(new ArrayList<>());
    }
    // Every k-th document, so the sample spans the corpus rather than its first topics.
    int step = Math.max(1, c.corpus().size() / sample);
    for (int i = 0; i < c.corpus().size() && docs.size() < sample; i += step) {
      BeirCollection.Doc d = c.corpus().get(i);
      docs.add(DocumentText.of(d.title(), d.text()));
      for (int s = 0; s < sets.size(); s++) {
        String set = sets.get(s);
        String[] parts = set.substring(1).split("x");
        for (String w :
            PassageExperiments.windows(
                d.text(), Integer.parseInt(parts[0]), Integer.parseInt(parts[1]))) {
          passages.get(s).add(set.charAt(0) == 't' ? DocumentText.of(d.title(), w) : w);
        }
      }
    }
    try (OnnxEmbedder embedder = OnnxEmbedder.bgeSmallEnV15()) {
      embedder.embedDocuments(docs.subList(0, Math.min(32, docs.size()))); // warm up
      double[] docTime = new double[1];
      double[] setTime = new double[sets.size()];
      for (int r = 0; r < rounds; r++) {
        long t0 = System.nanoTime();
        embedder.embedDocuments(docs);
        double dt = (System.nanoTime() - t0) / 1e9;
        docTime[0] += dt;
        System.out.printf(
            Locale.ROOT,
            "round %d documents: %d in %.1f s (%.1f/s)%n",
            r,
            docs.size(),
            dt,
            docs.size() / dt);
        for (int s = 0; s < sets.size(); s++) {
          long t1 = System.nanoTime();
          embedder.embedDocuments(passages.get(s));
          double pt = (System.nanoTime() - t1) / 1e9;
          setTime[s] += pt;
          System.out.printf(
              Locale.ROOT,
              "round %d %s: %d passages in %.1f s (%.2fx the documents' time)%n",
              r,
              sets.get(s),
              passages.get(s).size(),
              pt,
              pt / dt);
        }
      }
      for (int s = 0; s < sets.size(); s++) {
        System.out.printf(
            Locale.ROOT,
            "%s: %.2f passages per document, %.2fx the document embedding time%n",
            sets.get(s),
            passages.get(s).size() / (double) docs.size(),
            setTime[s] / docTime[0]);
      }
    }
  }
}
