package dev.paperboy.web;

import dev.paperboy.core.account.ApiToken;
import dev.paperboy.core.account.ApiTokenStore;
import dev.paperboy.core.account.SessionStore;
import dev.paperboy.core.account.Sessions;
import dev.paperboy.core.account.SignInLinks;
import dev.paperboy.core.account.SignInStore;
import dev.paperboy.core.account.User;
import dev.paperboy.core.account.UserStore;
import dev.paperboy.core.community.CommentStore;
import dev.paperboy.core.community.ModerationStore;
import dev.paperboy.core.community.PaperLookup;
import dev.paperboy.core.community.SubmissionRules;
import dev.paperboy.core.community.SubmissionStore;
import dev.paperboy.core.community.VoteStore;
import dev.paperboy.core.mail.Mailer;
import dev.paperboy.core.security.RateCounterStore;
import dev.paperboy.core.security.RateLimiter;
import dev.paperboy.core.security.SecretStore;
import dev.paperboy.core.security.Secrets;
import dev.paperboy.core.security.SignedTokens;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The ports and settings of the community features (accounts, votes, submissions, comments,
 * moderation), handed to {@link WebServer}. Built by {@code paperboy-app} from the concrete stores;
 * a server without one is a read-only site.
 *
 * <pre>{@code
 * Community c = Community.builder(config, clock)
 *     .users(userStore).sessions(sessionStore).secrets(secretStore).rateCounters(counterStore)
 *     .signIns(signInStore).apiTokens(apiTokenStore).mailer(mailer).votes(voteStore)
 *     .submissions(submissionStore).lookup(PoliteLookup.arxiv(arxivApiLookup))
 *     .comments(commentStore).moderation(moderationStore)
 *     .build();
 * }</pre>
 */
public final class Community {
  private final CommunityConfig config;
  private final Clock clock;
  private final UserStore users;
  private final SessionStore sessionStore;
  private final Sessions sessions;
  private final SignedTokens tokens;
  private final RateLimiter limiter;
  private final RateCounterStore rateCounters;
  private final SignInStore signInStore;
  private final SignInLinks signInLinks;
  private final ApiTokenStore apiTokens;
  private final Mailer mailer;
  private final VoteStore votes;
  private final SubmissionStore submissions;
  private final PaperLookup lookup;
  private final CommentStore comments;
  private final ModerationStore moderation;

  private Community(Builder b) {
    this.config = b.config;
    this.clock = b.clock;
    this.users = Objects.requireNonNull(b.users, "users");
    this.sessionStore = Objects.requireNonNull(b.sessions, "sessions");
    this.rateCounters = Objects.requireNonNull(b.rateCounters, "rateCounters");
    this.sessions = new Sessions(sessionStore, users, clock, config.sessionTtl());
    this.tokens = SignedTokens.fromStore(Objects.requireNonNull(b.secrets, "secrets"), clock);
    this.limiter = new RateLimiter(rateCounters, clock);
    this.signInStore = Objects.requireNonNull(b.signIns, "signIns");
    this.signInLinks = new SignInLinks(tokens, signInStore, clock, config.signInLinkTtl());
    this.apiTokens = Objects.requireNonNull(b.apiTokens, "apiTokens");
    this.mailer = Objects.requireNonNull(b.mailer, "mailer");
    this.votes = Objects.requireNonNull(b.votes, "votes");
    this.submissions = Objects.requireNonNull(b.submissions, "submissions");
    this.lookup = Objects.requireNonNull(b.lookup, "lookup");
    this.comments = Objects.requireNonNull(b.comments, "comments");
    this.moderation = Objects.requireNonNull(b.moderation, "moderation");
  }

  public static Builder builder(CommunityConfig config, Clock clock) {
    return new Builder(config, clock);
  }

  public CommunityConfig config() {
    return config;
  }

  public Clock clock() {
    return clock;
  }

  public UserStore users() {
    return users;
  }

  public Sessions sessions() {
    return sessions;
  }

  public SessionStore sessionStore() {
    return sessionStore;
  }

  /** Signed tokens with the key shared by every node (sign-in links, CSRF, digest links). */
  public SignedTokens tokens() {
    return tokens;
  }

  public RateLimiter limiter() {
    return limiter;
  }

  /**
   * The user an API token ({@code Authorization: Bearer}) belongs to; empty when it is unknown,
   * revoked, or its user is suspended.
   */
  public Optional<User> authenticateBearer(String token) {
    if (token == null || !token.startsWith(ApiToken.PREFIX) || token.length() > 100) {
      return Optional.empty();
    }
    return apiTokens.userOf(Secrets.hash(token)).filter(u -> !u.suspended());
  }

  public SignInLinks signInLinks() {
    return signInLinks;
  }

  public ApiTokenStore apiTokens() {
    return apiTokens;
  }

  public VoteStore votes() {
    return votes;
  }

  public SubmissionStore submissions() {
    return submissions;
  }

  public CommentStore comments() {
    return comments;
  }

  public ModerationStore moderation() {
    return moderation;
  }

  /** Where submitted papers that the store lacks are looked up (the arXiv API, politely). */
  public PaperLookup lookup() {
    return lookup;
  }

  /** The submission rules of the configuration. */
  public SubmissionRules submissionRules() {
    return new SubmissionRules(config.submissionMaxAge(), config.submissionsPerDay());
  }

  /** Where sign-in mails (and later digests) go. */
  public Mailer mailer() {
    return mailer;
  }

  /** Deletes expired sessions and rate counters; returns how many rows went. */
  public int purgeExpired() {
    var now = clock.instant();
    return sessionStore.purgeExpired(now)
        + rateCounters.purgeExpired(now)
        + signInStore.purgeExpired(now);
  }

  /** Collects the ports; {@link #build()} checks that the required ones are set. */
  public static final class Builder {
    private final CommunityConfig config;
    private final Clock clock;
    private @Nullable UserStore users;
    private @Nullable SessionStore sessions;
    private @Nullable SecretStore secrets;
    private @Nullable RateCounterStore rateCounters;
    private @Nullable SignInStore signIns;
    private @Nullable ApiTokenStore apiTokens;
    private @Nullable Mailer mailer;
    private @Nullable VoteStore votes;
    private @Nullable SubmissionStore submissions;
    private @Nullable PaperLookup lookup;
    private @Nullable CommentStore comments;
    private @Nullable ModerationStore moderation;

    private Builder(CommunityConfig config, Clock clock) {
      this.config = Objects.requireNonNull(config, "config");
      this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Builder users(UserStore s) {
      users = s;
      return this;
    }

    public Builder sessions(SessionStore s) {
      sessions = s;
      return this;
    }

    public Builder secrets(SecretStore s) {
      secrets = s;
      return this;
    }

    public Builder rateCounters(RateCounterStore s) {
      rateCounters = s;
      return this;
    }

    public Builder signIns(SignInStore s) {
      signIns = s;
      return this;
    }

    public Builder apiTokens(ApiTokenStore s) {
      apiTokens = s;
      return this;
    }

    public Builder mailer(Mailer m) {
      mailer = m;
      return this;
    }

    public Builder votes(VoteStore s) {
      votes = s;
      return this;
    }

    public Builder submissions(SubmissionStore s) {
      submissions = s;
      return this;
    }

    public Builder lookup(PaperLookup l) {
      lookup = l;
      return this;
    }

    public Builder comments(CommentStore s) {
      comments = s;
      return this;
    }

    public Builder moderation(ModerationStore s) {
      moderation = s;
      return this;
    }

    /**
     * @throws NullPointerException naming the first required port that is missing
     */
    public Community build() {
      return new Community(this);
    }
  }
}
