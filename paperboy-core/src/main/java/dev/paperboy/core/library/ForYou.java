package dev.paperboy.core.library;

import dev.paperboy.core.account.UserId;
import dev.paperboy.core.embed.Vectors;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.DailyEntry;
import dev.paperboy.core.paper.EntryOrder;
import dev.paperboy.core.paper.EntryQuery;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.paper.PaperStore;
import dev.paperboy.core.recommend.Candidates;
import dev.paperboy.core.recommend.Like;
import dev.paperboy.core.recommend.LikedItem;
import dev.paperboy.core.recommend.PersonalPicks;
import dev.paperboy.core.recommend.Pick;
import dev.paperboy.core.recommend.Recommender;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The "For you" list: new papers (listed in the last {@code days} days of lists) ranked for one
 * reader. Papers by authors the reader follows come first ("by Y you follow", newest first); then
 * the {@link Recommender}'s picks from the reader's likes ({@link ProfileLikes}), each "similar to
 * X you saved/upvoted". Papers the reader saved, and papers marked "not interested", are never
 * shown; the latter also push their near neighbours down ({@link NotInterestedModel}).
 *
 * <p>The vectors, recommender and likes are those of the digest's personal picks ({@link
 * PersonalPicks}, passed in, not built here): for the same likes and the same new papers both rank
 * alike. Only the model is wrapped here, with the reader's "not interested" marks.
 */
public final class ForYou {
  /** How many new papers are ranked at most (the newest). */
  static final int MAX_CANDIDATES = 5000;

  /** Papers read from the store, and vectorised, per call. */
  private static final int CHUNK = 500;

  /** A paper on the list and why it is there. */
  public record Item(ArxivId paper, String reason, double score) {}

  private final PaperStore papers;
  private final LibraryStore library;
  private final PersonalPicks picks;
  private final Clock clock;
  private final int days;
  private final double notInterestedWeight;

  /**
   * @param picks the vectors, recommender and likes of the digest's personal picks (the same
   *     instance, so both rank alike)
   * @param days how many days of lists count as new, >= 1
   * @param notInterestedWeight the cost of a dismissed neighbour ({@link NotInterestedModel})
   */
  public ForYou(
      PaperStore papers,
      LibraryStore library,
      PersonalPicks picks,
      Clock clock,
      int days,
      double notInterestedWeight) {
    if (days < 1) {
      throw new IllegalArgumentException("days must be >= 1, days: " + days);
    }
    if (picks == null) {
      throw new IllegalArgumentException("picks must not be null");
    }
    this.papers = papers;
    this.library = library;
    this.picks = picks;
    this.clock = clock;
    this.days = days;
    this.notInterestedWeight = notInterestedWeight;
  }

  /** What the list is ranked with (the digest's personal picks). */
  public PersonalPicks picks() {
    return picks;
  }

  /** The reader's list, at most {@code limit} papers, best first. */
  public List<Item> forUser(UserId user, int limit) {
    LocalDate last = papers.latestDay().orElse(null);
    if (last == null || limit < 1) {
      return List.of();
    }
    Set<ArxivId> fresh = newPapers(papers, last, days, MAX_CANDIDATES);
    Set<ArxivId> excluded = new HashSet<>(library.notInterestedIn(user, NotInterestedModel.MARKS));
    excluded.addAll(library.savedAmong(user, fresh));
    Map<ArxivId, Item> out = new LinkedHashMap<>();
    followedAuthors(user, fresh, excluded, out, limit);
    if (out.size() < limit) {
      recommended(user, fresh, excluded, out, limit);
    }
    return List.copyOf(out.values());
  }

  /**
   * The papers listed from {@code days - 1} days before {@code last} to {@code last}, newest day
   * first, at most {@code max}.
   */
  public static Set<ArxivId> newPapers(PaperStore papers, LocalDate last, int days, int max) {
    EntryQuery q = EntryQuery.between(last.minusDays(days - 1L), last);
    Set<ArxivId> fresh = new LinkedHashSet<>();
    for (int offset = 0; offset < max; offset += PaperStore.MAX_PAGE) {
      List<DailyEntry> page =
          papers.entries(q, EntryOrder.NEWEST, offset, Math.min(PaperStore.MAX_PAGE, max - offset));
      for (DailyEntry e : page) {
        fresh.add(e.paperId());
      }
      if (page.size() < PaperStore.MAX_PAGE) {
        break;
      }
    }
    return fresh;
  }

  private void followedAuthors(
      UserId user, Set<ArxivId> fresh, Set<ArxivId> excluded, Map<ArxivId, Item> out, int limit) {
    Map<String, String> authors = new HashMap<>();
    for (Follow f : library.follows(user)) {
      if (f.kind() == FollowKind.AUTHOR) {
        authors.put(f.key(), f.label());
      }
    }
    if (authors.isEmpty()) {
      return;
    }
    List<Paper> found = new ArrayList<>(papers.findPapers(fresh));
    found.sort(
        java.util.Comparator.comparing(
                (Paper p) -> p.displayDate() == null ? LocalDate.MIN : p.displayDate())
            .reversed()
            .thenComparing(p -> p.id().value()));
    for (Paper p : found) {
      if (out.size() >= limit) {
        return;
      }
      if (excluded.contains(p.id())) {
        continue;
      }
      for (String a : p.authors()) {
        String label = authors.get(safeKey(a));
        if (label != null) {
          out.put(p.id(), new Item(p.id(), "by " + label + " you follow", 1.0));
          break;
        }
      }
    }
  }

