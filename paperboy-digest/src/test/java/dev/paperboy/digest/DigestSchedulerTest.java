package dev.paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.calendar.ArxivCalendar;
import dev.paperboy.core.digest.DigestComposer;
import dev.paperboy.core.digest.DigestLimits;
import dev.paperboy.core.digest.DigestSender;
import dev.paperboy.core.digest.Edition;
import dev.paperboy.core.digest.EditionBuilder;
import dev.paperboy.core.digest.EditionId;
import dev.paperboy.core.digest.EditionPlanner;
import dev.paperboy.core.digest.SenderSettings;
import dev.paperboy.core.digest.Subscription;
import dev.paperboy.core.mail.EmailAddress;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.DailyEntry;
import dev.paperboy.core.paper.EntrySource;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.recommend.CentroidModel;
import dev.paperboy.core.recommend.LikedPapers;
import dev.paperboy.core.recommend.Recommender;
import dev.paperboy.core.search.SearchIndex;
import dev.paperboy.core.search.SearchQuery;
import dev.paperboy.core.search.SearchResult;
import dev.paperboy.core.testing.InMemoryDigestStore;
import dev.paperboy.core.testing.InMemoryEmbeddingStore;
import dev.paperboy.core.testing.InMemoryPaperStore;
import dev.paperboy.core.testing.MutableClock;
import dev.paperboy.core.testing.RecordingMailer;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class DigestSchedulerTest {
  static final LocalDate TUE = LocalDate.of(2026, 3, 3);
  final MutableClock clock = new MutableClock(Instant.parse("2026-03-03T06:00:00Z"));
  final InMemoryPaperStore papers = new InMemoryPaperStore();
  final InMemoryDigestStore store = new InMemoryDigestStore();
  final RecordingMailer mailer = new RecordingMailer();
  final AtomicBoolean ready = new AtomicBoolean();
  final AtomicBoolean leaseFree = new AtomicBoolean(true);

  final SearchIndex noIndex =
      new SearchIndex() {
        @Override
        public SearchResult search(SearchQuery q) {
          return new SearchResult(0, List.of(), Duration.ZERO);
        }

        @Override
        public void index(Collection<Paper> p) {}

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

  DigestScheduler scheduler() {
    EditionBuilder builder =
        new EditionBuilder(
            papers,
            new InMemoryEmbeddingStore(),
            "m",
            noIndex,
            LikedPapers.NONE,
            store,
            new DigestComposer(DigestLimits.DEFAULTS, new Recommender(CentroidModel.mean(), 0.5)),
            "papers.example",
            clock);
    DigestSender sender =
        new DigestSender(
            store,
            store,
            mailer,
            (d, e) ->
                dev.paperboy.core.mail.OutgoingMessage.builder()
                    .messageId(d.messageId())
                    .from("digest@papers.example")
                    .to(d.to())
                    .subject("digest " + e.id())
                    .text("papers " + d.content().papers())
                    .build(),
            SenderSettings.defaults("test"),
            clock);
    return new DigestScheduler(
        new EditionPlanner(ArxivCalendar.standard(), DayOfWeek.MONDAY),
        store,
        builder,
        sender,
        day -> ready.get(),
        (job, work) -> {
          if (!leaseFree.get()) {
            return false;
          }
          work.run();
          return true;
        },
        clock,
        new DigestScheduler.Settings(
            LocalTime.of(7, 0), Duration.ofHours(3), Duration.ofMinutes(1)));
  }

  void subscriberAndAPaper() {
    Subscription s =
        store.findOrCreate(EmailAddress.parse("e", "reader@example.org"), null, clock.instant());
    store.confirm(s.id(), clock.instant());
    Paper p =
        Paper.builder(ArxivId.parse("2603.00001"), "A paper")
            .categories(List.of("cs.CL"))
            .listingDate(TUE)
            .build();
    papers.upsertPapers(List.of(p));
    papers.upsertEntries(List.of(new DailyEntry(TUE, p.id(), EntrySource.ARXIV, null, 5, null)));
  }

  @Test
  void buildsAtTheConfiguredTimeOnceTheDaysPapersHaveArrivedThenSends() {
    subscriberAndAPaper();
    DigestScheduler s = scheduler();
    assertThat(s.tick().built()).as("before 07:00 UTC").isEmpty();
    clock.set(Instant.parse("2026-03-03T07:00:00Z"));
    DigestScheduler.Tick waiting = s.tick();
    assertThat(waiting.built()).isEmpty();
    assertThat(waiting.waiting()).containsExactly("daily-2026-03-03");
    ready.set(true);
    clock.advance(Duration.ofMinutes(1));
    DigestScheduler.Tick done = s.tick();
    assertThat(done.built())
        .extracting(EditionBuilder.Report::edition)
        .containsExactly(new EditionId("daily-2026-03-03"));
    assertThat(done.sent().sent()).isEqualTo(1);
    assertThat(mailer.sent()).hasSize(1);
    assertThat(s.tick().built()).as("once a day").isEmpty();
    assertThat(mailer.sent()).hasSize(1);
  }

  @Test
  void withoutTheDaysPapersItStillGoesOutAfterTheLongestWait() {
    subscriberAndAPaper();
    DigestScheduler s = scheduler();
    clock.set(Instant.parse("2026-03-03T09:59:00Z"));
    assertThat(s.tick().built()).isEmpty();
    clock.set(Instant.parse("2026-03-03T10:00:00Z"));
    assertThat(s.tick().built()).hasSize(1);
  }

  @Test
  void anotherNodeHoldingTheLeaseBuildsInsteadAndAnInterruptedBuildIsFinished() {
    subscriberAndAPaper();
    ready.set(true);
    leaseFree.set(false);
    DigestScheduler s = scheduler();
    clock.set(Instant.parse("2026-03-03T07:05:00Z"));
    DigestScheduler.Tick skipped = s.tick();
    assertThat(skipped.ranHere()).isFalse();
    assertThat(skipped.built()).isEmpty();
    assertThat(mailer.sent()).isEmpty();
    // A build that started (the edition is stored) but never finished, e.g. killed.
    Edition yesterday =
        new EditionPlanner(ArxivCalendar.standard(), DayOfWeek.MONDAY)
            .daily(TUE.minusDays(1), clock.instant())
            .orElseThrow();
    store.createEdition(yesterday);
    leaseFree.set(true);
    DigestScheduler.Tick t = s.tick();
    assertThat(t.ranHere()).isTrue();
    assertThat(mailer.sent())
        .extracting(dev.paperboy.core.mail.OutgoingMessage::subject)
        .contains("digest daily-2026-03-03");
    assertThat(t.built())
        .extracting(r -> r.edition().value())
        .containsExactlyInAnyOrder("daily-2026-03-03", "daily-2026-03-02");
  }
}
