package dev.paperboy.ingest.support;

import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.search.SearchIndex;
import dev.paperboy.core.search.SearchQuery;
import dev.paperboy.core.search.SearchResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link SearchIndex} that keeps the last indexed version of each paper, for import tests. */
public final class RecordingIndex implements SearchIndex {
  private final Map<ArxivId, Paper> docs = new LinkedHashMap<>();
  private final List<ArxivId> indexed = new ArrayList<>();
  private int commits;

  @Override
  public synchronized void index(Collection<Paper> papers) {
    for (Paper p : papers) {
      docs.put(p.id(), p);
      indexed.add(p.id());
    }
  }

  @Override
  public synchronized void delete(ArxivId id) {
    docs.remove(id);
  }

  @Override
  public synchronized void deleteAll() {
    docs.clear();
  }

  @Override
  public synchronized void commit() {
    commits++;
  }

  @Override
  public SearchResult search(SearchQuery query) {
    throw new UnsupportedOperationException("not a search engine");
  }

  @Override
  public synchronized long size() {
    return docs.size();
  }

  /** The document of {@code id} as last indexed. */
  public synchronized Paper doc(ArxivId id) {
    return docs.get(id);
  }

  /** Every id indexed, in order, with repeats. */
  public synchronized List<ArxivId> indexed() {
    return new ArrayList<>(indexed);
  }

  public synchronized int commits() {
    return commits;
  }

  @Override
  public void close() {}
}
