package dev.paperboy.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.core.account.User;
import dev.paperboy.core.account.UserId;
import dev.paperboy.core.account.UserStore;
import dev.paperboy.core.library.CollectionItem;
import dev.paperboy.core.library.Follow;
import dev.paperboy.core.library.FollowKind;
import dev.paperboy.core.library.LibraryStore;
import dev.paperboy.core.library.PaperCollection;
import dev.paperboy.core.library.ReadingState;
import dev.paperboy.core.library.SavedPaper;
import dev.paperboy.core.mail.EmailAddress;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.paper.PaperStore;
import dev.paperboy.core.recommend.Like;
import dev.paperboy.core.recommend.LikeKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a {@link LibraryStore} must do, on one database with the paper and user stores.
 * Implementations return stores on one new, empty database per test.
 */
public abstract class LibraryStoreContract {
  protected static final Instant T0 = Instant.parse("2025-06-17T09:00:00Z");
  protected static final ArxivId A = ArxivId.parse("2506.00001");
  protected static final ArxivId B = ArxivId.parse("2506.00002");
  protected static final ArxivId C = ArxivId.parse("2506.00003");
  protected static final ArxivId MISSING = ArxivId.parse("2506.09999");

  protected abstract PaperStore papers();

  protected abstract UserStore users();

  protected abstract LibraryStore library();

  @BeforeEach
  void somePapers() {
    List<Paper> ps = new ArrayList<>();
    for (ArxivId id : List.of(A, B, C)) {
      ps.add(Paper.builder(id, "Paper " + id).abstractText("About " + id).build());
    }
    papers().upsertPapers(ps);
  }

  protected User user(String name) {
    return users().findOrCreate(EmailAddress.parse("email", name + "@example.org"), T0);
  }

  @Test
  void savingIsIdempotentAndKeepsStateAndNote() {
    User u = user("reader");
    LibraryStore lib = library();
    assertThat(lib.save(u.id(), A, T0)).isTrue();
    assertThat(lib.save(u.id(), A, T0.plusSeconds(5))).as("saved twice").isFalse();
    assertThat(lib.save(u.id(), B, T0.plusSeconds(10))).isTrue();
    assertThat(lib.savedPapers(u.id(), null, 0, 10))
        .extracting(SavedPaper::paper)
        .as("newest first")
        .containsExactly(B, A);
    SavedPaper a = lib.updateSaved(u.id(), A, ReadingState.READ, "  the key figure is 3  ");
    assertThat(a.state()).isEqualTo(ReadingState.READ);
    assertThat(a.note()).isEqualTo("the key figure is 3");
    assertThat(lib.updateSaved(u.id(), A, null, null)).isEqualTo(a);
    assertThat(lib.saved(u.id(), A)).contains(a);
    assertThat(lib.countSaved(u.id(), null)).isEqualTo(2);
    assertThat(lib.countSaved(u.id(), ReadingState.READ)).isEqualTo(1);
    assertThat(lib.savedPapers(u.id(), ReadingState.TO_READ, 0, 10))
        .extracting(SavedPaper::paper)
        .containsExactly(B);
    assertThat(lib.savedAmong(u.id(), List.of(A, C))).containsExactly(A);
    assertThat(lib.savedLikes(u.id(), 10))
        .containsExactly(
            new Like(B, LikeKind.SAVE, T0.plusSeconds(10)), new Like(A, LikeKind.SAVE, T0));
    assertThat(lib.unsave(u.id(), A)).isTrue();
    assertThat(lib.unsave(u.id(), A)).isFalse();
    assertThat(lib.saved(u.id(), A)).isEmpty();
    assertThatThrownBy(() -> lib.updateSaved(u.id(), A, ReadingState.READ, null))
        .isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(() -> lib.save(u.id(), MISSING, T0))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("2506.09999");
    // Another reader's library is separate.
    assertThat(lib.savedPapers(user("other").id(), null, 0, 10)).isEmpty();
  }

