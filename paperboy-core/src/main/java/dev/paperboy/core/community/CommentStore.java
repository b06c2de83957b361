package dev.paperboy.core.community;

import dev.paperboy.core.account.UserId;
import dev.paperboy.core.paper.ArxivId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Comments on papers. Who may edit or delete a comment (its author; moderators hide) is decided by
 * the caller; the store keeps the rows consistent: replies one level deep, a deleted comment with
 * replies kept as a tombstone.
 */
public interface CommentStore {

  /**
   * Adds a comment. A reply to a reply is attached to that reply's top-level comment, so threads
   * stay one level deep.
   *
   * @param parentId a comment of the same paper, or null
   * @throws java.util.NoSuchElementException when the parent is not a comment of this paper
   */
  Comment add(UserId author, ArxivId paper, @Nullable String parentId, String body, Instant now);

  Optional<Comment> find(String id);

  /** Replaces the body and marks it edited. */
  Comment edit(String id, String body, Instant now);

  /**
   * Deletes a comment: a top-level comment with replies becomes a tombstone (empty body, deleted
   * time, shown as "[deleted]"); anything else is removed.
   */
  void delete(String id, Instant now);

  /** Hides ({@code at} set) or shows again ({@code at} null) a comment; moderators only. */
  Comment setHidden(String id, @Nullable Instant at);

  /** A paper's comments, oldest first, hidden ones included (the caller decides what to show). */
  List<Comment> ofPaper(ArxivId paper);

  /** Visible comments (not deleted, not hidden) per paper; papers without any are left out. */
  Map<ArxivId, Integer> countsOf(Collection<ArxivId> papers);

  /** The user's comments, newest first, at most {@code limit}, deleted ones left out. */
  List<Comment> ofUser(UserId user, int limit);
}
