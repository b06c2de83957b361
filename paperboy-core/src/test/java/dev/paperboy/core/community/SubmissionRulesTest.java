package dev.paperboy.core.community;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.Paper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubmissionRulesTest {
  static final LocalDate TODAY = LocalDate.of(2026, 3, 16);
  static final SubmissionRules RULES = new SubmissionRules(Duration.ofDays(14), 3);

  static Paper paper(LocalDate submitted, boolean withdrawn) {
    return Paper.builder(ArxivId.parse("2603.01234"), "A paper")
        .submitted(submitted)
        .withdrawn(withdrawn)
        .build();
  }

  @Test
  void aRecentUnlistedPaperWithinTheCapIsAccepted() {
    assertThat(RULES.refusal(paper(TODAY.minusDays(14), false), TODAY, null, 2)).isEmpty();
  }

  @Test
  void eachRuleRefusesWithAMessage() {
    assertThat(RULES.refusal(paper(TODAY.minusDays(15), false), TODAY, null, 0))
        .hasValueSatisfying(
            m -> assertThat(m).contains("first submitted on 2026-03-01").contains("last 14 days"));
    assertThat(RULES.refusal(paper(TODAY, true), TODAY, null, 0))
        .hasValueSatisfying(m -> assertThat(m).contains("withdrawn"));
    assertThat(RULES.refusal(paper(TODAY, false), TODAY, TODAY.minusDays(1), 0))
        .hasValueSatisfying(m -> assertThat(m).contains("already on the list of 2026-03-15"));
    assertThat(RULES.refusal(paper(TODAY, false), TODAY, null, 3))
        .hasValueSatisfying(m -> assertThat(m).contains("submitted 3 papers today"));
  }

  @Test
  void lookupsAreSpacedByTheInterval() throws IOException {
    Instant[] now = {Instant.parse("2026-03-16T10:00:00Z")};
    Clock clock =
        new Clock() {
          @Override
          public ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now[0];
          }
        };
    List<Duration> waits = new ArrayList<>();
    PaperLookup source = id -> Optional.empty();
    PoliteLookup polite =
        new PoliteLookup(
            source,
            Duration.ofSeconds(3),
            clock,
            d -> {
              waits.add(d);
              now[0] = now[0].plus(d);
            });
    polite.lookup(ArxivId.parse("2603.01234"));
    now[0] = now[0].plusSeconds(1);
    polite.lookup(ArxivId.parse("2603.01235"));
    now[0] = now[0].plusSeconds(5);
    polite.lookup(ArxivId.parse("2603.01236"));
    assertThat(waits).containsExactly(Duration.ofSeconds(2));
  }
}