  @Test
  void collectionsKeepOrderNotesAndPrivacyFlag() {
    User u = user("curator");
    LibraryStore lib = library();
    PaperCollection c = lib.createCollection(u.id(), "  Reading group  ", "Week 1", false, T0);
    assertThat(c.name()).isEqualTo("Reading group");
    assertThat(c.isPublic()).isFalse();
    assertThat(c.size()).isZero();
    assertThat(lib.addToCollection(c.id(), A, "the baseline", T0.plusSeconds(1))).isTrue();
    assertThat(lib.addToCollection(c.id(), B, "", T0.plusSeconds(2))).isTrue();
    assertThat(lib.addToCollection(c.id(), C, "why not", T0.plusSeconds(3))).isTrue();
    assertThat(lib.addToCollection(c.id(), A, "again", T0.plusSeconds(4)))
        .as("a paper already there")
        .isFalse();
    assertThat(lib.items(c.id()))
        .extracting(CollectionItem::paper, CollectionItem::position, CollectionItem::note)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(A, 0, "the baseline"),
            org.assertj.core.groups.Tuple.tuple(B, 1, ""),
            org.assertj.core.groups.Tuple.tuple(C, 2, "why not"));
    lib.moveItem(c.id(), C, 0, T0.plusSeconds(5));
    assertThat(lib.items(c.id())).extracting(CollectionItem::paper).containsExactly(C, A, B);
    lib.moveItem(c.id(), C, 99, T0.plusSeconds(6));
    assertThat(lib.items(c.id())).extracting(CollectionItem::paper).containsExactly(A, B, C);
    lib.setItemNote(c.id(), B, "read section 4", T0.plusSeconds(7));
    assertThat(lib.removeFromCollection(c.id(), A)).isTrue();
    assertThat(lib.removeFromCollection(c.id(), A)).isFalse();
    assertThat(lib.items(c.id()))
        .extracting(CollectionItem::paper, CollectionItem::position, CollectionItem::note)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(B, 0, "read section 4"),
            org.assertj.core.groups.Tuple.tuple(C, 1, "why not"));
    assertThat(lib.collectionsHolding(u.id(), B)).containsExactly(c.id());
    assertThat(lib.collectionsHolding(u.id(), A)).isEmpty();

    PaperCollection shared = lib.updateCollection(c.id(), "Group", "", true, T0.plusSeconds(8));
    assertThat(shared.isPublic()).isTrue();
    assertThat(shared.name()).isEqualTo("Group");
    assertThat(shared.size()).isEqualTo(2);
    assertThat(lib.collection(c.id())).contains(shared);
    PaperCollection second = lib.createCollection(u.id(), "Later", "", false, T0.plusSeconds(9));
    assertThat(second.id()).isNotEqualTo(c.id());
    assertThat(lib.collectionsOf(u.id()))
        .extracting(PaperCollection::id)
        .as("most recently changed first")
        .containsExactly(second.id(), c.id());
    assertThat(lib.collectionsOf(user("someone").id())).isEmpty();

    assertThatThrownBy(() -> lib.addToCollection(c.id(), MISSING, "", T0))
        .isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(() -> lib.addToCollection("NOSUCHCOLLECTN", A, "", T0))
        .isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(() -> lib.moveItem(c.id(), A, 0, T0))
        .isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(() -> lib.createCollection(u.id(), "  ", "", false, T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name");

    assertThat(lib.deleteCollection(c.id())).isTrue();
    assertThat(lib.deleteCollection(c.id())).isFalse();
    assertThat(lib.collection(c.id())).isEmpty();
    assertThat(lib.items(c.id())).isEmpty();
  }

  @Test
  void followsAreIdempotentAndSorted() {
    User u = user("fan");
    LibraryStore lib = library();
    assertThat(lib.follow(u.id(), FollowKind.CATEGORY, "cs.CL", "cs.CL", T0)).isTrue();
    assertThat(lib.follow(u.id(), FollowKind.AUTHOR, "yann lecun", "Yann LeCun", T0)).isTrue();
    assertThat(lib.follow(u.id(), FollowKind.AUTHOR, "yann lecun", "yann  lecun", T0)).isFalse();
    assertThat(lib.follow(u.id(), FollowKind.AUTHOR, "ada lovelace", "Ada Lovelace", T0)).isTrue();
    assertThat(lib.follows(u.id()))
        .extracting(Follow::kind, Follow::label)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(FollowKind.AUTHOR, "Ada Lovelace"),
            org.assertj.core.groups.Tuple.tuple(FollowKind.AUTHOR, "Yann LeCun"),
            org.assertj.core.groups.Tuple.tuple(FollowKind.CATEGORY, "cs.CL"));
    assertThat(lib.unfollow(u.id(), FollowKind.AUTHOR, "yann lecun")).isTrue();
    assertThat(lib.unfollow(u.id(), FollowKind.AUTHOR, "yann lecun")).isFalse();
    assertThat(lib.follows(u.id())).hasSize(2);
  }

  @Test
  void resetForgetsNotInterestedMarksAndRecordsWhen() {
    User u = user("picky");
    LibraryStore lib = library();
    assertThat(lib.profileResetAt(u.id())).isEmpty();
    assertThat(lib.notInterested(u.id(), A, T0)).isTrue();
    assertThat(lib.notInterested(u.id(), A, T0)).isFalse();
    assertThat(lib.notInterested(u.id(), B, T0.plusSeconds(1))).isTrue();
    assertThat(lib.notInterestedIn(u.id(), 10)).containsExactly(B, A);
    lib.save(u.id(), C, T0);
    lib.resetProfile(u.id(), T0.plusSeconds(60));
    assertThat(lib.notInterestedIn(u.id(), 10)).isEmpty();
    assertThat(lib.profileResetAt(u.id())).isEqualTo(Optional.of(T0.plusSeconds(60)));
    lib.resetProfile(u.id(), T0.plusSeconds(120));
    assertThat(lib.profileResetAt(u.id())).contains(T0.plusSeconds(120));
    assertThat(lib.saved(u.id(), C)).as("a reset keeps the saved papers").isPresent();
  }

  /**
   * The digest reads the marks of a page of subscribers at once: the same lists as per user (after
   * a reset, none), for more users than one SQL {@code IN} list takes (600: stores chunk them).
   */
  @Test
  void notInterestedMarksOfManyUsersAtOnceAreThoseOfEach() {
    User one = user("one");
    User two = user("two");
    User reset = user("reset");
    User none = user("none");
    LibraryStore lib = library();
    lib.notInterested(one.id(), A, T0);
    lib.notInterested(one.id(), B, T0.plusSeconds(1));
    lib.notInterested(one.id(), C, T0.plusSeconds(2));
    // Same time: by paper id, as notInterestedIn(user, limit) orders them.
    lib.notInterested(two.id(), C, T0);
    lib.notInterested(two.id(), A, T0);
    lib.notInterested(reset.id(), B, T0);
    lib.resetProfile(reset.id(), T0.plusSeconds(5));
    List<UserId> users = new ArrayList<>();
    users.add(one.id());
    for (int i = 0; i < 600; i++) {
      users.add(i == 550 ? two.id() : UserId.random());
    }
    users.add(reset.id());
    users.add(none.id());
    users.add(one.id()); // twice: counted once

    Map<UserId, List<ArxivId>> marks = lib.notInterestedIn(users, 2);
    assertThat(marks).containsOnlyKeys(one.id(), two.id());
    assertThat(marks.get(one.id())).as("the newest 2").containsExactly(C, B);
    assertThat(marks.get(two.id())).containsExactly(A, C);
    for (User u : List.of(one, two)) {
      assertThat(marks.get(u.id())).isEqualTo(lib.notInterestedIn(u.id(), 2));
    }
    assertThat(lib.notInterestedIn(users, 10).get(one.id())).containsExactly(C, B, A);
    assertThat(lib.notInterestedIn(List.of(), 10)).isEmpty();
  }

  @Test
  void deletingTheAccountDeletesTheLibrary() {
    User u = user("leaving");
    LibraryStore lib = library();
    lib.save(u.id(), A, T0);
    PaperCollection c = lib.createCollection(u.id(), "Mine", "", true, T0);
    lib.addToCollection(c.id(), A, "", T0);
    lib.follow(u.id(), FollowKind.CATEGORY, "cs.LG", "cs.LG", T0);
    lib.notInterested(u.id(), B, T0);
    users().delete(u.id());
    assertThat(lib.savedPapers(u.id(), null, 0, 10)).isEmpty();
    assertThat(lib.collection(c.id())).isEmpty();
    assertThat(lib.follows(u.id())).isEmpty();
    assertThat(lib.notInterestedIn(u.id(), 10)).isEmpty();
  }
}
