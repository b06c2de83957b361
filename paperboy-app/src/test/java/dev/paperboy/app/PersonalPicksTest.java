package dev.paperboy.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.app.config.Config;
import dev.paperboy.core.account.User;
import dev.paperboy.core.digest.Cadence;
import dev.paperboy.core.digest.DigestItem;
import dev.paperboy.core.digest.DigestPreferences;
import dev.paperboy.core.digest.Edition;
import dev.paperboy.core.digest.EditionBuilder;
import dev.paperboy.core.digest.Recipient;
import dev.paperboy.core.digest.Section;
import dev.paperboy.core.digest.Subscription;
import dev.paperboy.core.embed.DocumentText;
import dev.paperboy.core.embed.StoredVector;
import dev.paperboy.core.library.ForYou;
import dev.paperboy.core.library.LibraryStore;
import dev.paperboy.core.mail.EmailAddress;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.DailyEntry;
import dev.paperboy.core.paper.EntrySource;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.testing.ConceptEmbedder;
import dev.paperboy.search.embed.ModelSpec;
import dev.paperboy.store.JdbcVoteStore;
import dev.paperboy.web.Library;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "For you" and the digest's personal picks are one ranking (issue 9): built by {@link
 * AppContext#personalPicks()}, for the same account, likes and new papers they pick the same papers
 * in the same order, for the same reasons, whichever model {@code digest.picks.model} names.
 */
class PersonalPicksTest {
  static final LocalDate TUE = LocalDate.of(2026, 3, 3);

  @TempDir Path dir;

  /**
   * Titles of one day's papers: two liked, the rest candidates near one, both or neither of them.
   */
  static final String[][] PAPERS = {
    {"2603.00001", "Retrieval augmented generation for open domain question answering"},
    {"2603.00002", "Graph neural networks for molecular property prediction"},
    {"2603.00003", "Long context retrieval augmented generation benchmarks"},
    {"2603.00004", "Dense passage retrieval for question answering over documents"},
    {"2603.00005", "Retrieval augmented generation with knowledge graphs"},
    {"2603.00006", "Message passing graph neural networks for protein structure"},
    {"2603.00007", "Equivariant graph networks for molecular dynamics"},
    {"2603.00008", "Molecular property prediction with pretrained transformers"},
    {"2603.00009", "Open domain question answering with sparse retrieval"},
    {"2603.00010", "Video diffusion models with temporal attention"},
    {"2603.00011", "Self supervised image segmentation for medical scans"},
    {"2603.00012", "Train timetable optimisation for european railways"},
    {"2603.00013", "Generation of answers by large language models with retrieval"},
    {"2603.00014", "Graph neural networks for traffic forecasting"},
    // Near both liked papers at once: the mean of the likes ranks these higher than nearest-liked.
    {"2603.00015", "Retrieval augmented molecular property prediction"},
    {"2603.00016", "Graph neural networks for open domain question answering"},
  };

  static final ArxivId SAVED = ArxivId.parse("2603.00001");
  static final ArxivId UPVOTED = ArxivId.parse("2603.00002");

  AppContext open(Map<String, String> extra) {
    return open(dir, extra);
  }

  static AppContext open(Path dir, Map<String, String> extra) {
    Map<String, String> s = new HashMap<>();
    s.put("search.semantic", "false");
    s.put("server.base.url", "https://papers.example");
    s.put("mail.from", "digest@papers.example");
    s.put("digest.picks.count", "8");
    s.putAll(extra);
    AppContext app = AppContext.open(Config.load(dir, null, Map.of(), s));
    List<Paper> ps = new ArrayList<>();
    List<DailyEntry> es = new ArrayList<>();
    for (String[] r : PAPERS) {
      Paper p =
          Paper.builder(ArxivId.parse(r[0]), r[1])
              .abstractText("We study " + r[1].toLowerCase(java.util.Locale.ROOT) + ".")
              .authors(List.of("Ada Lovelace"))
              .categories(List.of("cs.LG"))
              .listingDate(TUE)
              .build();
      ps.add(p);
      es.add(new DailyEntry(TUE, p.id(), EntrySource.ARXIV, null, 1, null));
    }
    app.store().upsertPapers(ps);
    app.store().upsertEntries(es);
    return app;
  }

  /** An account that saved one paper and upvoted another, subscribed to the digest. */
  static Recipient hal(AppContext app) {
    Instant now = app.clock().instant();
    EmailAddress email = EmailAddress.parse("e", "hal@example.org");
    User hal = app.users().findOrCreate(email, now);
    Library library = app.library();
    assertThat(library).isNotNull();
    library.store().save(hal.id(), SAVED, now.minusSeconds(60));
    new JdbcVoteStore(app.database()).upvote(hal.id(), UPVOTED, now.minusSeconds(30));
    Subscription sub = app.subscriptions().findOrCreate(email, hal.id(), now);
    return new Recipient(
        sub.id(), email, DigestPreferences.defaults(), hal.id(), List.of(), Set.of());
  }

