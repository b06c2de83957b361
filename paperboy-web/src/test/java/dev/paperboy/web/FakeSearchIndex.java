package dev.paperboy.web;

import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.search.Highlighted;
import dev.paperboy.core.search.SearchHit;
import dev.paperboy.core.search.SearchIndex;
import dev.paperboy.core.search.SearchMode;
import dev.paperboy.core.search.SearchQuery;
import dev.paperboy.core.search.SearchResult;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A small {@link SearchIndex} for web tests: a paper matches when its title or abstract contains
 * every query word; the score is the number of occurrences. It marks matches like a real index,
 * applies the filters, and answers only the modes it is given. An unbalanced quote is a syntax
 * error, as in Lucene's query parser. Semantic and hybrid totals are bounded as a nearest-neighbour
 * search bounds them, and {@link #nearest} bounds how many papers they rank at all, as a vector
 * search's candidate list does; {@link #meanings} lets them match a paper without the query's
 * words. {@link #searchWithin} searches the given papers as if there were no others, as the real
 * indexes do.
 */
final class FakeSearchIndex implements SearchIndex {
  private final Map<ArxivId, Paper> docs = new TreeMap<>();
  private final Set<SearchMode> modes;
  // The most papers a semantic or hybrid search ranks (its candidates), over the whole index.
  volatile int nearest = Integer.MAX_VALUE;
  // What a query word also means to a semantic or hybrid search: papers with these words match it.
  final Map<String, List<String>> meanings = new java.util.concurrent.ConcurrentHashMap<>();
  final AtomicBoolean broken = new AtomicBoolean();
  // When set, searches throw it: an Error (a class missing at run time, say) is not an Exception.
  volatile @org.jspecify.annotations.Nullable Error error;
  volatile Duration delay = Duration.ZERO;

  FakeSearchIndex(Set<SearchMode> modes) {
    this.modes = EnumSet.copyOf(modes);
  }

  FakeSearchIndex() {
    this(EnumSet.of(SearchMode.BM25));
  }

  /** Answers {@code mode} from now on. */
  synchronized void enable(SearchMode mode) {
    modes.add(mode);
  }

  @Override
  public synchronized void index(Collection<Paper> papers) {
    papers.forEach(p -> docs.put(p.id(), p));
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
  public void commit() {}

  @Override
  public synchronized SearchResult search(SearchQuery q) {
    return search(q, docs.values(), q.mode() == SearchMode.BM25 ? Integer.MAX_VALUE : nearest);
  }

  @Override
  public synchronized SearchResult searchWithin(SearchQuery q, Set<ArxivId> ids) {
    SearchIndex.checkWithin(ids);
    List<Paper> within = docs.values().stream().filter(p -> ids.contains(p.id())).toList();
    return search(q, within, Integer.MAX_VALUE);
  }

  private SearchResult search(SearchQuery q, Collection<Paper> papers, int candidates) {
    if (broken.get()) {
      throw new IllegalStateException("index is broken (test)");
    }
    if (error != null) {
      throw error;
    }
    if (!modes.contains(q.mode())) {
      // As the Lucene index answers a mode it has no model for.
      throw new IllegalArgumentException(
          "search by meaning is not available: no embedding model is configured");
    }
    if (q.text().chars().filter(c -> c == '"').count() % 2 == 1) {
      throw new IllegalArgumentException(
          "cannot parse query: unbalanced quote in '" + q.text() + "'");
    }
    sleep();
    List<String> words =
        List.of(q.text().toLowerCase(Locale.ROOT).replace("\"", " ").trim().split("\\s+"));
    List<SearchHit> hits = new ArrayList<>();
    for (Paper p : papers) {
      String text = (p.title() + " " + p.abstractText()).toLowerCase(Locale.ROOT);
      if (!words.stream().allMatch(w -> senses(w, q.mode()).stream().anyMatch(text::contains))) {
        continue;
      }
      if (!q.categories().isEmpty()
          && p.categories().stream().noneMatch(q.categories()::contains)) {
        continue;
      }
      LocalDate d = p.displayDate();
      if ((q.from() != null && (d == null || d.isBefore(q.from())))
          || (q.to() != null && (d == null || d.isAfter(q.to())))) {
        continue;
      }
      if (q.codeOnly() && !p.hasCode()) {
        continue;
      }
      double score =
          words.stream()
              .flatMap(w -> senses(w, q.mode()).stream())
              .mapToInt(w -> count(text, w))
              .sum();
      hits.add(
          new SearchHit(
              p.id(),
              score,
              mark(p.title(), words),
              mark(snippet(p.abstractText(), words), words)));
    }
    hits.sort(
        Comparator.comparingDouble(SearchHit::score).reversed().thenComparing(h -> h.id().value()));
    if (hits.size() > candidates) {
      hits = new ArrayList<>(hits.subList(0, candidates));
    }
    List<SearchHit> page = hits.stream().skip(q.offset()).limit(q.limit()).toList();
    // Like the vector index, semantic and hybrid searches rank the nearest offset + limit papers
    // and cannot say how many more there are: their total is what they were asked for, at most.
    long total =
        q.mode() == SearchMode.BM25 ? hits.size() : Math.min(hits.size(), q.offset() + q.limit());
    return new SearchResult(total, page, Duration.ofMillis(1));
  }

  /** The word, and in a search by meaning the words that mean the same ({@link #meanings}). */
  private List<String> senses(String word, SearchMode mode) {
    if (mode == SearchMode.BM25) {
      return List.of(word);
    }
    List<String> out = new ArrayList<>(List.of(word));
    out.addAll(meanings.getOrDefault(word, List.of()));
    return out;
  }

  private void sleep() {
    if (!delay.isZero()) {
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Papers sharing the most title words with {@code id}; the paper itself never. */
  @Override
  public synchronized List<SearchHit> similar(ArxivId id, int limit) {
    Paper self = docs.get(id);
    if (self == null) {
      return List.of();
    }
    Set<String> words =
        new java.util.HashSet<>(List.of(self.title().toLowerCase(Locale.ROOT).split("\\W+")));
    List<SearchHit> hits = new ArrayList<>();
    for (Paper p : docs.values()) {
      if (p.id().equals(id)) {
        continue;
      }
      long shared =
          java.util.Arrays.stream(p.title().toLowerCase(Locale.ROOT).split("\\W+"))
              .filter(words::contains)
              .count();
      if (shared > 0) {
        hits.add(
            new SearchHit(
                p.id(), shared, Highlighted.plain(p.title()), Highlighted.plain(p.abstractText())));
      }
    }
    hits.sort(
        Comparator.comparingDouble(SearchHit::score).reversed().thenComparing(h -> h.id().value()));
    return hits.stream().limit(limit).toList();
  }

  @Override
  public synchronized long size() {
    if (broken.get()) {
      throw new IllegalStateException("index is broken (test)");
    }
    return docs.size();
  }

  @Override
  public void close() {}

  private static int count(String text, String w) {
    int n = 0;
    for (int i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) {
      n++;
    }
    return n;
  }

  private static String snippet(String text, List<String> words) {
    int at = text.toLowerCase(Locale.ROOT).indexOf(words.get(0));
    int start = Math.max(0, at - 60);
    return text.substring(start, Math.min(text.length(), start + 200));
  }

  /** Splits {@code text} into fragments, marking each occurrence of a word. */
  static Highlighted mark(String text, List<String> words) {
    String lower = text.toLowerCase(Locale.ROOT);
    boolean[] marked = new boolean[text.length()];
    for (String w : words) {
      for (int i = lower.indexOf(w); i >= 0 && !w.isEmpty(); i = lower.indexOf(w, i + 1)) {
        for (int j = i; j < i + w.length() && j < marked.length; j++) {
          marked[j] = true;
        }
      }
    }
    List<Highlighted.Fragment> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int j = i;
      while (j < text.length() && marked[j] == marked[i]) {
        j++;
      }
      out.add(new Highlighted.Fragment(text.substring(i, j), marked[i]));
      i = j;
    }
    return new Highlighted(out);
  }
}
