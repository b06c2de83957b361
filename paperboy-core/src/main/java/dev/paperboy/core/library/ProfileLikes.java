package dev.paperboy.core.library;

import dev.paperboy.core.account.UserId;
import dev.paperboy.core.community.Vote;
import dev.paperboy.core.community.VoteStore;
import dev.paperboy.core.recommend.Like;
import dev.paperboy.core.recommend.LikeKind;
import dev.paperboy.core.recommend.LikedPapers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the recommender learns a reader's taste from: their saved papers and their upvotes (a paper
 * both saved and upvoted counts once, {@link LikedPapers#combined}), minus everything from before
 * the reader last pressed "reset my profile". The "For you" list and the digest's personal picks
 * both read likes through this, so a reset is felt in both.
 *
 * <p>Many users at once ({@link #likesOf(Collection, int)}, a page of digest subscribers) cost one
 * bulk read of each source and one of the reset times, not three reads per user; each user gets
 * exactly what {@link #likesOf(UserId, int)} gives them.
 */
public final class ProfileLikes implements LikedPapers {
  private final LibraryStore library;
  private final LikedPapers combined;

  /** Saved papers from {@code library}, upvotes from {@code votes}, both read in bulk. */
  public ProfileLikes(LibraryStore library, VoteStore votes) {
    this(library, upvotes(votes));
  }

  /**
   * @param upvotes the reader's upvotes as likes (a source that does not override {@link
   *     LikedPapers#likesOf(Collection, int)} is asked per user)
   */
  public ProfileLikes(LibraryStore library, LikedPapers upvotes) {
    this.library = library;
    this.combined = LikedPapers.combined(List.of(saves(library), upvotes));
  }

  /** The upvotes of {@code votes} as likes, per user or for many users in one bulk read. */
  public static LikedPapers upvotes(VoteStore votes) {
    return new LikedPapers() {
      @Override
      public List<Like> likesOf(UserId user, int limit) {
        return asLikes(votes.votesOf(user, limit));
      }

      @Override
      public Map<UserId, List<Like>> likesOf(Collection<UserId> users, int limitEach) {
        Map<UserId, List<Like>> out = new HashMap<>();
        votes.votesOf(users, limitEach).forEach((u, vs) -> out.put(u, asLikes(vs)));
        return out;
      }
    };
  }

  private static List<Like> asLikes(List<Vote> votes) {
    return votes.stream().map(v -> new Like(v.paperId(), LikeKind.UPVOTE, v.createdAt())).toList();
  }

  /** The saved papers of {@code library} as likes, per user or in bulk. */
  private static LikedPapers saves(LibraryStore library) {
    return new LikedPapers() {
      @Override
      public List<Like> likesOf(UserId user, int limit) {
        return library.savedLikes(user, limit);
      }

      @Override
      public Map<UserId, List<Like>> likesOf(Collection<UserId> users, int limitEach) {
        return library.savedLikes(users, limitEach);
      }
    };
  }

  @Override
  public List<Like> likesOf(UserId user, int limit) {
    Optional<Instant> reset = library.profileResetAt(user);
    return since(combined.likesOf(user, limit), reset.orElse(null));
  }

  /**
   * {@inheritDoc}
   *
   * <p>The reset times are read only for the users who have likes at all.
   */
  @Override
  public Map<UserId, List<Like>> likesOf(Collection<UserId> users, int limitEach) {
    Map<UserId, List<Like>> all = combined.likesOf(users, limitEach);
    if (all.isEmpty()) {
      return Map.of();
    }
    Map<UserId, Instant> resets = library.profileResetAt(new ArrayList<>(all.keySet()));
    Map<UserId, List<Like>> out = new HashMap<>();
    all.forEach(
        (user, likes) -> {
          List<Like> kept = since(likes, resets.get(user));
          if (!kept.isEmpty()) {
            out.put(user, kept);
          }
        });
    return out;
  }

  /** The likes strictly after the reset (all of them without one). */
  private static List<Like> since(List<Like> likes, @Nullable Instant reset) {
    if (reset == null) {
      return likes;
    }
    return likes.stream().filter(l -> l.at().isAfter(reset)).toList();
  }
}
