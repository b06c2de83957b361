package dev.paperboy.core.library;

import dev.paperboy.core.account.UserId;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.recommend.Like;
import dev.paperboy.core.recommend.LikeKind;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Where readers' libraries are kept: saved papers, collections, follows and recommendation
 * feedback. Every write is idempotent (saving a saved paper, following a followed author or adding
 * a paper a collection holds changes nothing) and deleting an account deletes its library.
 */
public interface LibraryStore extends NotInterestedPapers {

  // ---- saved papers ----

  /**
   * Saves {@code paper} (state to-read, no note); true when it was not saved before.
   *
   * @throws java.util.NoSuchElementException when the store has no such paper
   */
  boolean save(UserId user, ArxivId paper, Instant now);

  /** Takes {@code paper} out of the saved list; true when it was there. */
  boolean unsave(UserId user, ArxivId paper);

  /**
   * Changes the reading state and/or the note of a saved paper (null: leave as is).
   *
   * @throws java.util.NoSuchElementException when the paper is not saved
   */
  SavedPaper updateSaved(
      UserId user, ArxivId paper, @Nullable ReadingState state, @Nullable String note);

  Optional<SavedPaper> saved(UserId user, ArxivId paper);

  /** The user's saved papers, newest first, optionally only those in {@code state}. */
  List<SavedPaper> savedPapers(UserId user, @Nullable ReadingState state, int offset, int limit);

  int countSaved(UserId user, @Nullable ReadingState state);

  /** Which of {@code papers} the user saved (one query for a page of cards). */
  Set<ArxivId> savedAmong(UserId user, Collection<ArxivId> papers);

  /** Saved papers as likes for recommendations, newest first, at most {@code limit}. */
  default List<Like> savedLikes(UserId user, int limit) {
    return savedPapers(user, null, 0, limit).stream()
        .map(s -> new Like(s.paper(), LikeKind.SAVE, s.savedAt()))
        .toList();
  }

  /**
   * The saved papers of many users as likes, each user's as {@link #savedLikes(UserId, int)} gives
   * them; users with none are left out. The default asks per user; stores override it with a query
   * per chunk of users (the digest reads the likes of a page of a thousand subscribers at once).
   */
  default Map<UserId, List<Like>> savedLikes(Collection<UserId> users, int limitEach) {
    Map<UserId, List<Like>> out = new HashMap<>();
    for (UserId u : users) {
      List<Like> likes = savedLikes(u, limitEach);
      if (!likes.isEmpty()) {
        out.put(u, likes);
      }
    }
    return out;
  }

  // ---- collections ----

  /** A new collection with a fresh random id. */
  PaperCollection createCollection(
      UserId owner, String name, String description, boolean isPublic, Instant now);

  Optional<PaperCollection> collection(String id);

  /** The owner's collections, most recently changed first. */
  List<PaperCollection> collectionsOf(UserId owner);

  /**
   * Renames, redescribes, publishes or unpublishes a collection.
   *
   * @throws java.util.NoSuchElementException when there is no such collection
   */
  PaperCollection updateCollection(
      String id, String name, String description, boolean isPublic, Instant now);

  /** Deletes a collection and its items; true when it existed. */
  boolean deleteCollection(String id);

  /**
   * Appends {@code paper} to a collection with {@code note}; true when it was not in it (a paper
   * already there keeps its place and note).
   *
   * @throws java.util.NoSuchElementException when the collection or the paper does not exist
   */
  boolean addToCollection(String id, ArxivId paper, String note, Instant now);

  /** Takes {@code paper} out of a collection (later papers move up); true when it was there. */
  boolean removeFromCollection(String id, ArxivId paper);

  /**
   * Changes the note of a paper in a collection.
   *
   * @throws java.util.NoSuchElementException when the paper is not in the collection
   */
  void setItemNote(String id, ArxivId paper, String note, Instant now);

  /**
   * Moves {@code paper} to {@code position} (0-based, clamped to the collection's size); the others
   * keep their relative order.
   *
   * @throws java.util.NoSuchElementException when the paper is not in the collection
   */
  void moveItem(String id, ArxivId paper, int position, Instant now);

  /** The papers of a collection in order. */
  List<CollectionItem> items(String id);

  /** The ids of the owner's collections that hold {@code paper}. */
  Set<String> collectionsHolding(UserId owner, ArxivId paper);

  // ---- follows ----

  /** Follows an author (by {@link AuthorNames#key}) or a category; true when new. */
  boolean follow(UserId user, FollowKind kind, String key, String label, Instant now);

  boolean unfollow(UserId user, FollowKind kind, String key);

  /** What the user follows, authors first, then categories, each by label. */
  List<Follow> follows(UserId user);

  // ---- recommendation feedback ----

  /** Records that the user does not want {@code paper} recommended; true when new. */
  boolean notInterested(UserId user, ArxivId paper, Instant now);

  /** The papers the user said "not interested" to since their last reset, newest first. */
  List<ArxivId> notInterestedIn(UserId user, int limit);

  /**
   * {@inheritDoc}
   *
   * <p>The default asks {@link #notInterestedIn(UserId, int)} per user; stores override it with a
   * query per chunk of users (the digest reads a page of a thousand subscribers at a time).
   */
  @Override
  default Map<UserId, List<ArxivId>> notInterestedIn(Collection<UserId> users, int limitEach) {
    Map<UserId, List<ArxivId>> out = new HashMap<>();
    for (UserId u : users) {
      List<ArxivId> marks = notInterestedIn(u, limitEach);
      if (!marks.isEmpty()) {
        out.put(u, marks);
      }
    }
    return out;
  }

  /**
   * Forgets what recommendations learned about the user: the "not interested" marks go, and likes
   * (saves, upvotes) from before {@code now} stop counting for recommendations. The saved papers
   * and upvotes themselves stay.
   */
  void resetProfile(UserId user, Instant now);

  /** When the user last reset their profile. */
  Optional<Instant> profileResetAt(UserId user);

  /**
   * When each of {@code users} last reset their profile; users who never did are left out. The
   * default asks per user; stores override it with a query per chunk of users.
   */
  default Map<UserId, Instant> profileResetAt(Collection<UserId> users) {
    Map<UserId, Instant> out = new HashMap<>();
    for (UserId u : users) {
      profileResetAt(u).ifPresent(at -> out.put(u, at));
    }
    return out;
  }
}
