package dev.paperboy.app.config;

import dev.paperboy.core.mail.EmailAddress;
import dev.paperboy.core.security.RateLimit;
import dev.paperboy.web.RateLimits;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The community features: accounts, votes, submissions, comments, moderation.
 *
 * <p>Keys (defaults in brackets): {@code community.enabled} [true], {@code community.session.ttl}
 * [30d], {@code community.signin.link.ttl} [15m], {@code community.submit.max.age} [14d], {@code
 * community.submit.per.day} [5], {@code community.admin.email} [none: the first admin is then made
 * with {@code paperboy user grant ADDRESS admin}], {@code community.behind.proxy} [false: trust
 * {@code X-Forwarded-For} only behind a reverse proxy], and the rate limits {@code
 * ratelimit.signin.ip} [10/1h], {@code ratelimit.signin.email} [5/1h], {@code ratelimit.vote.user}
 * [120/1m], {@code ratelimit.vote.ip} [600/1m], {@code ratelimit.comment.user} [20/1h], {@code
 * ratelimit.comment.ip} [100/1h], {@code ratelimit.submit.user} [30/1h], {@code
 * ratelimit.submit.ip} [100/1h], {@code ratelimit.form.ip} [30/1h], each written {@code
 * COUNT/WINDOW}.
 *
 * @param enabled false serves a read-only site
 * @param firstAdmin an address made admin at every start (its account is created if needed)
 * @param web the settings the web server reads
 * @param library readers' libraries ({@link LibraryConfig}, keys {@code library.*})
 */
public record CommunityConfig(
    boolean enabled,
    @Nullable EmailAddress firstAdmin,
    dev.paperboy.web.CommunityConfig web,
    LibraryConfig library) {

  public static final Set<String> KEYS =
      java.util.stream.Stream.concat(
              LibraryConfig.KEYS.stream(),
              Stream.of(
                  "community.enabled",
                  "community.session.ttl",
                  "community.signin.link.ttl",
                  "community.submit.max.age",
                  "community.submit.per.day",
                  "community.admin.email",
                  "community.behind.proxy",
                  "ratelimit.signin.ip",
                  "ratelimit.signin.email",
                  "ratelimit.vote.user",
                  "ratelimit.vote.ip",
                  "ratelimit.comment.user",
                  "ratelimit.comment.ip",
                  "ratelimit.submit.user",
                  "ratelimit.submit.ip",
                  "ratelimit.form.ip"))
          .collect(java.util.stream.Collectors.toUnmodifiableSet());

  /**
   * Reads the keys above.
   *
   * @param mailFrom the sender of sign-in mails ({@link MailConfig#from()})
   */
  public static CommunityConfig from(Settings s, EmailAddress mailFrom) {
    RateLimits d = RateLimits.defaults();
    Function<RateLimit, RateLimit> limit =
        rule -> {
          String key = "ratelimit." + rule.name().replace('-', '.');
          return s.find(key)
              .map(
                  text -> {
                    try {
                      return RateLimits.parse(rule.name(), text);
                    } catch (IllegalArgumentException e) {
                      throw s.wrong(key, "COUNT/WINDOW such as 10/1h or 120/1m");
                    }
                  })
              .orElse(rule);
        };
    RateLimits limits =
        new RateLimits(
            limit.apply(d.signInPerIp()),
            limit.apply(d.signInPerEmail()),
            limit.apply(d.votesPerUser()),
            limit.apply(d.votesPerIp()),
            limit.apply(d.commentsPerUser()),
            limit.apply(d.commentsPerIp()),
            limit.apply(d.submissionsPerUser()),
            limit.apply(d.submissionsPerIp()),
            limit.apply(d.formsPerIp()));
    Duration sessionTtl = s.getDuration("community.session.ttl", Duration.ofDays(30));
    Duration linkTtl = s.getDuration("community.signin.link.ttl", Duration.ofMinutes(15));
    Duration maxAge = s.getDuration("community.submit.max.age", Duration.ofDays(14));
    int perDay = s.getInt("community.submit.per.day", 5, 1, 1000);
    dev.paperboy.web.CommunityConfig web;
    try {
      web =
          new dev.paperboy.web.CommunityConfig(
              sessionTtl,
              linkTtl,
              maxAge,
              perDay,
              mailFrom,
              limits,
              s.getBoolean("community.behind.proxy", false));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("community settings: " + e.getMessage());
    }
    EmailAddress admin = null;
    if (s.find("community.admin.email").isPresent()) {
      try {
        admin = EmailAddress.parse("community.admin.email", s.find("community.admin.email").get());
      } catch (IllegalArgumentException e) {
        throw s.wrong("community.admin.email", "an email address");
      }
    }
    return new CommunityConfig(
        s.getBoolean("community.enabled", true), admin, web, LibraryConfig.from(s));
  }
}
