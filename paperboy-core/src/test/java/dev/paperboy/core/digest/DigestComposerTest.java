package dev.paperboy.core.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.account.UserId;
import dev.paperboy.core.embed.Vectors;
import dev.paperboy.core.mail.EmailAddress;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.recommend.Candidates;
import dev.paperboy.core.recommend.CentroidModel;
import dev.paperboy.core.recommend.Like;
import dev.paperboy.core.recommend.LikeKind;
import dev.paperboy.core.recommend.LikedItem;
import dev.paperboy.core.recommend.Recommender;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DigestComposerTest {
  static final Instant NOW = Instant.parse("2026-03-02T07:00:00Z");
  static final LocalDate DAY = LocalDate.of(2026, 3, 2);
  static final Edition EDITION = new Edition(EditionId.of(Cadence.DAILY, DAY), DAY, DAY, null, NOW);

  static ArxivId id(int n) {
    return ArxivId.parse(String.format("2603.%05d", n));
  }

  static float[] v(float... xs) {
    return Vectors.normalizeInPlace(xs.clone());
  }

  // Papers 1..3 are about x, 4..6 about y; 1 and 4 are in cs.CL, the rest in cs.CV.
  final Map<ArxivId, List<String>> categories = new HashMap<>();
  final Map<ArxivId, float[]> vectors = new LinkedHashMap<>();
  final Map<String, List<ArxivId>> alerts = new HashMap<>();
  EditionInputs inputs;

  DigestComposerTest() {
    for (int i = 1; i <= 6; i++) {
      categories.put(id(i), List.of(i == 1 || i == 4 ? "cs.CL" : "cs.CV"));
      vectors.put(id(i), i <= 3 ? v(1, 0.1f * i, 0) : v(0.1f * i, 1, 0));
    }
    alerts.put("\"graphs\"", List.of(id(5), id(1)));
    List<TrendingPaper> trending =
        List.of(
            new TrendingPaper(id(1), 50, 40, categories.get(id(1))),
            new TrendingPaper(id(5), 30, 25, categories.get(id(5))),
            new TrendingPaper(id(6), 20, 18, categories.get(id(6))),
            new TrendingPaper(id(2), 10, 9, categories.get(id(2))));
    inputs =
        new EditionInputs(
            trending, Candidates.of(vectors), categories, q -> alerts.getOrDefault(q, List.of()));
  }

  final DigestComposer composer =
      new DigestComposer(new DigestLimits(3, 2, 2, 4), new Recommender(CentroidModel.mean(), 0.5));

  Recipient recipient(DigestPreferences prefs, List<String> alerts, Set<ArxivId> recent) {
    return new Recipient(
        SubscriptionId.random(),
        EmailAddress.parse("e", "a@example.org"),
        prefs,
        UserId.random(),
        alerts,
        recent);
  }

  List<LikedItem> likesOfY() {
    return List.of(
        new LikedItem(
            new Like(ArxivId.parse("2501.00001"), LikeKind.UPVOTE, NOW.minusSeconds(3600)),
            "A paper about y",
            v(0, 1, 0.1f)));
  }

  @Test
  void sectionsFillFromAlertsToTrendingWithoutRepeatingAPaper() {
    EditionContent c =
        composer.compose(
            EDITION,
            recipient(DigestPreferences.defaults(), List.of("graphs"), Set.of()),
            likesOfY(),
            inputs,
            NOW);
    assertThat(c.section(Section.ALERTS))
        .extracting(DigestItem::paper)
        .containsExactly(id(5), id(1));
    assertThat(c.section(Section.ALERTS).get(0).reason().text())
        .isEqualTo("Matches your alert \u201cgraphs\u201d");
    // 5 is taken by the alert: the picks are the others closest to y, best first.
    assertThat(c.section(Section.PICKS))
        .extracting(DigestItem::paper)
        .containsExactly(id(4), id(6));
    assertThat(c.section(Section.PICKS).get(0).reason().text())
        .isEqualTo("Similar to \u201cA paper about y\u201d, which you upvoted");
    assertThat(c.section(Section.TRENDING)).extracting(DigestItem::paper).containsExactly(id(2));
    assertThat(c.section(Section.TRENDING).get(0).reason().text())
        .isEqualTo("Trending: 10 upvotes");
    assertThat(c.papers()).doesNotHaveDuplicates();
  }

  @Test
  void preferencesChooseSectionsAndCategories() {
    DigestPreferences onlyTrendingCl =
        DigestPreferences.defaults()
            .withContent(EnumSet.of(Section.TRENDING))
            .withCategories(Set.of("cs.CL"));
    EditionContent c =
        composer.compose(
            EDITION,
            recipient(onlyTrendingCl, List.of("graphs"), Set.of()),
            likesOfY(),
            inputs,
            NOW);
    assertThat(c.items()).extracting(DigestItem::paper).containsExactly(id(1));
    assertThat(c.items()).allMatch(i -> i.section() == Section.TRENDING);
  }

  @Test
  void papersOfRecentEditionsAreNotSentAgain() {
    DigestPreferences trending =
        DigestPreferences.defaults().withContent(EnumSet.of(Section.TRENDING));
    EditionContent c =
        composer.compose(
            EDITION, recipient(trending, List.of(), Set.of(id(1), id(5))), List.of(), inputs, NOW);
    assertThat(c.papers()).containsExactly(id(6), id(2));
  }

  @Test
  void withoutLikesThereAreNoPicksAndWithoutCloseCandidatesNoneAreForced() {
    DigestPreferences picks = DigestPreferences.defaults().withContent(EnumSet.of(Section.PICKS));
    assertThat(
            composer
                .compose(EDITION, recipient(picks, List.of(), Set.of()), List.of(), inputs, NOW)
                .isEmpty())
        .isTrue();
    List<LikedItem> farAway =
        List.of(
            new LikedItem(
                new Like(ArxivId.parse("2501.00002"), LikeKind.SAVE, NOW), "About z", v(0, 0, 1)));
    assertThat(
            composer
                .compose(EDITION, recipient(picks, List.of(), Set.of()), farAway, inputs, NOW)
                .isEmpty())
        .as("nothing is similar enough to say 'similar to'")
        .isTrue();
  }

  @Test
  void aQuietEditionIsTheNoteOrNothing() {
    Edition quiet = new Edition(EDITION.id(), DAY, DAY, "No announcement today: a holiday.", NOW);
    EditionContent note =
        composer.compose(
            quiet,
            recipient(DigestPreferences.defaults(), List.of(), Set.of()),
            likesOfY(),
            inputs,
            NOW);
    assertThat(note.note()).isEqualTo("No announcement today: a holiday.");
    assertThat(note.items()).isEmpty();
    EditionContent skip =
        composer.compose(
            quiet,
            recipient(
                DigestPreferences.defaults().withQuietDays(QuietDays.SKIP), List.of(), Set.of()),
            likesOfY(),
            inputs,
            NOW);
    assertThat(skip.isEmpty()).isTrue();
  }

  @Test
  void withoutUpvotesTheTrendingSectionHoldsTheNewestPapersAndSaysWhy() {
    // Listed as the day pages list them: the later day first, then by id.
    List<ListedPaper> listed =
        List.of(
            new ListedPaper(id(4), DAY, categories.get(id(4))),
            new ListedPaper(id(5), DAY, categories.get(id(5))),
            new ListedPaper(id(6), DAY, categories.get(id(6))),
            new ListedPaper(id(1), DAY.minusDays(3), categories.get(id(1))),
            new ListedPaper(id(2), DAY.minusDays(3), categories.get(id(2))));
    EditionInputs noVotes =
        new EditionInputs(List.of(), Candidates.of(vectors), categories, q -> List.of(), listed);
    Recipient plain =
        new Recipient(
            SubscriptionId.random(),
            EmailAddress.parse("e", "b@example.org"),
            DigestPreferences.defaults(),
            null,
            List.of(),
            Set.of(id(5)));
    EditionContent c = composer.compose(EDITION, plain, List.of(), noVotes, NOW);
    assertThat(c.isEmpty()).as("no votes, no account, no alerts: still a digest").isFalse();
    assertThat(c.section(Section.TRENDING))
        .extracting(DigestItem::paper)
        .as("in page order, without the paper of the last edition, at most 3")
        .containsExactly(id(4), id(6), id(1));
    assertThat(c.section(Section.TRENDING).get(0).reason()).isEqualTo(Reason.newest(DAY, false));
    assertThat(c.section(Section.TRENDING).get(0).reason().text())
        .isEqualTo("New on Monday 2 March");

    DigestPreferences cl = DigestPreferences.defaults().withCategories(Set.of("cs.CL"));
    EditionContent inCl =
        composer.compose(EDITION, recipient(cl, List.of(), Set.of()), List.of(), noVotes, NOW);
    assertThat(inCl.section(Section.TRENDING))
        .extracting(DigestItem::paper)
        .containsExactly(id(4), id(1));
    assertThat(inCl.section(Section.TRENDING))
        .extracting(i -> i.reason().text() + " / " + i.reason().verb())
        .containsExactly(
            "New on Monday 2 March / in your categories",
            "New on Friday 27 February / in your categories");
  }

  @Test
  void upvotesInTheSubscribersCategoriesMeanNoFallback() {
    List<ListedPaper> listed = List.of(new ListedPaper(id(3), DAY, categories.get(id(3))));
    EditionInputs withVotes =
        new EditionInputs(
            List.of(new TrendingPaper(id(1), 5, 4, categories.get(id(1)))),
            Candidates.of(vectors),
            categories,
            q -> List.of(),
            listed);
    DigestPreferences cl =
        DigestPreferences.defaults()
            .withContent(EnumSet.of(Section.TRENDING))
            .withCategories(Set.of("cs.CL"));
    // The only upvoted paper in cs.CL went out in the last edition: nothing new, and no
    // pretence that nobody upvoted.
    EditionContent c =
        composer.compose(
            EDITION, recipient(cl, List.of(), Set.of(id(1))), List.of(), withVotes, NOW);
    assertThat(c.isEmpty()).isTrue();
    // In cs.CV nobody upvoted anything: the newest cs.CV paper instead.
    DigestPreferences cv = cl.withCategories(Set.of("cs.CV"));
    EditionContent v =
        composer.compose(EDITION, recipient(cv, List.of(), Set.of()), List.of(), withVotes, NOW);
    assertThat(v.section(Section.TRENDING)).extracting(DigestItem::paper).containsExactly(id(3));
    assertThat(v.section(Section.TRENDING).get(0).reason().verb()).isEqualTo(Reason.IN_CATEGORIES);
  }

  /**
   * Every paper a digest would hold, in any section (alerts, picks, trending, and the newest papers
   * standing in for trending), is gone once the reader marks it "not interested".
   */
  @Test
  void aDismissedPaperIsInNoSection() {
    List<ListedPaper> listed = new java.util.ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      listed.add(new ListedPaper(id(i), DAY, categories.get(id(i))));
    }
    EditionInputs noVotes =
        new EditionInputs(List.of(), Candidates.of(vectors), categories, q -> List.of(), listed);
    Recipient r = recipient(DigestPreferences.defaults(), List.of("graphs"), Set.of());
    Set<Section> seen = EnumSet.noneOf(Section.class);
    for (EditionInputs in : List.of(inputs, noVotes)) {
      EditionContent before = composer.compose(EDITION, r, likesOfY(), in, NOW);
      assertThat(before.items()).isNotEmpty();
      for (DigestItem item : before.items()) {
        seen.add(item.section());
        Dismissals no = new Dismissals(Set.of(item.paper()), List.of(vectors.get(item.paper())));
        EditionContent after = composer.compose(EDITION, r, likesOfY(), no, in, NOW);
        assertThat(after.papers())
            .as("%s dismissed (it was in %s)", item.paper(), item.section())
            .doesNotContain(item.paper())
            .isNotEmpty();
        // Without its vector (no embedding yet) it is still left out.
        Dismissals noVector = new Dismissals(Set.of(item.paper()), List.of());
        assertThat(composer.compose(EDITION, r, likesOfY(), noVector, in, NOW).papers())
            .doesNotContain(item.paper());
      }
    }
    assertThat(seen).as("every section was tried").containsAll(EnumSet.allOf(Section.class));
    assertThat(
            composer
                .compose(EDITION, r, likesOfY(), Dismissals.NONE, inputs, NOW)
                .equals(composer.compose(EDITION, r, likesOfY(), inputs, NOW)))
        .isTrue();
  }

  /**
   * A dismissed paper near a candidate pushes it down the picks by the composer's weight, as
   * NotInterestedModel does on "For you"; weight 0 leaves the order alone.
   */
  @Test
  void aDismissedNeighbourPushesAPickDown() {
    // p is closer to the liked paper than q, but also much closer to the dismissed paper d:
    // mean-model scores 0.958 and 0.894, minus 0.5 x (0.880 and 0.632) = 0.518 and 0.578.
    ArxivId p = id(11);
    ArxivId q = id(12);
    ArxivId d = id(13);
    Map<ArxivId, float[]> vs = new LinkedHashMap<>();
    vs.put(p, v(0.3f, 1, 0));
    vs.put(q, v(0, 1, 0.5f));
    vs.put(d, v(1, 1, 0));
    Map<ArxivId, List<String>> cats = new HashMap<>();
    vs.keySet().forEach(id -> cats.put(id, List.of("cs.LG")));
    EditionInputs in = new EditionInputs(List.of(), Candidates.of(vs), cats, t -> List.of());
    List<LikedItem> liked =
        List.of(
            new LikedItem(
                new Like(ArxivId.parse("2501.00003"), LikeKind.SAVE, NOW.minusSeconds(60)),
                "Liked",
                v(0, 1, 0)));
    Recipient r =
        recipient(
            DigestPreferences.defaults().withContent(EnumSet.of(Section.PICKS)),
            List.of(),
            Set.of());
    Dismissals no = new Dismissals(Set.of(d), List.of(vs.get(d)));
    DigestLimits limits = new DigestLimits(3, 3, 3, 4);
    Recommender shared = new Recommender(CentroidModel.mean(), 0.5);

    assertThat(new DigestComposer(limits, shared, 0.5).compose(EDITION, r, liked, in, NOW).papers())
        .as("without marks: p, q, then d")
        .containsExactly(p, q, d);
    assertThat(
            new DigestComposer(limits, shared, 0.5)
                .compose(EDITION, r, liked, no, in, NOW)
                .papers())
        .as("d dismissed: gone, and q passes p")
        .containsExactly(q, p);
    assertThat(
            new DigestComposer(limits, shared, 0).compose(EDITION, r, liked, no, in, NOW).papers())
        .as("weight 0: d gone, the order kept")
        .containsExactly(p, q);
    assertThat(new DigestComposer(limits, shared).notInterestedWeight())
        .isEqualTo(dev.paperboy.core.library.NotInterestedModel.DEFAULT_WEIGHT);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new DigestComposer(limits, shared, -0.1))
        .hasMessageContaining("notInterestedWeight must be >= 0, notInterestedWeight: -0.1");
  }
}
