package dev.paperboy.core.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.account.User;
import dev.paperboy.core.account.UserId;
import dev.paperboy.core.embed.DocumentText;
import dev.paperboy.core.embed.StoredVector;
import dev.paperboy.core.embed.Vectors;
import dev.paperboy.core.mail.EmailAddress;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.DailyEntry;
import dev.paperboy.core.paper.EntrySource;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.recommend.CentroidModel;
import dev.paperboy.core.recommend.Like;
import dev.paperboy.core.recommend.LikeKind;
import dev.paperboy.core.recommend.LikedPapers;
import dev.paperboy.core.recommend.Recommender;
import dev.paperboy.core.search.Highlighted;
import dev.paperboy.core.search.SearchHit;
import dev.paperboy.core.search.SearchIndex;
import dev.paperboy.core.search.SearchQuery;
import dev.paperboy.core.search.SearchResult;
import dev.paperboy.core.testing.InMemoryDigestStore;
import dev.paperboy.core.testing.InMemoryEmbeddingStore;
import dev.paperboy.core.testing.InMemoryPaperStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EditionBuilderTest {
  static final String MODEL = "test-model";
  static final LocalDate DAY = LocalDate.of(2026, 3, 3); // a Tuesday
  static final Instant NOW = Instant.parse("2026-03-03T07:00:00Z");

  final InMemoryPaperStore papers = new InMemoryPaperStore();
  final InMemoryEmbeddingStore vectors = new InMemoryEmbeddingStore();
  final Map<String, UserId> accounts = new HashMap<>();
  final InMemoryDigestStore store =
      new InMemoryDigestStore(e -> Optional.ofNullable(accounts.get(User.emailKey(e))));
  final Map<UserId, List<Like>> likes = new HashMap<>();
  final AtomicInteger searches = new AtomicInteger();

  Paper paper(String id, String title, String cat, LocalDate day, float... v) {
    Paper p =
        Paper.builder(ArxivId.parse(id), title)
            .abstractText("About " + title)
            .categories(List.of(cat))
            .listingDate(day)
            .build();
    papers.upsertPapers(List.of(p));
    vectors.putVectors(
        List.of(
            new StoredVector(
                p.id(),
                MODEL,
                DocumentText.hash(DocumentText.of(p)),
                Vectors.normalizeInPlace(v.clone()))));
    return p;
  }

  void entry(Paper p, LocalDate day, int upvotes) {
    papers.upsertEntries(
        List.of(new DailyEntry(day, p.id(), EntrySource.ARXIV, null, upvotes, null)));
  }

  /** Finds papers whose title contains every quoted word of the query, in the query's dates. */
  final SearchIndex index =
      new SearchIndex() {
        @Override
        public SearchResult search(SearchQuery q) {
          searches.incrementAndGet();
          List<String> words = new ArrayList<>();
          for (String w : q.text().split(" ")) {
            words.add(w.replace("\"", "").toLowerCase());
          }
          List<SearchHit> hits = new ArrayList<>();
          ArxivId after = null;
          for (Paper p : papers.papersAfter(after, 1000)) {
            String t = p.title().toLowerCase();
            boolean inDates =
                !p.listingDate().isBefore(q.from()) && !p.listingDate().isAfter(q.to());
            if (inDates && words.stream().allMatch(t::contains)) {
              hits.add(
                  new SearchHit(p.id(), 1, Highlighted.plain(p.title()), Highlighted.plain("")));
            }
          }
          return new SearchResult(hits.size(), hits, Duration.ZERO);
        }

        @Override
        public void index(Collection<Paper> ps) {}

        @Override
        public void delete(ArxivId id) {}

        @Override
        public void deleteAll() {}

        @Override
        public void commit() {}

        @Override
        public long size() {
          return 0;
        }

        @Override
        public void close() {}
      };

  final LikedPapers liked = (user, limit) -> likes.getOrDefault(user, List.of());

  EditionBuilder builder() {
    return new EditionBuilder(
        papers,
        vectors,
        MODEL,
        index,
        liked,
        store,
        new DigestComposer(
            new DigestLimits(2, 2, 2, 4), new Recommender(CentroidModel.mean(), 0.3)),
        "paperboy.example",
        java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));
  }

  Subscription subscriber(String local) {
    Subscription s = store.findOrCreate(EmailAddress.parse("e", local + "@example.org"), null, NOW);
    return store.confirm(s.id(), NOW).orElseThrow();
  }

  @Test
  void buildsEveryRecipientsDigestOnceAndResumesWithoutTouchingQueuedRows() {
    Paper old =
        paper(
            "2602.00001", "Graph transformers for molecules", "cs.LG", DAY.minusDays(20), 1, 0, 0);
    Paper vision = paper("2603.00010", "Vision models at scale", "cs.CV", DAY, 1, 0.1f, 0);
    Paper graphs = paper("2603.00011", "Graph neural networks revisited", "cs.LG", DAY, 1, 0.2f, 0);
    Paper speech = paper("2603.00012", "Speech recognition", "cs.CL", DAY, 0, 0, 1);
    Paper hot = paper("2603.00001", "A trending paper", "cs.AI", DAY.minusDays(1), 0, 1, 0);
    entry(old, DAY.minusDays(20), 0);
    entry(hot, DAY.minusDays(1), 40);
    entry(vision, DAY, 3);
    entry(graphs, DAY, 0);
    entry(speech, DAY, 0);

    Subscription withAccount = subscriber("ada");
    UserId ada = UserId.random();
    accounts.put("ada@example.org", ada);
    likes.put(ada, List.of(new Like(old.id(), LikeKind.UPVOTE, NOW.minus(Duration.ofDays(3)))));
    store.addAlert(new Alert(withAccount.id(), "graph networks", NOW));
    Subscription plain = subscriber("bo");
    store.addAlert(new Alert(plain.id(), "Graph Networks", NOW));
    Subscription weekly = subscriber("cy");
    store.setPreferences(weekly.id(), weekly.preferences().withCadence(Cadence.WEEKLY), NOW);

    Edition planned =
        new EditionPlanner(
                dev.paperboy.core.calendar.ArxivCalendar.standard(), java.time.DayOfWeek.MONDAY)
            .daily(DAY, NOW)
            .orElseThrow();
    EditionBuilder.Report r = builder().build(planned, n -> {});
    assertThat(r.composed()).isEqualTo(2);
    assertThat(r.queued()).isEqualTo(2);
    assertThat(r.candidates()).isEqualTo(3);
    assertThat(searches.get()).as("one search per distinct alert query").isEqualTo(1);

    EditionContent a = store.findDelivery(planned.id(), withAccount.id()).orElseThrow().content();
    assertThat(a.section(Section.ALERTS))
        .extracting(DigestItem::paper)
        .containsExactly(graphs.id());
    assertThat(a.section(Section.PICKS)).extracting(DigestItem::paper).containsExactly(vision.id());
    assertThat(a.section(Section.PICKS).get(0).reason().text())
        .isEqualTo("Similar to \u201cGraph transformers for molecules\u201d, which you upvoted");
    assertThat(a.section(Section.TRENDING)).extracting(DigestItem::paper).containsExactly(hot.id());
    EditionContent b = store.findDelivery(planned.id(), plain.id()).orElseThrow().content();
    assertThat(b.section(Section.PICKS)).as("no account, no picks").isEmpty();
    assertThat(b.section(Section.TRENDING))
        .extracting(DigestItem::paper)
        .containsExactly(hot.id(), vision.id());
    assertThat(store.findDelivery(planned.id(), weekly.id())).isEmpty();
    assertThat(store.findEdition(planned.id()).orElseThrow().composedAt()).isNotNull();

    // A new subscriber after the build: a second run adds only theirs and changes nothing else.
    Subscription late = subscriber("di");
    List<Delivery> before = store.deliveries();
    EditionBuilder.Report again = builder().build(planned, n -> {});
    assertThat(again.composed()).isEqualTo(1);
    assertThat(store.deliveries()).containsAll(before);
    assertThat(store.findDelivery(planned.id(), late.id())).isPresent();
  }

  @Test
  void withArxivDataOnlyEverySubscriberStillGetsTheNewestPapers() {
    // No upvotes anywhere (no Hugging Face import, nobody voted yet), no account, no alert.
    Paper a = paper("2603.00020", "Speech models", "cs.CL", DAY, 1, 0, 0);
    Paper b = paper("2603.00021", "Vision transformers", "cs.CV", DAY, 0, 1, 0);
    Paper c = paper("2603.00022", "Parsing", "cs.CL", DAY, 0, 0, 1);
    Paper yesterday = paper("2603.00002", "Older news", "cs.CL", DAY.minusDays(1), 0, 0, 1);
    entry(a, DAY, 0);
    entry(b, DAY, 0);
    entry(c, DAY, 0);
    entry(yesterday, DAY.minusDays(1), 0);
    Subscription everything = subscriber("all");
    Subscription cl = subscriber("cl");
    store.setPreferences(cl.id(), cl.preferences().withCategories(java.util.Set.of("cs.CL")), NOW);

    Edition planned =
        new EditionPlanner(
                dev.paperboy.core.calendar.ArxivCalendar.standard(), java.time.DayOfWeek.MONDAY)
            .daily(DAY, NOW)
            .orElseThrow();
    EditionBuilder.Report r = builder().build(planned, n -> {});
    assertThat(r.queued()).isEqualTo(2);
    assertThat(r.skipped()).isZero();

    // The day's papers as its page lists them (equal votes: by id), at most the limit (2).
    EditionContent all = store.findDelivery(planned.id(), everything.id()).orElseThrow().content();
    assertThat(all.section(Section.TRENDING))
        .extracting(DigestItem::paper)
        .containsExactly(a.id(), b.id());
    assertThat(all.section(Section.TRENDING).get(0).reason().kind()).isEqualTo(Reason.Kind.NEW);
    EditionContent onlyCl = store.findDelivery(planned.id(), cl.id()).orElseThrow().content();
    assertThat(onlyCl.section(Section.TRENDING))
        .extracting(DigestItem::paper)
        .containsExactly(a.id(), c.id());
    assertThat(onlyCl.section(Section.TRENDING).get(1).reason().verb())
        .isEqualTo(Reason.IN_CATEGORIES);
  }

  @Test
  void aQuietDayGivesTheNoteOrARecordOfTheSkip() {
    Subscription note = subscriber("n");
    Subscription skip = subscriber("s");
    store.setPreferences(skip.id(), skip.preferences().withQuietDays(QuietDays.SKIP), NOW);
    var calendar =
        dev.paperboy.core.calendar.ArxivCalendar.standard().withHoliday(DAY, "Test holiday");
    Edition quiet =
        new EditionPlanner(calendar, java.time.DayOfWeek.MONDAY).daily(DAY, NOW).orElseThrow();
    builder().build(quiet, n -> {});
    Delivery n = store.findDelivery(quiet.id(), note.id()).orElseThrow();
    assertThat(n.status()).isEqualTo(DeliveryStatus.QUEUED);
    assertThat(n.content().note()).contains("Test holiday");
    Delivery s = store.findDelivery(quiet.id(), skip.id()).orElseThrow();
    assertThat(s.status()).isEqualTo(DeliveryStatus.SKIPPED);
    assertThat(s.lastError()).contains("chose to skip");
  }

  @Test
  void theNextEditionLeavesOutWhatTheLastOneSent() {
    Paper hot = paper("2603.00001", "A trending paper", "cs.AI", DAY.minusDays(1), 0, 1, 0);
    Paper warm = paper("2603.00002", "Another trending paper", "cs.AI", DAY.minusDays(1), 0, 1, 0);
    entry(hot, DAY.minusDays(1), 40);
    entry(warm, DAY.minusDays(1), 30);
    Subscription s = subscriber("t");
    store.setPreferences(
        s.id(), s.preferences().withContent(java.util.EnumSet.of(Section.TRENDING)), NOW);
    var planner =
        new EditionPlanner(
            dev.paperboy.core.calendar.ArxivCalendar.standard(), java.time.DayOfWeek.MONDAY);
    Edition tue = planner.daily(DAY, NOW).orElseThrow();
    builder().build(tue, n -> {});
    assertThat(store.findDelivery(tue.id(), s.id()).orElseThrow().content().papers())
        .containsExactly(hot.id(), warm.id());
    Edition wed = planner.daily(DAY.plusDays(1), NOW.plus(Duration.ofDays(1))).orElseThrow();
    builder().build(wed, n -> {});
    Delivery d = store.findDelivery(wed.id(), s.id()).orElseThrow();
    assertThat(d.status())
        .as("both still trending, both sent yesterday")
        .isEqualTo(DeliveryStatus.SKIPPED);
  }

  @Test
  void anAlertRequiresEveryPlainWordAndKeepsPhrasesExclusionsAndPrefixes() {
    assertThat(EditionBuilder.allWordsRequired("retrieval augmented  generation"))
        .isEqualTo("\"retrieval\" \"augmented\" \"generation\"");
    assertThat(EditionBuilder.allWordsRequired("\"mixture of experts\" sparse -vision"))
        .isEqualTo("\"mixture of experts\" \"sparse\" -vision");
    assertThat(EditionBuilder.allWordsRequired("-\"large language\" transform*"))
        .isEqualTo("-\"large language\" transform*");
    assertThat(EditionBuilder.allWordsRequired("graph\"networks"))
        .isEqualTo("\"graph\" \"networks");
    assertThat(EditionBuilder.allWordsRequired("  ")).isEmpty();
  }

  /**
   * Readers' "not interested" marks: read for the whole page in one call, and each reader's
   * dismissed papers are in none of their sections (a twin without marks gets them).
   */
  @Test
  void dismissedPapersAreLeftOutOfEverySectionAndReadOncePerPage() {
    Paper old =
        paper(
            "2602.00001", "Graph transformers for molecules", "cs.LG", DAY.minusDays(20), 1, 0, 0);
    Paper vision = paper("2603.00010", "Vision models at scale", "cs.CV", DAY, 1, 0.1f, 0);
    Paper graphs = paper("2603.00011", "Graph neural networks revisited", "cs.LG", DAY, 1, 0.2f, 0);
    Paper hot = paper("2603.00001", "A trending paper", "cs.AI", DAY.minusDays(1), 0, 1, 0);
    entry(old, DAY.minusDays(20), 0);
    entry(hot, DAY.minusDays(1), 40);
    entry(vision, DAY, 3);
    entry(graphs, DAY, 0);

    Map<String, Subscription> subs = new HashMap<>();
    Map<UserId, List<ArxivId>> marks = new HashMap<>();
    for (String name : List.of("twin", "nopick", "notrend", "noalert", "trendonly")) {
      Subscription s = subscriber(name);
      UserId u = UserId.random();
      accounts.put(name + "@example.org", u);
      likes.put(u, List.of(new Like(old.id(), LikeKind.SAVE, NOW.minus(Duration.ofDays(3)))));
      store.addAlert(new Alert(s.id(), "graph networks", NOW));
      subs.put(name, s);
      marks.put(
          u,
          switch (name) {
            case "nopick" -> List.of(vision.id());
            case "notrend", "trendonly" -> List.of(hot.id());
            case "noalert" -> List.of(graphs.id());
            default -> List.of();
          });
    }
    Subscription trendOnly = subs.get("trendonly");
    store.setPreferences(
        trendOnly.id(),
        trendOnly.preferences().withContent(java.util.EnumSet.of(Section.TRENDING)),
        NOW);
    List<Collection<UserId>> calls = new ArrayList<>();
    dev.paperboy.core.library.NotInterestedPapers source =
        (users, limitEach) -> {
          calls.add(List.copyOf(users));
          assertThat(limitEach).isEqualTo(dev.paperboy.core.library.NotInterestedModel.MARKS);
          Map<UserId, List<ArxivId>> out = new HashMap<>();
          for (UserId u : users) {
            if (!marks.getOrDefault(u, List.of()).isEmpty()) {
              out.put(u, marks.get(u));
            }
          }
          return out;
        };
    EditionBuilder builder =
        new EditionBuilder(
            papers,
            dev.paperboy.core.recommend.PaperVectors.stored(vectors, MODEL),
            index,
            liked,
            source,
            store,
            new DigestComposer(
                new DigestLimits(2, 2, 2, 4), new Recommender(CentroidModel.mean(), 0.3), 0.5),
            "paperboy.example",
            java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));
    Edition planned =
        new EditionPlanner(
                dev.paperboy.core.calendar.ArxivCalendar.standard(), java.time.DayOfWeek.MONDAY)
            .daily(DAY, NOW)
            .orElseThrow();
    builder.build(planned, n -> {});
    assertThat(calls).as("one call for the page, with every account on it").hasSize(1);
    assertThat(calls.get(0)).hasSize(5);

    java.util.function.Function<String, EditionContent> digest =
        name -> store.findDelivery(planned.id(), subs.get(name).id()).orElseThrow().content();
    EditionContent twin = digest.apply("twin");
    assertThat(twin.section(Section.ALERTS)).extracting(DigestItem::paper).contains(graphs.id());
    assertThat(twin.section(Section.PICKS)).extracting(DigestItem::paper).contains(vision.id());
    assertThat(twin.section(Section.TRENDING)).extracting(DigestItem::paper).contains(hot.id());
    assertThat(digest.apply("nopick").papers()).doesNotContain(vision.id()).contains(hot.id());
    assertThat(digest.apply("notrend").papers()).doesNotContain(hot.id()).contains(vision.id());
    assertThat(digest.apply("noalert").papers()).doesNotContain(graphs.id()).contains(hot.id());
    assertThat(digest.apply("trendonly").papers())
        .as("a reader without picks still has their marks honoured")
        .doesNotContain(hot.id())
        .isNotEmpty();

    // The CLI's preview composes the same way.
    Subscription s = subs.get("notrend");
    Recipient r =
        new Recipient(
            s.id(),
            s.email(),
            s.preferences(),
            accounts.get("notrend@example.org"),
            List.of("graph networks"),
            java.util.Set.of());
    assertThat(builder.composeFor(planned, r, builder.inputs(planned)).papers())
        .doesNotContain(hot.id())
        .contains(vision.id());
  }
}
