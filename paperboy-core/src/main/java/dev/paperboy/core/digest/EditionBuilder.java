package dev.paperboy.core.digest;

import dev.paperboy.core.account.UserId;
import dev.paperboy.core.embed.EmbeddingStore;
import dev.paperboy.core.library.NotInterestedModel;
import dev.paperboy.core.library.NotInterestedPapers;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.DailyEntry;
import dev.paperboy.core.paper.EntryOrder;
import dev.paperboy.core.paper.EntryQuery;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.paper.PaperStore;
import dev.paperboy.core.recommend.Candidates;
import dev.paperboy.core.recommend.Like;
import dev.paperboy.core.recommend.LikedItem;
import dev.paperboy.core.recommend.LikedPapers;
import dev.paperboy.core.recommend.PaperVectors;
import dev.paperboy.core.recommend.PersonalPicks;
import dev.paperboy.core.search.SearchHit;
import dev.paperboy.core.search.SearchIndex;
import dev.paperboy.core.search.SearchMode;
import dev.paperboy.core.search.SearchQuery;
import dev.paperboy.core.trending.TrendingScore;
import dev.paperboy.core.trending.TrendingWindow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Fills the outbox for an edition: loads what the edition draws from once (the trending list, the
 * period's new papers with their vectors, alert matches on demand), then composes every recipient's
 * digest page by page and enqueues it.
 *
 * <p>Idempotent and resumable: it only composes for subscribers without a delivery of the edition,
 * and each page is enqueued in one transaction, so a crash loses at most the page being composed
 * and a second run finishes the rest without touching what was queued.
 *
 * <p>Time: the edition's {@link Edition#createdAt()} is its "now" (trending scores, like ages), so
 * a resumed build composes the remaining subscribers as the first run would have.
 *
 * <p>Per page of subscribers it reads their accounts' likes ({@link LikedPapers#likesOf(Collection,
 * int)}) and "not interested" marks ({@link NotInterestedPapers}) in bulk, never per subscriber,
 * and the vectors of the papers behind both through one cache kept for the whole build.
 */
public final class EditionBuilder {
  private static final Logger LOG = Logger.getLogger(EditionBuilder.class.getName());

  /** Subscribers composed and enqueued per transaction. */
  public static final int PAGE = 1000;

  /** Likes read per user: the newest. */
  public static final int LIKES_PER_USER = PersonalPicks.LIKES;

  private final PaperStore papers;
  private final PaperVectors vectors;
  private final SearchIndex index;
  private final LikedPapers likes;
  private final NotInterestedPapers dismissed;
  private final EditionStore editions;
  private final DigestComposer composer;
  private final String domain;
  private final Clock clock;

  /** What a build did. */
  public record Report(
      EditionId edition, int composed, int queued, int skipped, int candidates, Duration took) {}

  /** A liked or dismissed paper's title and vector, cached across pages. */
  private record LikedBase(String title, float[] vector) {}

  /** What composing takes from a subscriber's account. */
  private record Reader(List<LikedItem> liked, Dismissals dismissed) {
    static final Reader NONE = new Reader(List.of(), Dismissals.NONE);
  }

  /**
   * Picks from the stored embeddings of {@code model}.
   *
   * @param model the embedding model whose stored vectors picks use ({@code Embedder.modelName()})
   * @param domain the Message-ID domain (the sender address's)
   */
  public EditionBuilder(
      PaperStore papers,
      EmbeddingStore vectors,
      String model,
      SearchIndex index,
      LikedPapers likes,
      EditionStore editions,
      DigestComposer composer,
      String domain,
      Clock clock) {
    this(
        papers,
        PaperVectors.stored(vectors, model),
        index,
        likes,
        editions,
        composer,
        domain,
        clock);
  }

  /**
   * A builder for a site where nobody marks papers "not interested".
   *
   * @param vectors the vectors picks compare (stored embeddings, or TF-IDF)
   * @param domain the Message-ID domain (the sender address's)
   */
  public EditionBuilder(
      PaperStore papers,
      PaperVectors vectors,
      SearchIndex index,
      LikedPapers likes,
      EditionStore editions,
      DigestComposer composer,
      String domain,
      Clock clock) {
    this(
        papers, vectors, index, likes, NotInterestedPapers.NONE, editions, composer, domain, clock);
  }