  private void recommended(
      UserId user, Set<ArxivId> fresh, Set<ArxivId> excluded, Map<ArxivId, Item> out, int limit) {
    List<Like> liked = picks.likes().likesOf(user, PersonalPicks.LIKES);
    if (liked.isEmpty()) {
      return;
    }
    List<ArxivId> dismissed = library.notInterestedIn(user, NotInterestedModel.MARKS);
    Set<ArxivId> wanted = new LinkedHashSet<>(fresh);
    for (Like l : liked) {
      wanted.add(l.paper());
    }
    wanted.addAll(dismissed);
    Map<ArxivId, Paper> byId = new HashMap<>();
    Map<ArxivId, float[]> found = vectorsOf(wanted, byId);
    List<LikedItem> items = new ArrayList<>();
    for (Like l : liked) {
      float[] v = found.get(l.paper());
      Paper p = byId.get(l.paper());
      if (v != null && p != null && !p.title().isBlank()) {
        items.add(new LikedItem(l, p.title(), v));
      }
    }
    if (items.isEmpty()) {
      return;
    }
    // As the digest's candidates (EditionBuilder): listed, not withdrawn, with a vector.
    Map<ArxivId, float[]> candidateVectors = new LinkedHashMap<>();
    for (ArxivId id : fresh) {
      float[] v = found.get(id);
      Paper p = byId.get(id);
      if (v != null && p != null && !p.withdrawn()) {
        candidateVectors.put(id, v);
      }
    }
    List<float[]> no = new ArrayList<>();
    for (ArxivId id : dismissed) {
      float[] v = found.get(id);
      if (v != null) {
        no.add(v);
      }
    }
    Recommender personal =
        NotInterestedModel.recommender(picks.recommender(), no, notInterestedWeight);
    List<Pick> ranked =
        personal.recommend(
            items,
            Candidates.of(candidateVectors),
            limit - out.size(),
            id -> !excluded.contains(id) && !out.containsKey(id),
            clock.instant());
    for (Pick p : ranked) {
      out.put(p.paper(), new Item(p.paper(), p.reason(), p.score()));
    }
  }

  /**
   * The vectors of those of {@code ids} that have one, from the picks' vectors; the papers read on
   * the way are put in {@code byId}.
   */
  private Map<ArxivId, float[]> vectorsOf(Collection<ArxivId> ids, Map<ArxivId, Paper> byId) {
    List<ArxivId> all = new ArrayList<>(ids);
    Map<ArxivId, float[]> out = new HashMap<>();
    for (int i = 0; i < all.size(); i += CHUNK) {
      List<Paper> found = papers.findPapers(all.subList(i, Math.min(all.size(), i + CHUNK)));
      for (Paper p : found) {
        byId.put(p.id(), p);
      }
      out.putAll(picks.vectors().vectorsOf(found));
    }
    return out;
  }

  /**
   * "More like these": of {@code candidates}, the papers closest to {@code set} as a whole (the
   * cosine with the mean of the set's vectors, the profile {@link
   * dev.paperboy.core.recommend.CentroidModel#mean} learns), best first, each explained by the
   * paper of the set it is closest to. Papers of the set and papers without a vector are left out.
   */
  public List<Item> moreLikeThese(List<ArxivId> set, Collection<ArxivId> candidates, int limit) {
    Set<ArxivId> all = new LinkedHashSet<>(set);
    all.addAll(candidates);
    Map<ArxivId, Paper> byId = new HashMap<>();
    Map<ArxivId, float[]> found = vectorsOf(all, byId);
    List<float[]> members = new ArrayList<>();
    List<ArxivId> memberIds = new ArrayList<>();
    for (ArxivId id : set) {
      float[] v = found.get(id);
      if (v != null) {
        members.add(v);
        memberIds.add(id);
      }
    }
    if (members.isEmpty() || limit < 1) {
      return List.of();
    }
    int dim = members.get(0).length;
    float[] mean = new float[dim];
    for (float[] v : members) {
      for (int j = 0; j < dim; j++) {
        mean[j] += v[j] / members.size();
      }
    }
    List<Item> out = new ArrayList<>();
    for (ArxivId id : new LinkedHashSet<>(candidates)) {
      float[] v = found.get(id);
      if (v == null || set.contains(id) || v.length != dim) {
        continue;
      }
      double score = Vectors.dot(v, mean);
      int nearest = 0;
      double best = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < members.size(); i++) {
        double s = Vectors.dot(v, members.get(i));
        if (s > best) {
          best = s;
          nearest = i;
        }
      }
      Paper closest = byId.get(memberIds.get(nearest));
      String title = closest == null ? memberIds.get(nearest).value() : closest.title();
      out.add(new Item(id, "closest to \u201c" + title + "\u201d in this collection", score));
    }
    out.sort(
        java.util.Comparator.comparingDouble(Item::score)
            .reversed()
            .thenComparing(it -> it.paper().value()));
    return out.size() > limit ? List.copyOf(out.subList(0, limit)) : List.copyOf(out);
  }

  private static String safeKey(String author) {
    try {
      return AuthorNames.key(author);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