  /** The picks section of the recipient's daily digest of Tuesday, composed as a build would. */
  static List<DigestItem> digestPicks(AppContext app, Recipient r) {
    Edition edition =
        app.editionPlanner().edition(Cadence.DAILY, TUE, app.clock().instant()).orElseThrow();
    EditionBuilder builder = app.editionBuilder();
    return builder.composeFor(edition, r, builder.inputs(edition)).items().stream()
        .filter(i -> i.section() == Section.PICKS)
        .toList();
  }

  /** For you's picks from likes (no follows here), at most {@code n}. */
  static List<ForYou.Item> forYou(AppContext app, Recipient r, int n) {
    return app.library().forYou().forUser(r.user(), n);
  }

  static void assertSameRanking(List<DigestItem> digest, List<ForYou.Item> forYou) {
    assertThat(digest).as("the digest has picks to compare").hasSizeGreaterThanOrEqualTo(3);
    assertThat(forYou.stream().map(ForYou.Item::paper).toList())
        .as("For you ranks the digest's candidates as the digest does")
        .isEqualTo(digest.stream().map(DigestItem::paper).toList());
    for (int i = 0; i < digest.size(); i++) {
      // Same liked paper behind each pick: "similar to X you saved/upvoted" in both.
      assertThat(forYou.get(i).reason())
          .as("reason of " + forYou.get(i).paper())
          .contains(digest.get(i).reason().detail())
          .endsWith("you " + digest.get(i).reason().verb());
    }
  }

  /**
   * The default model (TF-IDF of the words) on an install that never computed an embedding: For you
   * still picks, and exactly what the digest picks.
   */
  @Test
  void forYouAndTheDigestPickAlikeWithTfIdfAndNoEmbeddings() {
    try (AppContext app = open(Map.of())) {
      assertThat(app.config().digest().model()).isEqualTo("tfidf");
      assertThat(app.personalPicks().needsEmbeddings()).isFalse();
      Recipient r = hal(app);
      List<DigestItem> digest = digestPicks(app, r);
      List<ForYou.Item> forYou = forYou(app, r, digest.size());
      assertThat(app.embeddingStore().countVectors(ModelSpec.BGE_SMALL_EN_V15_Q.name())).isZero();
      assertSameRanking(digest, forYou);
      assertThat(digest.stream().map(DigestItem::paper))
          .as("both liked papers lead to picks")
          .contains(ArxivId.parse("2603.00003"), ArxivId.parse("2603.00007"))
          .doesNotContain(SAVED, UPVOTED, ArxivId.parse("2603.00012"));
    }
  }

  /** With {@code digest.picks.model=centroid} both compare the stored embeddings instead. */
  @Test
  void forYouAndTheDigestPickAlikeOnStoredEmbeddings() {
    try (AppContext app =
        open(Map.of("digest.picks.model", "centroid", "digest.picks.min.similarity", "0.0"))) {
      assertThat(app.personalPicks().needsEmbeddings()).isTrue();
      List<Paper> papers = app.store().papersAfter(null, 100);
      List<String> texts = papers.stream().map(DocumentText::of).toList();
      List<float[]> vs = new ConceptEmbedder().embedDocuments(texts);
      List<StoredVector> stored = new ArrayList<>();
      for (int i = 0; i < papers.size(); i++) {
        stored.add(
            new StoredVector(
                papers.get(i).id(),
                ModelSpec.BGE_SMALL_EN_V15_Q.name(),
                DocumentText.hash(texts.get(i)),
                vs.get(i)));
      }
      app.embeddingStore().putVectors(stored);
      Recipient r = hal(app);
      List<DigestItem> digest = digestPicks(app, r);
      assertSameRanking(digest, forYou(app, r, digest.size()));
    }
  }

  /** A profile reset is felt in both: with no likes since, neither picks anything from likes. */
  @Test
  void aProfileResetEmptiesBoth() {
    try (AppContext app = open(Map.of())) {
      Recipient r = hal(app);
      assertThat(digestPicks(app, r)).isNotEmpty();
      LibraryStore store = app.library().store();
      store.resetProfile(r.user(), app.clock().instant());
      assertThat(digestPicks(app, r)).isEmpty();
      assertThat(forYou(app, r, 10)).isEmpty();
    }
  }

  /** The paper dismissed below, and its nearest neighbour among the candidates (same words). */
  static final ArxivId DISMISSED = ArxivId.parse("2603.00003");

