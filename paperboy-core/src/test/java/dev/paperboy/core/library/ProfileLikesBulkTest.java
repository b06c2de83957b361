package dev.paperboy.core.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.account.UserId;
import dev.paperboy.core.community.Vote;
import dev.paperboy.core.community.VoteStore;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.recommend.Like;
import dev.paperboy.core.recommend.LikeKind;
import dev.paperboy.core.recommend.LikedPapers;
import java.lang.reflect.Proxy;
import java.time.Instant;
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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The bulk read of {@link ProfileLikes} (a page of digest subscribers at once) gives every user
 * exactly what the per-user read gives, on generated libraries, with one bulk read per source and
 * none per user. The fakes read their rows as the SQL stores do: per user {@code ORDER BY at DESC,
 * paper_id LIMIT n}; in bulk by numbering each user's rows in that order and keeping those up to n
 * (the stores' {@code ROW_NUMBER() OVER (PARTITION BY user_id ...)}).
 */
class ProfileLikesBulkTest {
  static final Instant T = Instant.parse("2025-06-20T00:00:00Z");
  static final int USERS = 8;
  static final int PAPERS = 10;

  /** One stored row: a save or an upvote of paper {@code paper} by user {@code user}. */
  record Row(int user, int paper, LikeKind kind, int second) {}

  /**
   * A generated world: rows (few papers and seconds, so papers are both saved and upvoted and times
   * tie), reset times (some equal to like times), the users asked for (unknown and repeated ones
   * among them) and the limit.
   */
  record World(List<Row> rows, Map<Integer, Integer> resets, List<Integer> asked, int limit) {}

  @Provide
  Arbitrary<World> worlds() {
    Arbitrary<Row> row =
        Combinators.combine(
                Arbitraries.integers().between(0, USERS - 1),
                Arbitraries.integers().between(0, PAPERS - 1),
                Arbitraries.of(LikeKind.SAVE, LikeKind.UPVOTE),
                Arbitraries.integers().between(0, 12))
            .as(Row::new);
    Arbitrary<Map<Integer, Integer>> resets =
        Arbitraries.maps(
                Arbitraries.integers().between(0, USERS - 1), Arbitraries.integers().between(0, 12))
            .ofMaxSize(USERS);
    // USERS and USERS + 1 have no rows at all.
    Arbitrary<List<Integer>> asked =
        Arbitraries.integers().between(0, USERS + 1).list().ofMaxSize(2 * USERS);
    return Combinators.combine(
            row.list().ofMaxSize(60),
            resets,
            asked,
            Arbitraries.integers().between(1, 2 * PAPERS + 1))
        .as(World::new);
  }

  @Property(tries = 500)
  void bulkGivesEachUserWhatThePerUserReadGives(@ForAll("worlds") World w) {
    Stores s = new Stores(w);
    ProfileLikes likes = new ProfileLikes(s.library(), s);
    List<UserId> asked = w.asked().stream().map(ProfileLikesBulkTest::user).toList();

    Map<UserId, List<Like>> bulk = likes.likesOf(asked, w.limit());
    assertThat(s.perUserReads).as("per-user reads in the bulk path").isZero();
    assertThat(s.bulkReads)
        .as("saved, upvotes and (when someone has likes) resets: one bulk read each")
        .isEqualTo(s.likesOfAnyone(asked) ? 3 : 2);

    assertThat(bulk.keySet()).isSubsetOf(asked);
    assertThat(bulk.values()).as("users without likes are left out").noneMatch(List::isEmpty);
    // The upvotes through a source that only reads per user (LikedPapers' default bulk read).
    LikedPapers perUserVotes = (u, n) -> ProfileLikes.upvotes(s).likesOf(u, n);
    Map<UserId, List<Like>> mixed =
        new ProfileLikes(s.library(), perUserVotes).likesOf(asked, w.limit());
    for (UserId u : new LinkedHashSet<>(asked)) {
      List<Like> one = likes.likesOf(u, w.limit());
      assertThat(bulk.getOrDefault(u, List.of())).as("user %s", u).isEqualTo(one);
      assertThat(mixed.getOrDefault(u, List.of())).as("user %s", u).isEqualTo(one);
    }
  }

  @Test
  void aPaperSavedAndUpvotedCountsOnceWithItsNewestLikeAfterTheReset() {
    // User 0: paper 1 saved at 5 and upvoted at 9, paper 2 upvoted at 9, paper 3 saved at 2
    // (before the reset at 3); user 1: paper 4 saved at 7; user 2: nothing.
    World w =
        new World(
            List.of(
                new Row(0, 1, LikeKind.SAVE, 5),
                new Row(0, 1, LikeKind.UPVOTE, 9),
                new Row(0, 2, LikeKind.UPVOTE, 9),
                new Row(0, 3, LikeKind.SAVE, 2),
                new Row(1, 4, LikeKind.SAVE, 7)),
            Map.of(0, 3),
            List.of(0, 1, 2),
            10);
    Stores s = new Stores(w);
    Map<UserId, List<Like>> bulk =
        new ProfileLikes(s.library(), s).likesOf(List.of(user(0), user(1), user(2)), 10);
    assertThat(bulk).containsOnlyKeys(user(0), user(1));
    assertThat(bulk.get(user(0)))
        .containsExactly(
            new Like(paper(1), LikeKind.UPVOTE, at(9)), new Like(paper(2), LikeKind.UPVOTE, at(9)));
    assertThat(bulk.get(user(1))).containsExactly(new Like(paper(4), LikeKind.SAVE, at(7)));
    assertThat(new ProfileLikes(s.library(), s).likesOf(List.of(user(0)), 1).get(user(0)))
        .as("the limit keeps the newest")
        .containsExactly(new Like(paper(1), LikeKind.UPVOTE, at(9)));
  }

  @Test
  void nobodyWithLikesCostsNoResetRead() {
    Stores s = new Stores(new World(List.of(), Map.of(0, 1), List.of(), 5));
    assertThat(new ProfileLikes(s.library(), s).likesOf(List.of(user(0), user(1)), 5)).isEmpty();
    assertThat(s.bulkReads).isEqualTo(2);
  }

  static UserId user(int i) {
    return new UserId("useraaaaaaaa" + "abcdefghijk".charAt(i) + "bbb");
  }

  static ArxivId paper(int i) {
    return ArxivId.parse(String.format("2506.%05d", i + 1));
  }

  static Instant at(int second) {
    return T.plusSeconds(second);
  }

  /** The saved papers, upvotes and resets of a world, counting how they are read. */
  static final class Stores implements VoteStore {
    final Map<UserId, Map<ArxivId, Instant>> saves = new HashMap<>();
    final Map<UserId, Map<ArxivId, Instant>> votes = new HashMap<>();
    final Map<UserId, Instant> resets = new HashMap<>();
    int perUserReads;
    int bulkReads;

    Stores(World w) {
      for (Row r : w.rows()) {
        // One row per user and paper and kind, the first kept, as the tables' keys allow.
        (r.kind() == LikeKind.SAVE ? saves : votes)
            .computeIfAbsent(user(r.user()), k -> new LinkedHashMap<>())
            .putIfAbsent(paper(r.paper()), at(r.second()));
      }
      w.resets().forEach((u, s) -> resets.put(user(u), at(s)));
    }

    boolean likesOfAnyone(Collection<UserId> users) {
      return users.stream().anyMatch(u -> saves.containsKey(u) || votes.containsKey(u));
    }

    /** One user's rows, newest first and then by paper id, at most {@code limit}. */
    private static List<Map.Entry<ArxivId, Instant>> newest(
        Map<UserId, Map<ArxivId, Instant>> table, UserId user, int limit) {
      return table.getOrDefault(user, Map.of()).entrySet().stream()
          .sorted(ORDER)
          .limit(limit)
          .toList();
    }

    private static final Comparator<Map.Entry<ArxivId, Instant>> ORDER =
        Comparator.comparing((Map.Entry<ArxivId, Instant> e) -> e.getValue())
            .reversed()
            .thenComparing(e -> e.getKey().value());

    /** Like the SQL: all rows of the users sorted by user, then numbered within each user. */
    private static Map<UserId, List<Map.Entry<ArxivId, Instant>>> newestEach(
        Map<UserId, Map<ArxivId, Instant>> table, Collection<UserId> users, int limitEach) {
      record Flat(UserId user, Map.Entry<ArxivId, Instant> row) {}
      Set<UserId> asked = new LinkedHashSet<>(users);
      List<Flat> all = new ArrayList<>();
      table.forEach(
          (u, rows) -> {
            if (asked.contains(u)) {
              rows.entrySet().forEach(e -> all.add(new Flat(u, e)));
            }
          });
      all.sort(
          Comparator.comparing((Flat f) -> f.user().value())
              .thenComparing(Flat::row, ORDER::compare));
      Map<UserId, List<Map.Entry<ArxivId, Instant>>> out = new HashMap<>();
      for (Flat f : all) {
        List<Map.Entry<ArxivId, Instant>> mine =
            out.computeIfAbsent(f.user(), k -> new ArrayList<>());
        if (mine.size() < limitEach) {
          mine.add(f.row());
        }
      }
      return out;
    }

    @Override
    public List<Vote> votesOf(UserId user, int limit) {
      perUserReads++;
      return newest(votes, user, limit).stream()
          .map(e -> new Vote(user, e.getKey(), e.getValue()))
          .toList();
    }

    @Override
    public Map<UserId, List<Vote>> votesOf(Collection<UserId> users, int limitEach) {
      bulkReads++;
      Map<UserId, List<Vote>> out = new HashMap<>();
      newestEach(votes, users, limitEach)
          .forEach(
              (u, rows) ->
                  out.put(
                      u, rows.stream().map(e -> new Vote(u, e.getKey(), e.getValue())).toList()));
      return out;
    }

    /** A library with only what ProfileLikes reads: saved papers as likes and reset times. */
    LibraryStore library() {
      return (LibraryStore)
          Proxy.newProxyInstance(
              LibraryStore.class.getClassLoader(),
              new Class<?>[] {LibraryStore.class},
              (proxy, method, args) -> {
                if (args == null || args.length == 0) {
                  return method.getName().equals("hashCode")
                      ? System.identityHashCode(proxy)
                      : "the world's library";
                }
                boolean one = args[0] instanceof UserId;
                if (one) {
                  perUserReads++;
                } else {
                  bulkReads++;
                }
                return switch (method.getName()) {
                  case "savedLikes" ->
                      one
                          ? savedLikes((UserId) args[0], (int) args[1])
                          : savedLikes(collection(args[0]), (int) args[1]);
                  case "profileResetAt" ->
                      one
                          ? Optional.ofNullable(resets.get((UserId) args[0]))
                          : resetsOf(collection(args[0]));
                  default -> throw new UnsupportedOperationException(method.getName());
                };
              });
    }

    @SuppressWarnings("unchecked")
    private static Collection<UserId> collection(Object arg) {
      return (Collection<UserId>) arg;
    }

    private List<Like> savedLikes(UserId user, int limit) {
      return newest(saves, user, limit).stream()
          .map(e -> new Like(e.getKey(), LikeKind.SAVE, e.getValue()))
          .toList();
    }

    private Map<UserId, List<Like>> savedLikes(Collection<UserId> users, int limitEach) {
      Map<UserId, List<Like>> out = new HashMap<>();
      newestEach(saves, users, limitEach)
          .forEach(
              (u, rows) ->
                  out.put(
                      u,
                      rows.stream()
                          .map(e -> new Like(e.getKey(), LikeKind.SAVE, e.getValue()))
                          .toList()));
      return out;
    }

    private Map<UserId, Instant> resetsOf(Collection<UserId> users) {
      Map<UserId, Instant> out = new HashMap<>();
      for (UserId u : users) {
        if (resets.containsKey(u)) {
          out.put(u, resets.get(u));
        }
      }
      return out;
    }

    @Override
    public boolean upvote(UserId user, ArxivId paper, Instant now) {
      throw new UnsupportedOperationException("upvote");
    }

    @Override
    public boolean removeUpvote(UserId user, ArxivId paper) {
      throw new UnsupportedOperationException("removeUpvote");
    }

    @Override
    public Set<ArxivId> upvotedAmong(UserId user, Collection<ArxivId> papers) {
      throw new UnsupportedOperationException("upvotedAmong");
    }

    @Override
    public int localVotes(ArxivId paper) {
      throw new UnsupportedOperationException("localVotes");
    }
  }
}
