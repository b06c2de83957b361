package dev.paperboy.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.DailyEntry;
import dev.paperboy.core.paper.EntrySource;
import dev.paperboy.core.paper.Outcome;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.testing.Papers;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the JDBC store does beyond the port's contract: what it writes, and derived rows. */
class JdbcPaperStoreTest {
  private static final LocalDate MON = LocalDate.of(2025, 6, 16);

  @TempDir Path dir;
  private Database db;
  private JdbcPaperStore store;

  @BeforeEach
  void open() {
    db = Database.sqlite(dir.resolve("paperboy.db"));
    store = new JdbcPaperStore(db);
  }

  @AfterEach
  void close() {
    store.close();
    db.close();
  }

  /** Rows changed so far by the single SQLite writer connection. */
  private long writerChanges() {
    return db.inTransaction(
        conn -> {
          try (PreparedStatement ps = conn.prepareStatement("SELECT total_changes()");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  private List<String> categoryRows(String id) {
    return db.read(
        conn -> {
          try (PreparedStatement ps =
              conn.prepareStatement(
                  "SELECT category, is_primary FROM paper_category WHERE paper_id = ?"
                      + " ORDER BY category")) {
            ps.setString(1, id);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(rs.getString(1) + (rs.getBoolean(2) ? "*" : ""));
              }
            }
            return out;
          }
        });
  }

  @Test
  void aCategorysDaysLeaveOutHiddenPapers() {
    Paper shown = Papers.paper("2503.00001", "Shown");
    Paper hidden = Papers.paper("2503.00002", "Hidden");
    String category = shown.categories().get(0);
    assertThat(hidden.categories()).contains(category);
    store.upsertPapers(List.of(shown, hidden));
    store.upsertEntries(
        List.of(
            new DailyEntry(MON, shown.id(), EntrySource.ARXIV, null, 0, null),
            new DailyEntry(MON.plusDays(1), hidden.id(), EntrySource.ARXIV, null, 0, null),
            new DailyEntry(MON.plusDays(7), hidden.id(), EntrySource.ARXIV, null, 0, null)));
    assertThat(store.latestDayIn(category)).contains(MON.plusDays(7));

    new JdbcModerationStore(db).hidePaper(hidden.id(), "mod", "spam", Instant.now());

    // The category page's window ends on a day it shows, and links to no day without papers.
    assertThat(store.latestDayIn(category)).contains(MON);
    assertThat(store.dayAfterIn(category, MON)).isEmpty();
    assertThat(store.dayBeforeIn(category, MON.plusDays(8))).contains(MON);
  }

  @Test
  void anUnchangedBatchWritesNoRow() {
    List<Paper> papers = List.of(Papers.paper("2503.00001", "A"), Papers.paper("2503.00002", "B"));
    List<DailyEntry> entries =
        papers.stream()
            .map(p -> new DailyEntry(MON, p.id(), EntrySource.ARXIV, null, 0, null))
            .toList();
    store.upsertPapers(papers);
    store.upsertEntries(entries);
    long before = writerChanges();

    assertThat(store.upsertPapers(papers)).containsOnly(Outcome.UNCHANGED);
    assertThat(store.upsertEntries(entries)).containsOnly(Outcome.UNCHANGED);

    assertThat(writerChanges()).isEqualTo(before);
  }

  @Test
  void categoryRowsFollowThePapersCategories() {
    Paper p =
        Paper.builder(ArxivId.parse("2503.00001"), "T")
            .categories(List.of("cs.CL", "cs.LG", "cs.CL"))
            .build();
    store.upsertPapers(List.of(p));
    assertThat(categoryRows("2503.00001")).containsExactly("cs.CL*", "cs.LG");

    Paper moved =
        p.toBuilder().version(2).primaryCategory("cs.AI").categories(List.of("cs.AI")).build();
    assertThat(store.upsertPapers(List.of(moved))).containsExactly(Outcome.UPDATED);
    assertThat(categoryRows("2503.00001")).containsExactly("cs.AI*");
  }

  @Test
  void entryTimesAreKeptToTheMicrosecond() {
    Paper p = Papers.paper("2503.00001", "A");
    store.upsertPapers(List.of(p));
    Instant nanos = Instant.parse("2025-06-16T09:12:33.123456789Z");
    DailyEntry e = new DailyEntry(MON, p.id(), EntrySource.HUGGING_FACE, "akhaliq", 3, nanos);

    assertThat(store.upsertEntries(List.of(e))).containsExactly(Outcome.ADDED);
    assertThat(store.upsertEntries(List.of(e))).containsExactly(Outcome.UNCHANGED);
    assertThat(store.entriesOn(MON).get(0).submittedAt())
        .isEqualTo(Instant.parse("2025-06-16T09:12:33.123456Z"));
  }

  @Test
  void closingAStoreLeavesASharedDatabaseOpen() {
    store.close();
    try (JdbcPaperStore other = new JdbcPaperStore(db)) {
      assertThat(other.stats().papers()).isZero();
    }
    assertThat(store.database()).isSameAs(db);
  }
}