  /**
   * @param vectors the vectors picks compare (stored embeddings, or TF-IDF)
   * @param dismissed the readers' "not interested" marks (the library store): those papers are left
   *     out of the reader's digest, and push their neighbours down among the picks with the
   *     composer's {@link DigestComposer#notInterestedWeight()}
   * @param domain the Message-ID domain (the sender address's)
   */
  public EditionBuilder(
      PaperStore papers,
      PaperVectors vectors,
      SearchIndex index,
      LikedPapers likes,
      NotInterestedPapers dismissed,
      EditionStore editions,
      DigestComposer composer,
      String domain,
      Clock clock) {
    if (dismissed == null) {
      throw new IllegalArgumentException("dismissed must not be null (NotInterestedPapers.NONE)");
    }
    this.papers = papers;
    this.vectors = vectors;
    this.index = index;
    this.likes = likes;
    this.dismissed = dismissed;
    this.editions = editions;
    this.composer = composer;
    this.domain = domain;
    this.clock = clock;
  }

  /**
   * Composes and enqueues the edition for every recipient that has no delivery of it yet.
   *
   * @param progress told the number of subscribers composed so far, after each page
   */
  public Report build(Edition planned, Consumer<Integer> progress) {
    long t0 = System.nanoTime();
    Edition edition = editions.createEdition(planned);
    Instant now = edition.createdAt();
    EditionInputs inputs = inputs(edition);
    Map<ArxivId, Optional<LikedBase>> likedCache = new ConcurrentHashMap<>();
    int composed = 0;
    int queued = 0;
    int skipped = 0;
    SubscriptionId after = null;
    while (true) {
      List<Recipient> page = editions.recipientsWithout(edition.id(), after, PAGE);
      if (page.isEmpty()) {
        break;
      }
      after = page.get(page.size() - 1).id();
      Map<UserId, Reader> readers = readers(page, likedCache);
      List<NewDelivery> deliveries =
          page.parallelStream()
              .map(
                  r -> {
                    Reader reader =
                        r.user() == null
                            ? Reader.NONE
                            : readers.getOrDefault(r.user(), Reader.NONE);
                    EditionContent c =
                        composer.compose(
                            edition, r, reader.liked(), reader.dismissed(), inputs, now);
                    return new NewDelivery(r.id(), r.email(), c, skipReason(edition, c));
                  })
              .toList();
      editions.enqueue(edition, deliveries, domain, clock.instant());
      for (NewDelivery d : deliveries) {
        if (d.skipReason() == null) {
          queued++;
        } else {
          skipped++;
        }
      }
      composed += page.size();
      progress.accept(composed);
    }
    editions.markComposed(edition.id(), clock.instant());
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    LOG.info(
        "edition "
            + edition.id()
            + ": "
            + composed
            + " subscribers composed ("
            + queued
            + " queued, "
            + skipped
            + " with nothing to send) in "
            + took.toMillis()
            + " ms");
    return new Report(edition.id(), composed, queued, skipped, inputs.newPapers().size(), took);
  }

  /** The content one recipient would get (the CLI's preview), composed like {@link #build}. */
  public EditionContent composeFor(Edition edition, Recipient recipient, EditionInputs inputs) {
    Map<UserId, Reader> readers = readers(List.of(recipient), new HashMap<>());
    Reader reader =
        recipient.user() == null
            ? Reader.NONE
            : readers.getOrDefault(recipient.user(), Reader.NONE);
    return composer.compose(
        edition, recipient, reader.liked(), reader.dismissed(), inputs, edition.createdAt());
  }

  private static @Nullable String skipReason(Edition edition, EditionContent c) {
    if (!c.isEmpty()) {
      return null;
    }
    return edition.quiet()
        ? "no announcement, and the subscriber chose to skip such days"
        : "nothing new in the subscriber's sections and categories";
  }

  /** Loads what every digest of the edition draws from. */
  public EditionInputs inputs(Edition edition) {
    Map<ArxivId, List<String>> categories = new HashMap<>();
    if (edition.quiet()) {
      return new EditionInputs(List.of(), Candidates.empty(), categories, q -> List.of());
    }
    List<TrendingPaper> trending = trending(edition, categories);
    List<ListedPaper> newest = new ArrayList<>();
    Candidates fresh = newPapers(edition, categories, newest);
    Map<String, List<ArxivId>> alertCache = new ConcurrentHashMap<>();
    return new EditionInputs(
        trending,
        fresh,
        categories,
        // Search ignores case: subscribers who typed the same words in another case share one.
        text ->
            alertCache.computeIfAbsent(
                text.toLowerCase(java.util.Locale.ROOT), t -> alertMatches(edition, t)),
        newest);
  }

