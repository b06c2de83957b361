package dev.paperboy.app.cli;

import dev.paperboy.app.AppContext;
import dev.paperboy.app.config.Config;
import dev.paperboy.core.search.SearchMode;
import dev.paperboy.search.eval.BeirEvaluation;
import dev.paperboy.search.solr.SolrAdmin;
import dev.paperboy.search.solr.SolrSearchIndex;
import dev.paperboy.search.solr.SolrSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code paperboy eval --beir DIR}: measures ranking quality on a BEIR test collection. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Measure search quality on a BEIR-format collection (corpus.jsonl, queries.jsonl,",
      "qrels/SPLIT.tsv): index it in a temporary directory with the real index code and print",
      "one line per mode: mode nDCG@10 R@100 MRR@10 seconds. The collection's vectors are cached",
      "(DATA/eval-cache) so a rerun does not embed again."
    })
public final class EvalCommand implements Callable<Integer> {
  @Mixin DataOptions data = new DataOptions();

  @Option(names = "--beir", required = true, paramLabel = "DIR", description = "The collection.")
  Path beir;

  @Option(
      names = "--split",
      defaultValue = "test",
      description = "Judgments to score: test (report) or train (tune). Default ${DEFAULT-VALUE}.")
  String split;

  @Option(
      names = "--mode",
      paramLabel = "MODE",
      description = "Modes to run (repeatable): bm25, semantic, hybrid. Default: all three.")
  List<String> modes = List.of();

  @Option(names = "--cache", paramLabel = "DIR", description = "Where to keep the vectors.")
  @Nullable Path cache;

  @Option(
      names = "--engine",
      paramLabel = "ENGINE",
      description =
          "lucene (a temporary embedded index) or solr (the collection --solr-collection on"
              + " search.solr.urls, created if missing and emptied first). Default: search.engine.")
  @Nullable String engine;

  @Option(
      names = "--solr-collection",
      defaultValue = "paperboy_eval",
      paramLabel = "NAME",
      description =
          "Solr collection for the evaluation (never the site's). Default ${DEFAULT-VALUE}.")
  String solrCollection;

  @Override
  public Integer call() {
    if (!Files.isDirectory(beir)) {
      throw new IllegalArgumentException("--beir: no such directory: " + beir);
    }
    Config config = data.load(System.getenv(), Map.of());
    Path cacheDir =
        cache != null
            ? cache
            : config
                .dataDir()
                .resolve("eval-cache")
                .resolve(beir.toAbsolutePath().normalize().getFileName().toString());
    BeirEvaluation.Settings settings = BeirEvaluation.Settings.DEFAULTS.withSplit(split);
    if (!modes.isEmpty()) {
      settings = settings.withModes(modes.stream().map(SearchMode::parse).toList());
    }
    Progress progress = Progress.onStderr("embedding the collection", "documents");
    BeirEvaluation.Progress embedded =
        (done, total) -> progress.update(done, total == 0 ? 1 : (double) done / total);
    String chosen = engine != null ? engine : config.search().engine().label();
    switch (chosen.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "lucene" -> BeirEvaluation.run(beir, cacheDir, settings, System.out, embedded);
      case "solr" -> {
        if (config.search().solrUrls().isEmpty()) {
          throw new dev.paperboy.app.config.ConfigException(
              "search.solr.urls: --engine solr needs the Solr nodes");
        }
        SolrSettings solr =
            SolrSettings.of(config.search().solrUrls(), solrCollection).withBatchSize(1000);
        try (SolrAdmin admin = new SolrAdmin(solr)) {
          // Two shards on one replica each: sharded, so the scores must come out as one index's.
          admin.init(solrCollection, 2, 1, false);
        }
        System.out.println("engine solr, collection " + solrCollection + " on " + solr.urls());
        BeirEvaluation.run(
            beir,
            cacheDir,
            settings,
            System.out,
            embedded,
            (embedder, vectors, s) -> {
              SolrSearchIndex index =
                  SolrSearchIndex.open(
                      solr, AppContext.solrSemantic(embedder, vectors, s.hybrid()));
              index.deleteAll();
              index.commit();
              return index;
            });
      }
      default ->
          throw new IllegalArgumentException("--engine: expected lucene or solr, was " + chosen);
    }
    return 0;
  }
}
