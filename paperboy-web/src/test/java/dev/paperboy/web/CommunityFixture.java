package dev.paperboy.web;

import dev.paperboy.core.mail.Mailer;
import dev.paperboy.core.mail.OutgoingMessage;
import dev.paperboy.core.mail.SendReceipt;
import dev.paperboy.store.Database;
import dev.paperboy.store.JdbcApiTokenStore;
import dev.paperboy.store.JdbcCommentStore;
import dev.paperboy.store.JdbcModerationStore;
import dev.paperboy.store.JdbcRateCounterStore;
import dev.paperboy.store.JdbcSecretStore;
import dev.paperboy.store.JdbcSessionStore;
import dev.paperboy.store.JdbcSignInStore;
import dev.paperboy.store.JdbcSubmissionStore;
import dev.paperboy.store.JdbcUserStore;
import dev.paperboy.store.JdbcVoteStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The community features on a fresh SQLite database in a temporary directory. */
final class CommunityFixture implements AutoCloseable {
  final Database db;
  final Clock clock;
  final Community community;
  final JdbcUserStore users;
  final RecordingMailer mail = new RecordingMailer();

  /** What the fake arXiv knows; tests add papers to it. */
  final java.util.Map<dev.paperboy.core.paper.ArxivId, dev.paperboy.core.paper.Paper> arxivPapers =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Lookups asked of the fake arXiv. */
  final List<dev.paperboy.core.paper.ArxivId> lookups = new CopyOnWriteArrayList<>();

  /**
   * When set, what the fake arXiv throws instead of answering (a timeout, a refused connection).
   */
  volatile java.io.@org.jspecify.annotations.Nullable IOException arxivFailure;

  final dev.paperboy.core.community.PaperLookup arxiv =
      id -> {
        lookups.add(id);
        java.io.IOException failure = arxivFailure;
        if (failure != null) {
          throw failure;
        }
        return java.util.Optional.ofNullable(arxivPapers.get(id));
      };

  CommunityFixture(Path dir, Clock clock, CommunityConfig config) {
    this(dir, clock, config, null, null);
  }

  /** With a real mailer and arXiv lookup instead of the recording ones (the browser test). */
  CommunityFixture(
      Path dir,
      Clock clock,
      CommunityConfig config,
      @org.jspecify.annotations.Nullable Mailer mailer,
      dev.paperboy.core.community.@org.jspecify.annotations.Nullable PaperLookup lookup) {
    this.db = Database.sqlite(dir.resolve("community.db"));
    this.clock = clock;
    this.users = new JdbcUserStore(db);
    this.community =
        Community.builder(config, clock)
            .users(users)
            .sessions(new JdbcSessionStore(db))
            .secrets(new JdbcSecretStore(db, clock))
            .rateCounters(new JdbcRateCounterStore(db))
            .signIns(new JdbcSignInStore(db))
            .apiTokens(new JdbcApiTokenStore(db))
            .votes(new JdbcVoteStore(db))
            .submissions(new JdbcSubmissionStore(db))
            .comments(new JdbcCommentStore(db))
            .moderation(new JdbcModerationStore(db))
            .lookup(lookup != null ? lookup : arxiv)
            .mailer(mailer != null ? mailer : mail)
            .build();
  }

  /** A clock a test can move, starting at {@code start}. */
  static MovableClock clockAt(Instant start) {
    return new MovableClock(start);
  }

  /** A clock a test moves. */
  static final class MovableClock extends Clock {
    volatile Instant now;

    MovableClock(Instant start) {
      now = start;
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void advance(java.time.Duration d) {
      now = now.plus(d);
    }
  }

  /** A mailer that keeps what it is given. */
  static final class RecordingMailer implements Mailer {
    final List<OutgoingMessage> sent = new CopyOnWriteArrayList<>();

    @Override
    public SendReceipt send(OutgoingMessage message) {
      sent.add(message);
      return new SendReceipt(message.messageId(), "recorded", false);
    }

    @Override
    public String describe() {
      return "memory";
    }

    @Override
    public void close() {}

    /** The sign-in link in the last mail to {@code to}. */
    String lastLinkTo(String to) {
      for (int i = sent.size() - 1; i >= 0; i--) {
        OutgoingMessage m = sent.get(i);
        if (m.to().value().equalsIgnoreCase(to)) {
          Matcher link = Pattern.compile("https?://\\S+/signin/confirm\\S+").matcher(m.textBody());
          if (link.find()) {
            return link.group();
          }
        }
      }
      throw new AssertionError("no sign-in mail to " + to + " among " + sent.size());
    }
  }

  @Override
  public void close() {
    db.close();
  }
}
