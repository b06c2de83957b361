package dev.paperboy.web;

import dev.paperboy.core.account.User;
import dev.paperboy.core.community.SubmissionRules;
import dev.paperboy.core.community.SubmissionStore;
import dev.paperboy.core.paper.ArxivId;
import dev.paperboy.core.paper.DailyEntry;
import dev.paperboy.core.paper.EntrySource;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.paper.PaperStore;
import dev.paperboy.core.search.SearchIndex;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submitting a paper to today's list (UTC), shared by the form and the API: rate limits, the id
 * from what the person typed, the paper from the store or else the arXiv API (then stored and
 * indexed), the {@link SubmissionRules}, and the store's atomic submit.
 */
final class Submissions {
  private static final Logger LOG = LoggerFactory.getLogger(Submissions.class);

  /** A paper now on the list of {@code day}. */
  record Done(ArxivId id, LocalDate day, boolean fetched) {}

  private final Community community;
  private final WebSecurity security;
  private final PaperStore store;
  private final SearchIndex index;

  Submissions(Community community, WebSecurity security, PaperStore store, SearchIndex index) {
    this.community = community;
    this.security = security;
    this.store = store;
    this.index = index;
  }

  /**
   * @throws BadRequest when the input is no arXiv id or URL
   * @throws NotFound when arXiv has no such paper
   * @throws Refused 409 when a rule refuses, 429 at the daily cap (until midnight UTC) or a rate
   *     limit, 503 when arXiv cannot be reached
   */
  Done submit(Context ctx, String input) {
    User user = security.requireUser(ctx).user();
    RateLimits limits = community.config().limits();
    security.limit(limits.submissionsPerUser(), user.id().value());
    security.limitIp(ctx, limits.submissionsPerIp());
    ArxivId id;
    try {
      id = ArxivId.fromUserInput(input).id();
    } catch (IllegalArgumentException e) {
      throw new BadRequest("arxivId", e.getMessage());
    }
    Instant now = community.clock().instant();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    Instant dayStart = today.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant tomorrow = today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    SubmissionRules rules = community.submissionRules();
    // The cap first: a person at the cap needs no arXiv request.
    if (community.submissions().countSince(user.id(), dayStart) >= rules.perDay()) {
      throw Refused.tooMany(rules.capMessage(), secondsUntil(now, tomorrow));
    }
    Optional<Paper> known = store.findPaper(id);
    boolean fetched = known.isEmpty();
    Paper paper;
    if (known.isPresent()) {
      paper = known.get();
    } else {
      try {
        paper =
            community
                .lookup()
                .lookup(id)
                .orElseThrow(() -> new NotFound("arXiv has no paper " + id + "."));
      } catch (HttpTimeoutException e) {
        LOG.warn("arXiv lookup of {} timed out: {}", id, e.getMessage());
        throw Refused.unavailable(
            "arXiv did not answer in time to look up " + id + "; try again in a minute.", 60);
      } catch (IOException e) {
        LOG.warn("arXiv lookup of {} failed: {}", id, e.getMessage());
        throw Refused.unavailable(
            "arXiv cannot be reached just now to look up " + id + "; try again in a minute.", 60);
      }
    }
    List<DailyEntry> entries = store.entriesOf(id);
    LocalDate listedOn = entries.isEmpty() ? null : entries.get(entries.size() - 1).day();
    int todayCount = community.submissions().countSince(user.id(), dayStart);
    Optional<String> refusal = rules.refusal(paper, today, listedOn, todayCount);
    if (refusal.isPresent()) {
      throw Refused.conflict(refusal.get());
    }
    if (fetched) {
      store.upsertPapers(List.of(paper));
      try {
        index.index(List.of(paper));
        index.commit();
      } catch (RuntimeException e) {
        // The store is the source of truth: a reindex picks the paper up.
        LOG.warn("submitted paper {} stored but not indexed: {}", id, e.getMessage());
      }
    }
    DailyEntry entry = new DailyEntry(today, id, EntrySource.COMMUNITY, user.displayName(), 0, now);
    SubmissionStore.Outcome outcome =
        community.submissions().submit(user.id(), entry, dayStart, rules.perDay());
    return switch (outcome) {
      case SUBMITTED -> new Done(id, today, fetched);
      case ALREADY_LISTED ->
          throw Refused.conflict(
              "arXiv:" + id + " was put on a list a moment ago by someone else: upvote it there.");
      case CAP_REACHED -> throw Refused.tooMany(rules.capMessage(), secondsUntil(now, tomorrow));
    };
  }

  private static long secondsUntil(Instant now, Instant then) {
    return Math.max(1, Duration.between(now, then).toSeconds());
  }
}
