package dev.paperboy.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.core.account.User;
import dev.paperboy.core.account.UserStore;
import dev.paperboy.core.community.AuditEntry;
import dev.paperboy.core.community.Comment;
import dev.paperboy.core.community.CommentStore;
import dev.paperboy.core.community.ModerationStore;
import dev.paperboy.core.community.SubmissionStore;
import dev.paperboy.core.community.Vote;
import dev.paperboy.core.community.VoteStore;
import dev.paperboy.core.mail.EmailAddress;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.DailyEntry;
import dev.paperboy.core.paper.EntryOrder;
import dev.paperboy.core.paper.EntryQuery;
import dev.paperboy.core.paper.EntrySource;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.paper.PaperStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the community stores must do together with the paper store on one database: votes added to
 * the imported baseline everywhere counts are read, exact under concurrency. Implementations return
 * stores on one new, empty database.
 */
public abstract class CommunityStoreContract {
  protected static final Instant T0 = Instant.parse("2025-06-17T09:00:00Z");
  protected static final LocalDate MON = LocalDate.of(2025, 6, 16);
  protected static final LocalDate TUE = LocalDate.of(2025, 6, 17);
  protected static final ArxivId A = ArxivId.parse("2506.00001");
  protected static final ArxivId B = ArxivId.parse("2506.00002");
  protected static final ArxivId C = ArxivId.parse("2506.00003");
  protected static final ArxivId UNLISTED = ArxivId.parse("2506.00009");

  protected abstract PaperStore papers();

  protected abstract UserStore users();

  protected abstract VoteStore votes();

  protected abstract SubmissionStore submissions();

  protected abstract CommentStore comments();

  protected abstract ModerationStore moderation();

  protected static final ArxivId NEW = ArxivId.parse("2506.00010");

