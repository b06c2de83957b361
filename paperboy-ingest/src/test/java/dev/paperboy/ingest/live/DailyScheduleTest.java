package dev.paperboy.ingest.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.calendar.ArxivCalendar;
import dev.paperboy.core.ingest.Importer;
import dev.paperboy.core.testing.InMemoryHarvestCheckpoints;
import dev.paperboy.core.testing.InMemoryPaperStore;
import dev.paperboy.ingest.http.HttpFetcher;
import dev.paperboy.ingest.http.HttpSettings;
import dev.paperboy.ingest.http.LocalServer;
import dev.paperboy.ingest.http.LocalServer.Reply;
import dev.paperboy.ingest.rss.FeedSettings;
import dev.paperboy.ingest.support.RecordingIndex;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DailyScheduleTest {
  final DailySchedule schedule = DailySchedule.standard(ArxivCalendar.standard());

  @Test
  void runsAt0030EasternAfterEachAnnouncementEvening() {
    // Monday 2026-11-02 10:00 UTC: next announcement Monday 20:00 EST (Tue 01:00 UTC), run 05:30.
    assertThat(schedule.nextRun(Instant.parse("2026-11-02T10:00:00Z")))
        .isEqualTo(Instant.parse("2026-11-03T05:30:00Z"));
    // Summer: 20:00 EDT is 00:00 UTC, so 04:30 UTC.
    assertThat(schedule.nextRun(Instant.parse("2026-06-15T10:00:00Z")))
        .isEqualTo(Instant.parse("2026-06-16T04:30:00Z"));
    // Right after a run time, the next is a day later; Friday's run jumps to Monday's.
    assertThat(schedule.nextRun(Instant.parse("2026-11-03T05:30:00Z")))
        .isEqualTo(Instant.parse("2026-11-04T05:30:00Z"));
    assertThat(schedule.nextRun(Instant.parse("2026-11-06T06:00:00Z")))
        .isEqualTo(Instant.parse("2026-11-09T05:30:00Z"));
    // A holiday skips its run.
    DailySchedule withHoliday =
        DailySchedule.standard(
            ArxivCalendar.standard().withHoliday(LocalDate.of(2026, 11, 26), "Thanksgiving"));
    assertThat(withHoliday.nextRun(Instant.parse("2026-11-25T06:00:00Z")))
        .isEqualTo(Instant.parse("2026-11-27T05:30:00Z"));
  }

  @Test
  void theSchedulerRunsTheJobAndStopsWhenClosed() throws Exception {
    CountDownLatch asked = new CountDownLatch(1);
    try (LocalServer server = LocalServer.start();
        HttpFetcher http = HttpFetcher.create(HttpSettings.defaults("ops@example.org"))) {
      server.on(
          "/atom/",
          r -> {
            asked.countDown();
            return Reply.xml("<feed xmlns=\"http://www.w3.org/2005/Atom\"><id>x</id></feed>");
          });
      LiveSettings settings =
          new LiveSettings(
              http.settings(),
              null,
              List.of(),
              new FeedSettings(server.uri("/atom/"), List.of("cs"), true),
              null,
              null,
              1,
              Duration.ZERO);
      Clock clock = Clock.fixed(Instant.parse("2026-11-02T10:00:00Z"), ZoneOffset.UTC);
      DailyIngest job =
          new DailyIngest(
              settings,
              http,
              new Importer(new InMemoryPaperStore(), new RecordingIndex()),
              new InMemoryHarvestCheckpoints(),
              clock,
              d -> {});
      try (DailyIngestScheduler scheduler = new DailyIngestScheduler(job, schedule, clock)) {
        assertThat(scheduler.untilNextRun()).isEqualTo(Duration.ofMinutes(19 * 60 + 30));
        scheduler.start(true);
        assertThat(asked.await(10, TimeUnit.SECONDS)).isTrue();
      }
      assertThat(server.requests()).hasSize(1);
    }
  }

  @Test
  void aRunGoesThroughTheGuardAndIsSkippedWhenAnotherNodeHoldsTheJob() throws Exception {
    try (LocalServer server = LocalServer.start();
        HttpFetcher http = HttpFetcher.create(HttpSettings.defaults("ops@example.org"))) {
      server.on(
          "/atom/",
          r -> Reply.xml("<feed xmlns=\"http://www.w3.org/2005/Atom\"><id>x</id></feed>"));
      LiveSettings settings =
          new LiveSettings(
              http.settings(),
              null,
              List.of(),
              new FeedSettings(server.uri("/atom/"), List.of("cs"), true),
              null,
              null,
              1,
              Duration.ZERO);
      Clock clock = Clock.fixed(Instant.parse("2026-11-02T10:00:00Z"), ZoneOffset.UTC);
      DailyIngest job =
          new DailyIngest(
              settings,
              http,
              new Importer(new InMemoryPaperStore(), new RecordingIndex()),
              new InMemoryHarvestCheckpoints(),
              clock,
              d -> {});
      CountDownLatch asked = new CountDownLatch(1);
      List<String> jobs = new java.util.concurrent.CopyOnWriteArrayList<>();
      try (DailyIngestScheduler scheduler =
          new DailyIngestScheduler(
              job,
              DailySchedule.standard(ArxivCalendar.standard()),
              clock,
              (name, work) -> {
                jobs.add(name);
                asked.countDown();
                return false; // another node holds the lease
              })) {
        scheduler.start(true);
        assertThat(asked.await(10, TimeUnit.SECONDS)).isTrue();
      }
      assertThat(jobs).containsExactly(DailyIngestScheduler.JOB);
      assertThat(server.requests()).isEmpty();
    }
  }
}