  static final ArxivId NEIGHBOUR = ArxivId.parse("2603.00005");

  static List<ArxivId> ids(List<DigestItem> items) {
    return items.stream().map(DigestItem::paper).toList();
  }

  /** The whole digest (every section) of a recipient who wants only {@code sections}. */
  static List<DigestItem> digest(AppContext app, Recipient r, Set<Section> sections) {
    Edition edition =
        app.editionPlanner().edition(Cadence.DAILY, TUE, app.clock().instant()).orElseThrow();
    Recipient only =
        new Recipient(
            r.id(),
            r.email(),
            r.preferences().withContent(java.util.EnumSet.copyOf(sections)),
            r.user(),
            r.alerts(),
            r.recent());
    EditionBuilder builder = app.editionBuilder();
    return builder.composeFor(edition, only, builder.inputs(edition)).items();
  }

  /**
   * "Not interested" in a paper: For you and the digest both drop it and push its neighbours down
   * by {@code library.notinterested.weight}, and still rank alike. With weight 0 the neighbour
   * keeps its place (only the paper goes); with the default 0.5 it falls below papers it was above.
   */
  @Test
  void aDismissedPaperReshapesForYouAndTheDigestPicksAlike() {
    Map<String, List<ArxivId>> after = new HashMap<>();
    for (String weight : List.of("0", "0.5")) {
      try (AppContext app =
          open(
              dir.resolve("weight-" + weight),
              Map.of("library.notinterested.weight", weight, "digest.picks.count", "12"))) {
        Recipient r = hal(app);
        List<DigestItem> before = digestPicks(app, r);
        assertSameRanking(before, forYou(app, r, before.size()));
        assertThat(ids(before)).contains(DISMISSED, NEIGHBOUR);
        assertThat(app.library().store().notInterested(r.user(), DISMISSED, app.clock().instant()))
            .isTrue();
        List<DigestItem> picks = digestPicks(app, r);
        assertSameRanking(picks, forYou(app, r, picks.size()));
        assertThat(ids(picks)).doesNotContain(DISMISSED);
        List<ArxivId> kept = new ArrayList<>(ids(before));
        kept.remove(DISMISSED);
        if (weight.equals("0")) {
          assertThat(ids(picks))
              .as("weight 0: only the paper goes")
              .startsWith(kept.toArray(ArxivId[]::new));
        } else {
          assertThat(ids(picks).subList(0, kept.size()))
              .as("weight 0.5: its neighbour is pushed down")
              .isNotEqualTo(kept);
          assertThat(ids(picks).indexOf(NEIGHBOUR))
              .as("the neighbour falls")
              .isGreaterThan(kept.indexOf(NEIGHBOUR));
        }
        after.put(weight, ids(picks));
      }
    }
    assertThat(after.get("0.5")).isNotEqualTo(after.get("0"));
  }

  /**
   * A paper marked "not interested" is mailed in no section (it was in both picks and trending
   * before); "reset my profile" forgets the mark for the digest as it does for For you.
   */
  @Test
  void aDismissedPaperIsMailedInNoSectionUntilAProfileReset() {
    try (AppContext app = open(Map.of())) {
      Recipient r = hal(app);
      Set<Section> all = java.util.EnumSet.allOf(Section.class);
      Set<Section> trending = java.util.EnumSet.of(Section.TRENDING);
      assertThat(ids(digest(app, r, Set.of(Section.PICKS)))).contains(DISMISSED);
      assertThat(ids(digest(app, r, trending))).contains(DISMISSED);
      LibraryStore store = app.library().store();
      store.notInterested(r.user(), DISMISSED, app.clock().instant());
      for (Set<Section> sections : List.of(all, Set.of(Section.PICKS), trending)) {
        assertThat(ids(digest(app, r, sections)))
            .as("sections %s", sections)
            .doesNotContain(DISMISSED);
      }
      assertThat(forYou(app, r, 20)).extracting(ForYou.Item::paper).doesNotContain(DISMISSED);

      Instant reset = app.clock().instant();
      store.resetProfile(r.user(), reset);
      assertThat(ids(digest(app, r, trending))).as("the mark is gone").contains(DISMISSED);
      // Liked again after the reset: the picks of before, the dismissed paper among them, in both.
      store.unsave(r.user(), SAVED);
      store.save(r.user(), SAVED, reset.plusSeconds(1));
      JdbcVoteStore votes = new JdbcVoteStore(app.database());
      votes.removeUpvote(r.user(), UPVOTED);
      votes.upvote(r.user(), UPVOTED, reset.plusSeconds(2));
      List<DigestItem> picks = digestPicks(app, r);
      assertThat(ids(picks)).contains(DISMISSED);
      assertSameRanking(picks, forYou(app, r, picks.size()));
    }
  }
}
