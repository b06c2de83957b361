package dev.paperboy.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.account.User;
import dev.paperboy.core.account.UserId;
import dev.paperboy.core.account.UserStore;
import dev.paperboy.core.community.Vote;
import dev.paperboy.core.community.VoteStore;
import dev.paperboy.core.library.LibraryStore;
import dev.paperboy.core.library.ProfileLikes;
import dev.paperboy.core.mail.EmailAddress;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.DailyEntry;
import dev.paperboy.core.paper.EntrySource;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.paper.PaperStore;
import dev.paperboy.core.recommend.Like;
import dev.paperboy.core.recommend.LikeKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bulk reads behind a page of digest subscribers' likes ({@link VoteStore#votesOf(java.util
 * .Collection, int)}, {@link LibraryStore#savedLikes(java.util.Collection, int)}, {@link
 * LibraryStore#profileResetAt(java.util.Collection)} and {@link ProfileLikes} over them) give each
 * user exactly what the per-user reads give, for more users than one SQL {@code IN} list takes.
 * Implementations return stores on one new, empty database per test.
 */
public abstract class ProfileLikesContract {
  protected static final Instant T0 = Instant.parse("2025-06-17T09:00:00Z");
  protected static final LocalDate MON = LocalDate.of(2025, 6, 16);
  protected static final int PAPERS = 8;

  protected abstract PaperStore papers();

  protected abstract UserStore users();

  protected abstract LibraryStore library();

  protected abstract VoteStore votes();

  /** Papers 0..7, all on Monday's list (a vote needs a listed paper). */
  @BeforeEach
  void listedPapers() {
    List<Paper> ps = new ArrayList<>();
    List<DailyEntry> es = new ArrayList<>();
    for (int i = 0; i < PAPERS; i++) {
      ps.add(Paper.builder(paper(i), "Paper " + i).abstractText("About " + i).build());
      es.add(new DailyEntry(MON, paper(i), EntrySource.ARXIV, null, 0, null));
    }
    papers().upsertPapers(ps);
    papers().upsertEntries(es);
  }

  protected static ArxivId paper(int i) {
    return ArxivId.parse(String.format("2506.%05d", i + 1));
  }

  protected static Instant at(int second) {
    return T0.plusSeconds(second);
  }

  protected User user(String name) {
    return users().findOrCreate(EmailAddress.parse("email", name + "@example.org"), T0);
  }

  /** The accounts of the tests below and the users asked for. */
  private record Page(User both, User reset, User cut, User onlyVotes, List<UserId> asked) {}

  /**
   * {@code both}: paper 0 saved at 5 and upvoted at 9 (counts once, as the upvote), paper 1 upvoted
   * at 9 (same time: paper id decides), paper 2 saved at 1. {@code reset}: papers 0, 1 saved at 1,
   * 3, paper 2 upvoted at 4, paper 3 at 8, reset at 4 (the like at 4 is not after it). {@code cut}:
   * all 8 papers saved at 10..17 and upvoted at 20..27. {@code onlyVotes}: paper 7 upvoted at 2.
   * The asked users: {@code both}, 600 others without any likes (one of them {@code reset}, one
   * {@code cut}, so they fall in the second chunk of 500), {@code onlyVotes}, and {@code both}
   * again.
   */
  private Page seed() {
    LibraryStore lib = library();
    VoteStore votes = votes();
    User both = user("both");
    lib.save(both.id(), paper(0), at(5));
    votes.upvote(both.id(), paper(0), at(9));
    votes.upvote(both.id(), paper(1), at(9));
    lib.save(both.id(), paper(2), at(1));
    User reset = user("reset");
    lib.save(reset.id(), paper(0), at(1));
    lib.save(reset.id(), paper(1), at(3));
    votes.upvote(reset.id(), paper(2), at(4));
    votes.upvote(reset.id(), paper(3), at(8));
    lib.resetProfile(reset.id(), at(4));
    User cut = user("cut");
    for (int i = 0; i < PAPERS; i++) {
      lib.save(cut.id(), paper(i), at(10 + i));
      votes.upvote(cut.id(), paper(i), at(20 + i));
    }
    User onlyVotes = user("only-votes");
    votes.upvote(onlyVotes.id(), paper(7), at(2));
    User none = user("none");
    lib.resetProfile(none.id(), at(1));
    List<UserId> asked = new ArrayList<>();
    asked.add(both.id());
    for (int i = 0; i < 600; i++) {
      asked.add(
          switch (i) {
            case 520 -> reset.id();
            case 540 -> cut.id();
            case 560 -> none.id();
            default -> UserId.random();
          });
    }
    asked.add(onlyVotes.id());
    asked.add(both.id());
    return new Page(both, reset, cut, onlyVotes, asked);
  }

  @Test
  void storesReadTheLikesOfManyUsersAsThoseOfEach() {
    Page p = seed();
    LibraryStore lib = library();
    VoteStore votes = votes();
    for (int limit : List.of(1, 3, 100)) {
      Map<UserId, List<Vote>> v = votes.votesOf(p.asked(), limit);
      Map<UserId, List<Like>> s = lib.savedLikes(p.asked(), limit);
      assertThat(v)
          .containsOnlyKeys(p.both().id(), p.reset().id(), p.cut().id(), p.onlyVotes().id());
      assertThat(s).containsOnlyKeys(p.both().id(), p.reset().id(), p.cut().id());
      for (UserId u : p.asked()) {
        assertThat(v.getOrDefault(u, List.of()))
            .as("votes, limit %d", limit)
            .isEqualTo(votes.votesOf(u, limit));
        assertThat(s.getOrDefault(u, List.of()))
            .as("saves, limit %d", limit)
            .isEqualTo(lib.savedLikes(u, limit));
      }
    }
    assertThat(votes.votesOf(p.asked(), 3).get(p.cut().id()))
        .as("the newest 3")
        .extracting(Vote::paperId)
        .containsExactly(paper(7), paper(6), paper(5));
    assertThat(votes.votesOf(p.asked(), 10).get(p.both().id()))
        .as("same time: by paper id")
        .extracting(Vote::paperId)
        .containsExactly(paper(0), paper(1));
    assertThat(lib.savedLikes(p.asked(), 2).get(p.cut().id()))
        .containsExactly(
            new Like(paper(7), LikeKind.SAVE, at(17)), new Like(paper(6), LikeKind.SAVE, at(16)));

    Map<UserId, Instant> resets = lib.profileResetAt(p.asked());
    assertThat(resets).hasSize(2).containsEntry(p.reset().id(), at(4));
    for (UserId u : p.asked()) {
      assertThat(Optional.ofNullable(resets.get(u))).isEqualTo(lib.profileResetAt(u));
    }
    assertThat(votes.votesOf(List.of(), 5)).isEmpty();
    assertThat(lib.savedLikes(List.of(), 5)).isEmpty();
    assertThat(lib.profileResetAt(List.of())).isEmpty();
  }

  @Test
  void profileLikesOfManyUsersAreThoseOfEach() {
    Page p = seed();
    ProfileLikes likes = new ProfileLikes(library(), votes());
    for (int limit : List.of(1, 2, 3, 10, 100)) {
      Map<UserId, List<Like>> bulk = likes.likesOf(p.asked(), limit);
      assertThat(bulk)
          .containsOnlyKeys(p.both().id(), p.reset().id(), p.cut().id(), p.onlyVotes().id());
      for (UserId u : p.asked()) {
        assertThat(bulk.getOrDefault(u, List.of()))
            .as("user %s, limit %d", u, limit)
            .isEqualTo(likes.likesOf(u, limit));
      }
    }
    Map<UserId, List<Like>> bulk = likes.likesOf(p.asked(), 100);
    assertThat(bulk.get(p.both().id()))
        .as("saved and upvoted: once, as the newer upvote")
        .containsExactly(
            new Like(paper(0), LikeKind.UPVOTE, at(9)),
            new Like(paper(1), LikeKind.UPVOTE, at(9)),
            new Like(paper(2), LikeKind.SAVE, at(1)));
    assertThat(bulk.get(p.reset().id()))
        .as("only the likes after the reset")
        .containsExactly(new Like(paper(3), LikeKind.UPVOTE, at(8)));
    assertThat(bulk.get(p.cut().id()))
        .as("each paper once, as its newer upvote")
        .hasSize(PAPERS)
        .allMatch(l -> l.kind() == LikeKind.UPVOTE);
    assertThat(likes.likesOf(p.asked(), 3).get(p.cut().id()))
        .as("the limit keeps the newest")
        .extracting(Like::paper)
        .containsExactly(paper(7), paper(6), paper(5));
    assertThat(likes.likesOf(List.of(), 10)).isEmpty();
  }
}
