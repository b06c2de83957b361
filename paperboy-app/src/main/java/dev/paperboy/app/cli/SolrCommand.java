package dev.paperboy.app.cli;

import dev.paperboy.app.AppContext;
import dev.paperboy.app.config.Config;
import dev.paperboy.app.config.ConfigException;
import dev.paperboy.search.solr.SolrAdmin;
import dev.paperboy.search.solr.SolrSettings;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code paperboy solr init|alias|status}: sets up the SolrCloud side of a scale-out install. */
@Command(
    name = "solr",
    mixinStandardHelpOptions = true,
    description = {
      "Set up SolrCloud for search.engine=solr: upload Paperboy's configset and create the",
      "collection (init), point an alias at a collection (alias), list what is there (status).",
      "The nodes come from search.solr.urls or --url."
    },
    subcommands = {SolrCommand.Init.class, SolrCommand.Alias.class, SolrCommand.Status.class})
public final class SolrCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  /** The nodes and collection, from the configuration or the command line. */
  static final class Target {
    @Mixin DataOptions data = new DataOptions();

    @Option(
        names = "--url",
        paramLabel = "URL",
        split = ",",
        description = "Solr node base URLs (http://HOST:8983/solr). Default: search.solr.urls.")
    List<String> urls = List.of();

    SolrSettings settings(@Nullable String collection) {
      Config config = data.load(System.getenv(), Map.of());
      List<String> nodes = urls.isEmpty() ? config.search().solrUrls() : urls;
      if (nodes.isEmpty()) {
        throw new ConfigException(
            "search.solr.urls: no Solr nodes configured; set it or pass --url"
                + " http://HOST:8983/solr");
      }
      return SolrSettings.of(
          nodes, collection != null ? collection : config.search().solrCollection());
    }
  }

  @Command(
      name = "init",
      mixinStandardHelpOptions = true,
      description = {
        "Upload the configset (if the cluster lacks it) and create the collection (if it does not",
        "exist) with the given shards and replicas. Safe to run again."
      })
  static final class Init implements Callable<Integer> {
    @Mixin Target target = new Target();

    @Option(
        names = "--shards",
        defaultValue = "2",
        description = "Parts the index is split into (default ${DEFAULT-VALUE}).")
    int shards;

    @Option(
        names = "--replicas",
        defaultValue = "2",
        description =
            "Copies of each part, on different nodes (default ${DEFAULT-VALUE}; 2+ survives a"
                + " node).")
    int replicas;

    @Option(
        names = "--collection",
        paramLabel = "NAME",
        description = "Collection to create. Default: search.solr.collection (papers).")
    @Nullable String collection;

    @Option(
        names = "--overwrite-configset",
        description = "Upload the configset even if the cluster has one of that name.")
    boolean overwrite;

    @Override
    public Integer call() {
      SolrSettings settings = target.settings(collection);
      try (SolrAdmin admin = new SolrAdmin(settings)) {
        SolrAdmin.InitResult r = admin.init(settings.collection(), shards, replicas, overwrite);
        System.out.println(
            "configset  "
                + r.configset()
                + (r.configsetUploaded() ? " (uploaded)" : " (already there)"));
        System.out.println(
            "collection "
                + r.collection()
                + (r.collectionCreated()
                    ? " (created: " + shards + " shards x " + replicas + " replicas)"
                    : " (already there)"));
        if (r.collectionCreated()) {
          System.out.println("next: paperboy reindex (with search.engine=solr) fills it");
        }
      }
      return 0;
    }
  }

  @Command(
      name = "alias",
      mixinStandardHelpOptions = true,
      description = {
        "Point ALIAS at COLLECTION in one step (searches move from the old collection to the new",
        "one between two requests). Used to reindex into a new collection while the old serves."
      })
  static final class Alias implements Callable<Integer> {
    @Mixin Target target = new Target();

    @picocli.CommandLine.Parameters(index = "0", paramLabel = "ALIAS")
    String alias;

    @picocli.CommandLine.Parameters(index = "1", paramLabel = "COLLECTION")
    String collection;

    @Override
    public Integer call() {
      try (SolrAdmin admin = new SolrAdmin(target.settings(collection))) {
        admin.alias(alias, collection);
        System.out.println("alias " + alias + " -> " + collection);
      }
      return 0;
    }
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = "List the cluster's collections, aliases and configsets.")
  static final class Status implements Callable<Integer> {
    @Mixin Target target = new Target();

    @Override
    public Integer call() {
      SolrSettings settings = target.settings(null);
      try (SolrAdmin admin = new SolrAdmin(settings)) {
        System.out.println("configsets  " + admin.configsets());
        System.out.println("collections " + admin.collections());
        System.out.println("aliases     " + admin.aliases());
      }
      try (AppContext app =
          AppContext.open(target.data.load(System.getenv(), Map.of("search.engine", "solr")))) {
        System.out.println("documents   " + app.index().size() + " in " + settings.collection());
      }
      return 0;
    }
  }
}
