package dev.paperboy.core.library;

import dev.paperboy.core.account.UserId;
import dev.paperboy.core.paper.ArxivId;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The papers readers marked "not interested", read for many readers at once: what the digest needs
 * to leave a reader's dismissed papers out of every section and to push their neighbours down among
 * the personal picks, for a page of a thousand subscribers in one query. {@link LibraryStore} is
 * one; tests pass a map.
 */
@FunctionalInterface
public interface NotInterestedPapers {

  /** A site without accounts: nobody dismissed anything. */
  NotInterestedPapers NONE = (users, limitEach) -> Map.of();

  /**
   * For each of {@code users} with marks, the papers {@link LibraryStore#notInterestedIn(UserId,
   * int)} gives that user (since their last profile reset, newest first, at most {@code
   * limitEach}); users without marks are left out of the map.
   *
   * @param limitEach 1 or more
   */
  Map<UserId, List<ArxivId>> notInterestedIn(Collection<UserId> users, int limitEach);
}
