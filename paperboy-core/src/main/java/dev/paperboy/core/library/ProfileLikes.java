package dev.paperboy.core.library;

import dev.paperboy.core.account.UserId;
import dev.paperboy.core.recommend.Like;
import dev.paperboy.core.recommend.LikedPapers;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the recommender learns a reader's taste from: their saved papers and their upvotes (a paper
 * both saved and upvoted counts once, {@link LikedPapers#combined}), minus everything from before
 * the reader last pressed "reset my profile". The "For you" list and the digest's personal picks
 * both read likes through this, so a reset is felt in both.
 */
public final class ProfileLikes implements LikedPapers {
  private final LibraryStore library;
  private final LikedPapers combined;

  /**
   * @param upvotes the reader's upvotes as likes (the community's vote store)
   */
  public ProfileLikes(LibraryStore library, LikedPapers upvotes) {
    this.library = library;
    this.combined = LikedPapers.combined(List.of(library::savedLikes, upvotes));
  }

  @Override
  public List<Like> likesOf(UserId user, int limit) {
    Optional<Instant> reset = library.profileResetAt(user);
    List<Like> all = combined.likesOf(user, limit);
    if (reset.isEmpty()) {
      return all;
    }
    Instant since = reset.get();
    return all.stream().filter(l -> l.at().isAfter(since)).toList();
  }
}