  private List<TrendingPaper> trending(Edition edition, Map<ArxivId, List<String>> categories) {
    TrendingWindow window =
        edition.cadence() == Cadence.DAILY ? TrendingWindow.THREE_DAYS : TrendingWindow.WEEK;
    LocalDate to = edition.to();
    LocalDate from = to.minusDays(window.days() - 1L);
    List<DailyEntry> entries =
        papers.entries(
            new EntryQuery(from, to, null, 1), EntryOrder.UPVOTES, 0, PaperStore.MAX_PAGE);
    Instant endOfWindow = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant now = edition.createdAt().isBefore(endOfWindow) ? edition.createdAt() : endOfWindow;
    Map<ArxivId, Paper> found = byId(entries.stream().map(DailyEntry::paperId).toList());
    List<TrendingPaper> out = new ArrayList<>();
    for (DailyEntry e : entries) {
      Paper p = found.get(e.paperId());
      if (p == null || p.withdrawn()) {
        continue;
      }
      categories.put(p.id(), p.categories());
      out.add(
          new TrendingPaper(
              p.id(),
              e.upvotes(),
              TrendingScore.score(e.upvotes(), e.day(), now, window.halfLife()),
              p.categories()));
    }
    out.sort(
        Comparator.comparingDouble(TrendingPaper::score)
            .reversed()
            .thenComparing(Comparator.comparingInt(TrendingPaper::upvotes).reversed())
            .thenComparing(TrendingPaper::paper));
    return out;
  }

  /**
   * The period's papers with vectors (the picks' candidates); fills {@code newest} with every paper
   * listed in the period in {@link EntryOrder#NEWEST} order (the day pages' order, later day
   * first).
   */
  private Candidates newPapers(
      Edition edition, Map<ArxivId, List<String>> categories, List<ListedPaper> newest) {
    EntryQuery period = EntryQuery.between(edition.from(), edition.to());
    Map<ArxivId, LocalDate> ids = new LinkedHashMap<>();
    for (int offset = 0; ; offset += PaperStore.MAX_PAGE) {
      List<DailyEntry> page =
          papers.entries(period, EntryOrder.NEWEST, offset, PaperStore.MAX_PAGE);
      page.forEach(e -> ids.putIfAbsent(e.paperId(), e.day()));
      if (page.size() < PaperStore.MAX_PAGE) {
        break;
      }
    }
    Map<ArxivId, Paper> stored = byId(ids.keySet());
    ids.forEach(
        (id, day) -> {
          Paper p = stored.get(id);
          if (p != null && !p.withdrawn()) {
            newest.add(new ListedPaper(id, day, p.categories()));
          }
        });
    List<Paper> listed = new ArrayList<>(stored.values());
    listed.removeIf(Paper::withdrawn);
    listed.sort(Comparator.comparing(Paper::id));
    for (Paper p : listed) {
      categories.put(p.id(), p.categories());
    }
    Map<ArxivId, float[]> found = new LinkedHashMap<>();
    for (int i = 0; i < listed.size(); i += 500) {
      found.putAll(vectors.vectorsOf(listed.subList(i, Math.min(listed.size(), i + 500))));
    }
    if (found.size() < listed.size()) {
      LOG.info(
          "edition "
              + edition.id()
              + ": "
              + (listed.size() - found.size())
              + " of "
              + listed.size()
              + " new papers have no vector yet and cannot be personal picks");
    }
    return Candidates.of(found);
  }

  private List<ArxivId> alertMatches(Edition edition, String text) {
    try {
      SearchQuery q =
          new SearchQuery(
              allWordsRequired(text),
              SearchMode.BM25,
              Set.of(),
              edition.from(),
              edition.to(),
              false,
              0,
              50);
      return index.search(q).hits().stream().map(SearchHit::id).toList();
    } catch (IllegalArgumentException e) {
      return List.of();
    }
  }

