package dev.paperboy.search.solr;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link SolrCloud}: 2 nodes, and the test collection with 2 shards and replication
 * factor 2, so every shard has a copy on each node. One cluster for the whole test run, started by
 * the first test that needs it and stopped when the run ends.
 */
public final class SolrCloudExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SolrCloudExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SolrCloud.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return cloud(context);
  }

  public static SolrCloud cloud(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(SolrCloud.class, k -> SolrCloud.start(2, 2, 2), SolrCloud.class);
  }
}
