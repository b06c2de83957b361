package dev.paperboy.search.solr;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.util.ContentStreamBase;
import org.apache.solr.common.util.NamedList;

/**
 * Sets up the cluster for Paperboy: uploads the configset, creates the collection with its shards
 * and replicas, and points aliases at collections (a reindex builds a new collection while the old
 * one serves, then moves the alias in one step).
 */
public final class SolrAdmin implements AutoCloseable {
  private final SolrSettings settings;
  private final SolrNodes nodes;

  public SolrAdmin(SolrSettings settings) {
    this.settings = settings;
    this.nodes = new SolrNodes(settings, System::nanoTime);
  }

  /** What {@link #init} did. */
  public record InitResult(
      String configset, boolean configsetUploaded, String collection, boolean collectionCreated) {}

  /**
   * Uploads the configset (unless the cluster has one of that name, or {@code overwrite}) and
   * creates {@code collection} with it (unless it exists). Safe to run again.
   *
   * @param shards how many parts the index is split into (more: more parallel work per query)
   * @param replicas copies of each part (2+: a node can die without losing the collection)
   */
  public InitResult init(String collection, int shards, int replicas, boolean overwrite) {
    if (shards < 1 || shards > 1000) {
      throw new IllegalArgumentException("shards must be between 1 and 1000, shards: " + shards);
    }
    if (replicas < 1 || replicas > 100) {
      throw new IllegalArgumentException(
          "replicas must be between 1 and 100, replicas: " + replicas);
    }
    boolean upload = overwrite || !configsets().contains(SolrConfigset.NAME);
    if (upload) {
      ConfigSetAdminRequest.Upload request =
          new ConfigSetAdminRequest.Upload()
              .setConfigSetName(SolrConfigset.NAME)
              .setUploadStream(
                  new ContentStreamBase.ByteArrayStream(
                      SolrConfigset.zip(), SolrConfigset.NAME + ".zip", "application/zip"))
              .setOverwrite(overwrite)
              .setCleanup(overwrite);
      admin("uploading configset " + SolrConfigset.NAME, request);
    }
    boolean create = !collections().contains(collection);
    if (create) {
      CollectionAdminRequest.Create request =
          CollectionAdminRequest.createCollection(collection, SolrConfigset.NAME, shards, replicas);
      request.setWaitForFinalState(true);
      admin("creating collection " + collection, request);
    }
    return new InitResult(SolrConfigset.NAME, upload, collection, create);
  }

  /** Points {@code alias} at {@code collection}, atomically replacing what it pointed at. */
  public void alias(String alias, String collection) {
    admin(
        "pointing alias " + alias + " at " + collection,
        CollectionAdminRequest.createAlias(alias, collection));
  }

  /** Deletes a collection (an old one after a reindex moved the alias away from it). */
  public void deleteCollection(String collection) {
    admin("deleting collection " + collection, CollectionAdminRequest.deleteCollection(collection));
  }

  /** The collections of the cluster. */
  public List<String> collections() {
    NamedList<Object> r = admin("listing collections", new CollectionAdminRequest.List());
    List<String> out = new ArrayList<>();
    if (r.get("collections") instanceof List<?> list) {
      for (Object o : list) {
        out.add(String.valueOf(o));
      }
    }
    return out;
  }

  /** The aliases of the cluster: alias to the collections it points at. */
  public Map<String, String> aliases() {
    NamedList<Object> r = admin("listing aliases", new CollectionAdminRequest.ListAliases());
    Map<String, String> out = new java.util.TreeMap<>();
    if (r.get("aliases") instanceof Map<?, ?> m) {
      m.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
    }
    return out;
  }

  /** The configsets of the cluster. */
  public List<String> configsets() {
    NamedList<Object> r = admin("listing configsets", new ConfigSetAdminRequest.List());
    List<String> out = new ArrayList<>();
    if (r.get("configSets") instanceof List<?> list) {
      for (Object o : list) {
        out.add(String.valueOf(o));
      }
    }
    return out;
  }

  private NamedList<Object> admin(String what, org.apache.solr.client.solrj.SolrRequest<?> r) {
    try {
      return nodes.request(r, null);
    } catch (UncheckedIOException | SolrException e) {
      throw new IllegalStateException(what + " failed: " + e.getMessage(), e);
    }
  }

  public SolrSettings settings() {
    return settings;
  }

  @Override
  public void close() {
    nodes.close();
  }
}
