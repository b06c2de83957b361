package dev.paperboy.core.recommend;

import dev.paperboy.core.account.UserId;
import dev.paperboy.core.paper.ArxivId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The papers a reader likes: the port every source of taste plugs into (upvotes now, saved papers
 * with the library of issue 9). The recommendation code reads only this, so a new source changes no
 * model.
 */
@FunctionalInterface
public interface LikedPapers {

  /** A source with no likes at all (a site without accounts). */
  LikedPapers NONE = (user, limit) -> List.of();

  /**
   * The user's likes, newest first, at most {@code limit}, at most one per paper.
   *
   * @param limit 1 or more
   */
  List<Like> likesOf(UserId user, int limit);

  /**
   * The likes of many users at once, for composing thousands of digests; the default asks {@link
   * #likesOf} per user, stores override it with one query.
   */
  default Map<UserId, List<Like>> likesOf(Collection<UserId> users, int limitEach) {
    Map<UserId, List<Like>> out = new HashMap<>();
    for (UserId u : users) {
      List<Like> likes = likesOf(u, limitEach);
      if (!likes.isEmpty()) {
        out.put(u, likes);
      }
    }
    return out;
  }

  /**
   * Several sources read as one: a paper liked in several ways (upvoted and saved) counts once,
   * with its newest like; the result is newest first (ties by paper id). Many users at once ask
   * each source for all of them at once ({@link #likesOf(Collection, int)}), so a source that reads
   * in bulk stays bulk, and give each user exactly what {@link #likesOf(UserId, int)} gives.
   */
  static LikedPapers combined(List<LikedPapers> sources) {
    List<LikedPapers> all = List.copyOf(sources);
    return new LikedPapers() {
      @Override
      public List<Like> likesOf(UserId user, int limit) {
        List<List<Like>> each = new ArrayList<>(all.size());
        for (LikedPapers source : all) {
          each.add(source.likesOf(user, limit));
        }
        return newestOnce(each, limit);
      }

      @Override
      public Map<UserId, List<Like>> likesOf(Collection<UserId> users, int limitEach) {
        List<Map<UserId, List<Like>>> bySource = new ArrayList<>(all.size());
        for (LikedPapers source : all) {
          bySource.add(source.likesOf(users, limitEach));
        }
        Map<UserId, List<Like>> out = new HashMap<>();
        for (UserId user : new LinkedHashSet<>(users)) {
          List<List<Like>> each = new ArrayList<>(all.size());
          for (Map<UserId, List<Like>> m : bySource) {
            each.add(m.getOrDefault(user, List.of()));
          }
          List<Like> likes = newestOnce(each, limitEach);
          if (!likes.isEmpty()) {
            out.put(user, likes);
          }
        }
        return out;
      }
    };
  }

  /**
   * One like per paper (the newest; on a tie the later source's), newest first and then by paper
   * id, at most {@code limit}: the one merge both paths of {@link #combined} use.
   */
  private static List<Like> newestOnce(List<List<Like>> sources, int limit) {
    Map<ArxivId, Like> newest = new LinkedHashMap<>();
    for (List<Like> likes : sources) {
      for (Like like : likes) {
        newest.merge(like.paper(), like, (a, b) -> a.at().isAfter(b.at()) ? a : b);
      }
    }
    List<Like> out = new ArrayList<>(newest.values());
    out.sort(Comparator.comparing(Like::at).reversed().thenComparing(l -> l.paper().toString()));
    return out.size() > limit ? List.copyOf(out.subList(0, limit)) : List.copyOf(out);
  }
}
