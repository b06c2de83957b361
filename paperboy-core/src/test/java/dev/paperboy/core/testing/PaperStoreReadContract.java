package dev.paperboy.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.DailyEntry;
import dev.paperboy.core.paper.DayCount;
import dev.paperboy.core.paper.EntryOrder;
import dev.paperboy.core.paper.EntryQuery;
import dev.paperboy.core.paper.EntrySource;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.paper.PaperStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of the read queries the web pages use ({@link PaperStore#entries}, {@link
 * PaperStore#countEntries}, {@link PaperStore#dayCounts}). Every store runs it: extend this class
 * and return a fresh, empty store from {@link #newStore()}. To be folded into the store contract
 * suite.
 */
public abstract class PaperStoreReadContract {
  // Monday 2025-06-16 .. Friday 2025-06-20, and the next Monday.
  protected static final LocalDate MON = LocalDate.of(2025, 6, 16);
  protected static final LocalDate TUE = MON.plusDays(1);
  protected static final LocalDate WED = MON.plusDays(2);
  protected static final LocalDate NEXT_MON = MON.plusDays(7);

  protected PaperStore store;

  /** A new, empty store. */
  protected abstract PaperStore newStore();

  @BeforeEach
  void fill() {
    store = newStore();
    store.upsertPapers(
        List.of(
            paper("2506.00001", "cs.CL", "cs.LG"),
            paper("2506.00002", "cs.CV"),
            paper("2506.00003", "cs.LG", "cs.CL"),
            paper("2506.00004", "cs.CL"),
            paper("2506.00005", "cs.CV", "cs.AI"),
            paper("2506.00006", "cs.AI")));
    store.upsertEntries(
        List.of(
            entry(MON, "2506.00001", 5),
            entry(MON, "2506.00002", 9),
            entry(MON, "2506.00003", 0),
            // 00001 again on Tuesday with more votes: that entry stands for it in the week.
            entry(TUE, "2506.00001", 12),
            entry(TUE, "2506.00004", 9),
            entry(WED, "2506.00005", 1),
            // 00002 again on Wednesday with fewer votes: Monday's entry stands for it.
            entry(WED, "2506.00002", 3),
            entry(NEXT_MON, "2506.00006", 50)));
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void weekListsEachPaperOnceByItsBestEntryMostUpvotedFirst() {
    List<DailyEntry> week =
        store.entries(EntryQuery.between(MON, MON.plusDays(6)), EntryOrder.UPVOTES, 0, 100);
    assertThat(week)
        .extracting(e -> e.paperId().value() + "@" + e.day() + ":" + e.upvotes())
        .containsExactly(
            "2506.00001@2025-06-17:12",
            // 9 votes each: the later day first.
            "2506.00004@2025-06-17:9",
            "2506.00002@2025-06-16:9",
            "2506.00005@2025-06-18:1",
            "2506.00003@2025-06-16:0");
    assertThat(store.countEntries(EntryQuery.between(MON, MON.plusDays(6)))).isEqualTo(5);
  }

  @Test
  void newestOrderPutsLaterDaysFirst() {
    List<DailyEntry> week = store.entries(EntryQuery.between(MON, WED), EntryOrder.NEWEST, 0, 100);
    assertThat(week)
        .extracting(e -> e.paperId().value())
        .containsExactly("2506.00005", "2506.00001", "2506.00004", "2506.00002", "2506.00003");
  }

  @Test
  void oneDayIsTheDaysListInUpvoteOrder() {
    assertThat(store.entries(EntryQuery.day(MON), EntryOrder.UPVOTES, 0, 10))
        .extracting(e -> e.paperId().value())
        .containsExactly("2506.00002", "2506.00001", "2506.00003");
    assertThat(store.countEntries(EntryQuery.day(MON))).isEqualTo(3);
    assertThat(store.entries(EntryQuery.day(MON.plusDays(5)), EntryOrder.UPVOTES, 0, 10)).isEmpty();
  }

  @Test
  void pagesAreStableAndCoverTheListOnce() {
    EntryQuery all = EntryQuery.between(MON, NEXT_MON);
    List<DailyEntry> whole = store.entries(all, EntryOrder.UPVOTES, 0, 100);
    List<DailyEntry> paged = new ArrayList<>();
    for (int offset = 0; offset < 10; offset += 2) {
      paged.addAll(store.entries(all, EntryOrder.UPVOTES, offset, 2));
    }
    assertThat(paged).isEqualTo(whole);
    assertThat(whole).hasSize(6);
    assertThat(store.entries(all, EntryOrder.UPVOTES, 6, 2)).isEmpty();
  }

  @Test
  void filtersByCategoryIncludingCrossLists() {
    EntryQuery clWeek = EntryQuery.between(MON, NEXT_MON).withCategory("cs.CL");
    assertThat(store.entries(clWeek, EntryOrder.UPVOTES, 0, 100))
        .extracting(e -> e.paperId().value())
        .containsExactly("2506.00001", "2506.00004", "2506.00003");
    assertThat(store.countEntries(clWeek)).isEqualTo(3);
    EntryQuery ai = EntryQuery.between(MON, NEXT_MON).withCategory("cs.AI");
    assertThat(store.entries(ai, EntryOrder.UPVOTES, 0, 100))
        .extracting(e -> e.paperId().value())
        .containsExactly("2506.00006", "2506.00005");
    assertThat(store.countEntries(EntryQuery.between(MON, NEXT_MON).withCategory("math.AG")))
        .isZero();
  }

  @Test
  void filtersByMinimumUpvotes() {
    EntryQuery upvoted = EntryQuery.between(MON, WED).withMinUpvotes(5);
    assertThat(store.entries(upvoted, EntryOrder.UPVOTES, 0, 100))
        .extracting(e -> e.paperId().value())
        .containsExactly("2506.00001", "2506.00004", "2506.00002");
    assertThat(store.countEntries(upvoted)).isEqualTo(3);
  }

  @Test
  void rangeEndsAreIncluded() {
    assertThat(store.entries(EntryQuery.between(TUE, WED), EntryOrder.UPVOTES, 0, 100))
        .extracting(e -> e.paperId().value())
        .containsExactly("2506.00001", "2506.00004", "2506.00002", "2506.00005");
  }

  @Test
  void countsEntriesPerDayLeavingOutEmptyDays() {
    assertThat(store.dayCounts(MON.minusDays(3), NEXT_MON))
        .containsExactly(
            new DayCount(MON, 3),
            new DayCount(TUE, 2),
            new DayCount(WED, 2),
            new DayCount(NEXT_MON, 1));
    assertThat(store.dayCounts(MON.plusDays(3), MON.plusDays(6))).isEmpty();
  }

  @Test
  void upvotesOfAPaperAreItsBestEntrysInOneCall() {
    assertThat(
            store.upvotesOf(
                List.of(
                    ArxivId.parse("2506.00001"),
                    ArxivId.parse("2506.00002"),
                    ArxivId.parse("2506.00003"),
                    ArxivId.parse("2507.00001"))))
        .containsExactlyInAnyOrderEntriesOf(
            java.util.Map.of(
                ArxivId.parse("2506.00001"), 12,
                ArxivId.parse("2506.00002"), 9,
                ArxivId.parse("2506.00003"), 0));
    assertThat(store.upvotesOf(List.of())).isEmpty();
  }

  @Test
  void rejectsBadPages() {
    EntryQuery q = EntryQuery.day(MON);
    assertThatThrownBy(() -> store.entries(q, EntryOrder.UPVOTES, -1, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("offset");
    assertThatThrownBy(() -> store.entries(q, EntryOrder.UPVOTES, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit");
  }

  @Test
  void emptyStoreHasNoEntries() {
    try (PaperStore empty = newStore()) {
      assertThat(empty.entries(EntryQuery.between(MON, NEXT_MON), EntryOrder.UPVOTES, 0, 10))
          .isEmpty();
      assertThat(empty.countEntries(EntryQuery.between(MON, NEXT_MON))).isZero();
      assertThat(empty.dayCounts(MON, NEXT_MON)).isEmpty();
    }
  }

  protected static Paper paper(String id, String... categories) {
    return Paper.builder(ArxivId.parse(id), "Paper " + id)
        .abstractText("About " + id + ".")
        .authors(List.of("Ada Lovelace"))
        .categories(List.of(categories))
        .listingDate(MON)
        .build();
  }

  protected static DailyEntry entry(LocalDate day, String id, int upvotes) {
    return new DailyEntry(
        day, ArxivId.parse(id), EntrySource.HUGGING_FACE, "someone", upvotes, null);
  }
}
