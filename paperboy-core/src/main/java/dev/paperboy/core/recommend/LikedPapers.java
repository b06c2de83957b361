package dev.paperboy.core.recommend;

import dev.paperboy.core.account.UserId;
import dev.paperboy.core.paper.ArxivId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
   * with its newest like; the result is newest first.
   */
  static LikedPapers combined(List<LikedPapers> sources) {
    List<LikedPapers> all = List.copyOf(sources);
    return (user, limit) -> {
      Map<ArxivId, Like> newest = new LinkedHashMap<>();
      for (LikedPapers source : all) {
        for (Like like : source.likesOf(user, limit)) {
          newest.merge(like.paper(), like, (a, b) -> a.at().isAfter(b.at()) ? a : b);
        }
      }
      List<Like> out = new ArrayList<>(newest.values());
      out.sort(Comparator.comparing(Like::at).reversed().thenComparing(l -> l.paper().toString()));
      return out.size() > limit ? List.copyOf(out.subList(0, limit)) : List.copyOf(out);
    };
  }
}
