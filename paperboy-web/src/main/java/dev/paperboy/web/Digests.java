package dev.paperboy.web;

import dev.paperboy.core.digest.DigestLinks;
import dev.paperboy.core.digest.SubscriptionMails;
import dev.paperboy.core.digest.SubscriptionStore;
import dev.paperboy.core.digest.SuppressionList;
import dev.paperboy.core.paper.Categories;
import dev.paperboy.core.security.RateLimit;
import java.util.List;
import java.util.Objects;

/**
 * What the digest pages need (subscribe, confirm, preferences, unsubscribe), handed to {@link
 * WebServer#digests}. They build on the community features (CSRF, rate limits, the mailer, the
 * signing key), so a server has digests only with a {@link Community}.
 *
 * @param categories the categories offered as tick boxes on the preferences page (others can be
 *     typed)
 * @param weeklyDay the day weekly editions go out, named on the preferences page
 * @param perIp subscribe requests from one IP address
 * @param perEmail subscribe requests for one address
 */
public record Digests(
    SubscriptionStore subscriptions,
    SuppressionList suppressions,
    DigestLinks links,
    SubscriptionMails mails,
    List<String> categories,
    java.time.DayOfWeek weeklyDay,
    RateLimit perIp,
    RateLimit perEmail) {

  /** Common categories of the cs-heavy arXiv data Paperboy is built around. */
  public static final List<String> DEFAULT_CATEGORIES =
      List.of(
          "cs.AI", "cs.CL", "cs.CV", "cs.LG", "cs.IR", "cs.RO", "cs.CR", "cs.SE", "cs.HC", "cs.DC",
          "stat.ML", "eess.AS");

  public Digests {
    Objects.requireNonNull(subscriptions, "subscriptions");
    Objects.requireNonNull(suppressions, "suppressions");
    Objects.requireNonNull(links, "links");
    Objects.requireNonNull(mails, "mails");
    Objects.requireNonNull(weeklyDay, "weeklyDay");
    Objects.requireNonNull(perIp, "perIp");
    Objects.requireNonNull(perEmail, "perEmail");
    categories = List.copyOf(categories);
    for (String c : categories) {
      if (Categories.arxiv().canonical(c).isEmpty()) {
        throw new IllegalArgumentException("unknown arXiv category in the digest list: " + c);
      }
    }
  }

  /** The default rate limits: 10 subscribe requests per hour from an IP, 3 per address. */
  public static RateLimit defaultPerIp() {
    return RateLimit.perHour("subscribe-ip", 10);
  }

  public static RateLimit defaultPerEmail() {
    return RateLimit.perHour("subscribe-email", 3);
  }
}