  protected void storeNewPapers(int n) {
    List<Paper> ps = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ps.add(
          Paper.builder(ArxivId.parse(String.format("2506.%05d", 10 + i)), "New " + i)
              .abstractText("About new paper " + i)
              .build());
    }
    papers().upsertPapers(ps);
  }

  protected static DailyEntry submitted(ArxivId id, String by) {
    return new DailyEntry(TUE, id, EntrySource.COMMUNITY, by, 0, T0);
  }

  @BeforeEach
  void someLists() {
    List<Paper> ps = new ArrayList<>();
    for (ArxivId id : List.of(A, B, C, UNLISTED)) {
      ps.add(Paper.builder(id, "Paper " + id).abstractText("About " + id).listingDate(MON).build());
    }
    papers().upsertPapers(ps);
    papers()
        .upsertEntries(
            List.of(
                new DailyEntry(MON, A, EntrySource.HUGGING_FACE, "hf-user", 5, null),
                new DailyEntry(MON, B, EntrySource.HUGGING_FACE, "hf-user", 4, null),
                new DailyEntry(TUE, A, EntrySource.ARXIV, null, 0, null),
                new DailyEntry(TUE, C, EntrySource.ARXIV, null, 0, null)));
  }

  protected User user(String name) {
    return users().findOrCreate(EmailAddress.parse("email", name + "@example.org"), T0);
  }

  @Test
  void localVotesAddToTheBaselineWhereverCountsAreRead() {
    User u1 = user("u1");
    User u2 = user("u2");
    assertThat(votes().upvote(u1.id(), B, T0)).isTrue();
    assertThat(votes().upvote(u1.id(), B, T0)).as("a double click").isFalse();
    assertThat(votes().upvote(u2.id(), B, T0.plusSeconds(1))).isTrue();
    assertThat(votes().localVotes(B)).isEqualTo(2);

    // B (4 + 2) now ranks above A (5) on Monday's list.
    assertThat(papers().entriesOn(MON))
        .extracting(DailyEntry::paperId, DailyEntry::upvotes)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(B, 6), org.assertj.core.groups.Tuple.tuple(A, 5));
    assertThat(papers().entries(EntryQuery.day(MON), EntryOrder.UPVOTES, 0, 10))
        .extracting(DailyEntry::paperId)
        .containsExactly(B, A);
    assertThat(papers().upvotesOf(List.of(A, B, C))).isEqualTo(Map.of(A, 5, B, 6, C, 0));
    // A vote on C lifts it over the minimum of a trending query.
    EntryQuery trending = EntryQuery.between(MON, TUE).withMinUpvotes(1);
    assertThat(papers().countEntries(trending)).isEqualTo(2);
    votes().upvote(u1.id(), C, T0);
    assertThat(papers().countEntries(trending)).isEqualTo(3);
    assertThat(papers().entriesOf(C)).extracting(DailyEntry::upvotes).containsExactly(1);
    // Each of a paper's entries shows the same local votes on top of its own baseline.
    votes().upvote(u2.id(), A, T0);
    assertThat(papers().entriesOf(A)).extracting(DailyEntry::upvotes).containsExactly(6, 1);

    // Re-importing the baseline neither loses nor doubles local votes.
    papers()
        .upsertEntries(
            List.of(new DailyEntry(MON, B, EntrySource.HUGGING_FACE, "hf-user", 4, null)));
    assertThat(papers().upvotesOf(List.of(B))).isEqualTo(Map.of(B, 6));

    assertThat(votes().removeUpvote(u1.id(), B)).isTrue();
    assertThat(votes().removeUpvote(u1.id(), B)).isFalse();
    assertThat(papers().upvotesOf(List.of(B))).isEqualTo(Map.of(B, 5));
    assertThat(votes().upvotedAmong(u2.id(), List.of(A, B, C))).containsExactlyInAnyOrder(A, B);
    assertThat(votes().votesOf(u1.id(), 10)).extracting(Vote::paperId).containsExactly(C);
  }

  @Test
  void aPaperNotOnAnyListCannotBeUpvoted() {
    User u = user("u");
    assertThatThrownBy(() -> votes().upvote(u.id(), UNLISTED, T0))
        .isInstanceOf(NoSuchElementException.class);
    assertThat(votes().localVotes(UNLISTED)).isZero();
  }

  @Test
  void deletingAnAccountTakesItsVotesOffTheTotals() {
    User u1 = user("u1");
    User u2 = user("u2");
    votes().upvote(u1.id(), A, T0);
    votes().upvote(u2.id(), A, T0);
    votes().upvote(u1.id(), B, T0);
    assertThat(users().delete(u1.id())).isTrue();
    assertThat(votes().localVotes(A)).isEqualTo(1);
    assertThat(votes().localVotes(B)).isZero();
    assertThat(papers().upvotesOf(List.of(A, B))).isEqualTo(Map.of(A, 6, B, 4));
  }

  @Test
  void aSubmissionPutsThePaperOnTheListOnceAndCountsTowardsTheCap() {
    storeNewPapers(3);
    User u = user("u");
    Instant dayStart = Instant.parse("2025-06-17T00:00:00Z");
    assertThat(submissions().isListed(NEW)).isFalse();
    assertThat(submissions().submit(u.id(), submitted(NEW, "Ada"), dayStart, 2))
        .isEqualTo(SubmissionStore.Outcome.SUBMITTED);
    assertThat(submissions().isListed(NEW)).isTrue();
    assertThat(papers().entriesOn(TUE))
        .filteredOn(e -> e.paperId().equals(NEW))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.source()).isEqualTo(EntrySource.COMMUNITY);
              assertThat(e.submitter()).isEqualTo("Ada");
              assertThat(e.upvotes()).isZero();
            });
    assertThat(submissions().submit(user("v").id(), submitted(NEW, "Bob"), dayStart, 2))
        .isEqualTo(SubmissionStore.Outcome.ALREADY_LISTED);
    ArxivId second = ArxivId.parse("2506.00011");
    ArxivId third = ArxivId.parse("2506.00012");
    assertThat(submissions().submit(u.id(), submitted(second, "Ada"), dayStart, 2))
        .isEqualTo(SubmissionStore.Outcome.SUBMITTED);
    assertThat(submissions().submit(u.id(), submitted(third, "Ada"), dayStart, 2))
        .isEqualTo(SubmissionStore.Outcome.CAP_REACHED);
    assertThat(submissions().isListed(third)).isFalse();
    assertThat(submissions().countSince(u.id(), dayStart)).isEqualTo(2);
    assertThat(submissions().countSince(u.id(), T0.plusSeconds(1))).isZero();
    assertThat(submissions().submissionsOf(u.id(), 10))
        .extracting(dev.paperboy.core.community.Submission::paperId)
        .containsExactlyInAnyOrder(NEW, second);

    // Deleting the account keeps the papers listed, without the name.
    assertThat(users().delete(u.id())).isTrue();
    assertThat(papers().entriesOf(NEW))
        .singleElement()
        .satisfies(e -> assertThat(e.submitter()).isNull());
  }

  @Test
  void concurrentSubmissionsOfOnePaperMakeOneEntry() throws Exception {
    storeNewPapers(1);
    List<User> people = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      people.add(user("p" + i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(12);
    try {
      List<Future<SubmissionStore.Outcome>> results = new ArrayList<>();
      for (User p : people) {
        results.add(
            pool.submit(
                () -> submissions().submit(p.id(), submitted(NEW, p.displayName()), T0, 5)));
      }
      int winners = 0;
      for (Future<SubmissionStore.Outcome> f : results) {
        winners += f.get() == SubmissionStore.Outcome.SUBMITTED ? 1 : 0;
      }
      assertThat(winners).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(papers().entriesOf(NEW)).hasSize(1);
  }

  @Test
  void commentsThreadOneLevelDeepAndCountOnlyWhatReadersSee() {
    User ada = user("ada");
    User bob = user("bob");
    Comment top = comments().add(ada.id(), A, null, "  **First**  ", T0);
    assertThat(top.body()).isEqualTo("**First**");
    assertThat(top.authorName()).isEqualTo(ada.displayName());
    Comment reply = comments().add(bob.id(), A, top.id(), "A reply", T0.plusSeconds(1));
    assertThat(reply.parentId()).isEqualTo(top.id());
    Comment deeper =
        comments().add(ada.id(), A, reply.id(), "Reply to the reply", T0.plusSeconds(2));
    assertThat(deeper.parentId()).as("attached to the top-level comment").isEqualTo(top.id());
    assertThatThrownBy(() -> comments().add(ada.id(), B, top.id(), "wrong paper", T0))
        .isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(() -> comments().add(ada.id(), B, null, "   ", T0))
        .isInstanceOf(IllegalArgumentException.class);
    Comment other = comments().add(bob.id(), B, null, "On B", T0);
    assertThat(comments().ofPaper(A))
        .extracting(Comment::id)
        .containsExactly(top.id(), reply.id(), deeper.id());
    assertThat(comments().countsOf(List.of(A, B, C))).isEqualTo(Map.of(A, 3, B, 1));

    Comment edited = comments().edit(reply.id(), "A better reply", T0.plusSeconds(9));
    assertThat(edited.body()).isEqualTo("A better reply");
    assertThat(edited.editedAt()).isEqualTo(T0.plusSeconds(9));

    comments().setHidden(other.id(), T0);
    assertThat(comments().countsOf(List.of(B))).isEmpty();
    assertThat(comments().setHidden(other.id(), null).hidden()).isFalse();

    // A top-level comment with replies becomes a tombstone; a reply goes away.
    comments().delete(top.id(), T0.plusSeconds(10));
    Comment tomb = comments().find(top.id()).orElseThrow();
    assertThat(tomb.deleted()).isTrue();
    assertThat(tomb.body()).isEmpty();
    comments().delete(deeper.id(), T0.plusSeconds(11));
    assertThat(comments().find(deeper.id())).isEmpty();
    assertThat(comments().countsOf(List.of(A))).isEqualTo(Map.of(A, 1));
    assertThat(comments().ofUser(bob.id(), 10))
        .extracting(Comment::id)
        .containsExactly(reply.id(), other.id());
  }

  @Test
  void deletingAnAccountLeavesAnonymousTombstonesWhereOthersReplied() {
    User ada = user("ada");
    User bob = user("bob");
    Comment answered = comments().add(ada.id(), A, null, "Answered", T0);
    comments().add(bob.id(), A, answered.id(), "Bob's answer", T0.plusSeconds(1));
    Comment alone = comments().add(ada.id(), A, null, "Alone", T0.plusSeconds(2));
    Comment adaReply = comments().add(ada.id(), A, answered.id(), "Ada again", T0.plusSeconds(3));
    assertThat(users().delete(ada.id())).isTrue();
    Comment tomb = comments().find(answered.id()).orElseThrow();
    assertThat(tomb.deleted()).isTrue();
    assertThat(tomb.body()).isEmpty();
    assertThat(tomb.authorId()).isNull();
    assertThat(tomb.authorName()).isNull();
    assertThat(comments().find(alone.id())).isEmpty();
    assertThat(comments().find(adaReply.id())).isEmpty();
    assertThat(comments().ofPaper(A)).extracting(Comment::body).containsExactly("", "Bob's answer");
  }

  @Test
  void hiddenPapersLeaveEveryListAndComeBack() {
    assertThat(moderation().hidePaper(A, "mod", "spam", T0)).isTrue();
    assertThat(moderation().hidePaper(A, "mod", "again", T0)).isFalse();
    assertThat(papers().entriesOn(MON)).extracting(DailyEntry::paperId).containsExactly(B);
    assertThat(papers().entries(EntryQuery.between(MON, TUE), EntryOrder.UPVOTES, 0, 10))
        .extracting(DailyEntry::paperId)
        .containsExactly(B, C);
    assertThat(papers().countEntries(EntryQuery.between(MON, TUE))).isEqualTo(2);
    assertThat(papers().upvotesOf(List.of(A, B))).containsOnlyKeys(B);
    assertThat(moderation().hiddenAmong(List.of(A, B))).containsExactly(A);
    assertThat(moderation().hiddenPapers())
        .singleElement()
        .satisfies(h -> assertThat(h.reason()).isEqualTo("spam"));
    // Still in the store: its page and search can find it.
    assertThat(papers().findPaper(A)).isPresent();
    assertThat(moderation().unhidePaper(A)).isTrue();
    assertThat(moderation().unhidePaper(A)).isFalse();
    assertThat(papers().entriesOn(MON)).extracting(DailyEntry::paperId).containsExactly(A, B);
  }

  @Test
  void theAuditLogKeepsEveryActionNewestFirst() {
    moderation().record(new AuditEntry(T0, "abc", "Mod", "paper.hide", A.value(), "spam"));
    moderation()
        .record(new AuditEntry(T0.plusSeconds(5), null, "command line", "user.role", "x", "admin"));
    assertThat(moderation().audit(0, 10))
        .extracting(AuditEntry::action)
        .containsExactly("user.role", "paper.hide");
    assertThat(moderation().audit(1, 10))
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).isEqualTo("spam"));
  }

  /**
   * 50 clients upvote and un-upvote the same three papers at once, each with double clicks sent in
   * parallel; every client ends with a known state, so the totals are known exactly.
   */
  @Test
  void fiftyClientsTogglingAtOnceEndWithExactCounts() throws Exception {
    List<User> clients = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      clients.add(user("c" + i));
    }
    List<ArxivId> targets = List.of(A, B, C);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int i = 0; i < clients.size(); i++) {
        User u = clients.get(i);
        long seed = 1000L + i;
        int index = i;
        work.add(
            pool.submit(
                () -> {
                  start.await();
                  Random random = new Random(seed);
                  for (int round = 0; round < 6; round++) {
                    for (ArxivId p : targets) {
                      if (random.nextBoolean()) {
                        votes().upvote(u.id(), p, T0);
                      } else {
                        votes().removeUpvote(u.id(), p);
                      }
                    }
                  }
                  // The final state: upvoted when (client + paper) is not a multiple of 3.
                  for (int j = 0; j < targets.size(); j++) {
                    if ((index + j) % 3 != 0) {
                      votes().upvote(u.id(), targets.get(j), T0);
                      votes().upvote(u.id(), targets.get(j), T0);
                    } else {
                      votes().removeUpvote(u.id(), targets.get(j));
                      votes().removeUpvote(u.id(), targets.get(j));
                    }
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    int[] expected = new int[3];
    for (int i = 0; i < 50; i++) {
      for (int j = 0; j < 3; j++) {
        if ((i + j) % 3 != 0) {
          expected[j]++;
        }
      }
    }
    assertThat(votes().localVotes(A)).isEqualTo(expected[0]);
    assertThat(votes().localVotes(B)).isEqualTo(expected[1]);
    assertThat(votes().localVotes(C)).isEqualTo(expected[2]);
    assertThat(papers().upvotesOf(targets))
        .isEqualTo(Map.of(A, 5 + expected[0], B, 4 + expected[1], C, expected[2]));
  }
}
