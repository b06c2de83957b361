package dev.paperboy.core.community;

import dev.paperboy.core.account.UserId;
import dev.paperboy.core.paper.ArxivId;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Upvotes cast on this Paperboy, one per user and paper. The store adds them to the imported
 * baseline wherever it reads counts ({@code PaperStore} lists, their order and {@code upvotesOf}).
 *
 * <p>Both writes are idempotent and safe under concurrency: any interleaving of upvotes and
 * removals by any number of clients leaves exactly one vote or none per user and paper, and the
 * total equals the number of votes.
 */
public interface VoteStore {

  /**
   * Adds the user's upvote.
   *
   * @return true if it was added, false if the user had already upvoted the paper
   * @throws java.util.NoSuchElementException when the paper is not on any list
   */
  boolean upvote(UserId user, ArxivId paper, Instant now);

  /**
   * Removes the user's upvote.
   *
   * @return true if it was removed, false if there was none
   */
  boolean removeUpvote(UserId user, ArxivId paper);

  /** Which of {@code papers} the user has upvoted. */
  Set<ArxivId> upvotedAmong(UserId user, Collection<ArxivId> papers);

  /** The user's upvotes, newest first, at most {@code limit}. */
  List<Vote> votesOf(UserId user, int limit);

  /**
   * The upvotes of many users, each user's as {@link #votesOf(UserId, int)} gives them; users
   * without any are left out. The default asks per user; stores override it with a query per chunk
   * of users (the digest reads the likes of a page of a thousand subscribers at once).
   */
  default Map<UserId, List<Vote>> votesOf(Collection<UserId> users, int limitEach) {
    Map<UserId, List<Vote>> out = new HashMap<>();
    for (UserId u : users) {
      List<Vote> votes = votesOf(u, limitEach);
      if (!votes.isEmpty()) {
        out.put(u, votes);
      }
    }
    return out;
  }

  /** Upvotes cast here on {@code paper} (without the imported baseline). */
  int localVotes(ArxivId paper);
}