  /**
   * An alert in the search syntax with every plain word made required, as the preferences page
   * promises ("new papers that contain all the words of an alert"): the search box ranks papers
   * that contain any of the words, which for an alert would let a paper in on one common word. Each
   * plain word becomes a one-word phrase, which the syntax requires (stemmed like the index);
   * phrases, exclusions ({@code -word}) and prefixes ({@code word*}) keep their meaning.
   */
  static String allWordsRequired(String alert) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    int n = alert.length();
    while (i < n) {
      char c = alert.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      int end;
      if (c == '"' || (c == '-' && i + 1 < n && alert.charAt(i + 1) == '"')) {
        int close = alert.indexOf('"', c == '"' ? i + 1 : i + 2);
        end = close < 0 ? n : close + 1;
        out.append(alert, i, end);
      } else {
        end = i;
        while (end < n && !Character.isWhitespace(alert.charAt(end)) && alert.charAt(end) != '"') {
          end++;
        }
        String word = alert.substring(i, end);
        if (word.startsWith("-") || word.endsWith("*")) {
          out.append(word);
        } else {
          out.append('"').append(word).append('"');
        }
      }
      out.append(' ');
      i = end;
    }
    return out.toString().strip();
  }

  /**
   * The likes and "not interested" marks of a page's accounts, each read in bulk (not per
   * subscriber), with the vectors of their papers from {@code cache} (what it lacks is read once
   * and kept). Every account's marks are read, since they keep papers out of every section; their
   * vectors only matter, and are only read, for accounts that get picks.
   */
  private Map<UserId, Reader> readers(
      List<Recipient> page, Map<ArxivId, Optional<LikedBase>> cache) {
    Set<UserId> accounts = new LinkedHashSet<>();
    Set<UserId> pickers = new LinkedHashSet<>();
    for (Recipient r : page) {
      if (r.user() != null) {
        accounts.add(r.user());
        if (r.preferences().wants(Section.PICKS)) {
          pickers.add(r.user());
        }
      }
    }
    if (accounts.isEmpty()) {
      return Map.of();
    }
    Map<UserId, List<ArxivId>> marks =
        dismissed.notInterestedIn(accounts, NotInterestedModel.MARKS);
    Map<UserId, List<Like>> byUser =
        pickers.isEmpty() ? Map.of() : likes.likesOf(pickers, LIKES_PER_USER);
    Set<ArxivId> missing = new LinkedHashSet<>();
    byUser.forEach(
        (user, list) -> {
          for (Like l : list) {
            if (!cache.containsKey(l.paper())) {
              missing.add(l.paper());
            }
          }
          if (!list.isEmpty()) {
            for (ArxivId id : marks.getOrDefault(user, List.of())) {
              if (!cache.containsKey(id)) {
                missing.add(id);
              }
            }
          }
        });
    loadLiked(missing, cache);
    Map<UserId, Reader> out = new HashMap<>();
    for (UserId user : accounts) {
      List<Like> list = byUser.getOrDefault(user, List.of());
      List<ArxivId> no = marks.getOrDefault(user, List.of());
      if (list.isEmpty() && no.isEmpty()) {
        continue;
      }
      List<LikedItem> items = new ArrayList<>(list.size());
      for (Like l : list) {
        Optional<LikedBase> base = cache.getOrDefault(l.paper(), Optional.empty());
        base.ifPresent(b -> items.add(new LikedItem(l, b.title(), b.vector())));
      }
      List<float[]> noVectors = new ArrayList<>();
      if (!list.isEmpty()) {
        for (ArxivId id : no) {
          cache.getOrDefault(id, Optional.empty()).ifPresent(b -> noVectors.add(b.vector()));
        }
      }
      out.put(
          user,
          new Reader(
              items, no.isEmpty() ? Dismissals.NONE : new Dismissals(Set.copyOf(no), noVectors)));
    }
    return out;
  }

  private void loadLiked(Collection<ArxivId> ids, Map<ArxivId, Optional<LikedBase>> cache) {
    List<ArxivId> all = new ArrayList<>(ids);
    for (int i = 0; i < all.size(); i += 500) {
      List<ArxivId> chunk = all.subList(i, Math.min(all.size(), i + 500));
      List<Paper> found = papers.findPapers(chunk);
      Map<ArxivId, float[]> v = vectors.vectorsOf(found);
      for (Paper p : found) {
        float[] vec = v.get(p.id());
        if (vec != null) {
          cache.put(p.id(), Optional.of(new LikedBase(p.title(), vec)));
        }
      }
      for (ArxivId id : chunk) {
        cache.putIfAbsent(id, Optional.empty());
      }
    }
  }

  private Map<ArxivId, Paper> byId(Collection<ArxivId> ids) {
    Map<ArxivId, Paper> out = new HashMap<>();
    List<ArxivId> all = new ArrayList<>(ids);
    for (int i = 0; i < all.size(); i += 500) {
      for (Paper p : papers.findPapers(all.subList(i, Math.min(all.size(), i + 500)))) {
        out.put(p.id(), p);
      }
    }
    return out;
  }
}
