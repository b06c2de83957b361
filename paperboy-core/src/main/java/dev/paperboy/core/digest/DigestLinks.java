package dev.paperboy.core.digest;

import dev.paperboy.core.security.InvalidTokenException;
import dev.paperboy.core.security.SecretStore;
import dev.paperboy.core.security.Secrets;
import dev.paperboy.core.security.SignedTokens;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The signed links of the digests: confirming a subscription, the preferences page and
 * unsubscribing. Each is a {@link SignedTokens} token for its own purpose whose subject is the
 * subscription id, so a link opens its one subscription without a sign-in and cannot be turned into
 * another kind of link or made up.
 *
 * <ul>
 *   <li>Confirmation links expire after {@code confirmTtl} (double opt-in: an address nobody
 *       confirms gets nothing else).
 *   <li>Preferences and unsubscribe links in a digest are dated by the edition ({@link
 *       Edition#createdAt()}), not by the moment of sending, so a message sent again after a crash
 *       is the same message; they last {@link #LINK_TTL}, so a link in an old digest still works.
 * </ul>
 *
 * <p>Tokens are signed with the store's key ({@link SignedTokens#KEY_NAME}), the same on every
 * node.
 */
public final class DigestLinks {
  public static final String CONFIRM = "digest-confirm";
  public static final String PREFERENCES = "digest-prefs";
  public static final String UNSUBSCRIBE = "digest-unsub";

  /** How long preferences and unsubscribe links work. */
  public static final Duration LINK_TTL = Duration.ofDays(400);

  private final byte[] key;
  private final Clock clock;
  private final String baseUrl;
  private final Duration confirmTtl;
  private final SignedTokens verifier;

  /** Why a link was refused, in words for the person who followed it. */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    public Refused(String message) {
      super(message);
    }
  }

  /**
   * @param baseUrl the site's public URL without a trailing slash ({@code https://papers.example})
   */
  public DigestLinks(byte[] key, Clock clock, String baseUrl, Duration confirmTtl) {
    if (baseUrl == null || !baseUrl.matches("https?://.+") || baseUrl.endsWith("/")) {
      throw new IllegalArgumentException(
          "baseUrl must be an http(s) URL without a trailing slash, baseUrl: " + baseUrl);
    }
    if (confirmTtl == null || confirmTtl.compareTo(Duration.ofMinutes(5)) < 0) {
      throw new IllegalArgumentException(
          "confirmTtl must be at least 5 minutes, confirmTtl: " + confirmTtl);
    }
    this.key = key.clone();
    this.clock = clock;
    this.baseUrl = baseUrl;
    this.confirmTtl = confirmTtl;
    this.verifier = new SignedTokens(this.key, clock);
  }

  /** Links signed with the key in the store (created there on first use). */
  public static DigestLinks fromStore(
      SecretStore secrets, Clock clock, String baseUrl, Duration confirmTtl) {
    byte[] key =
        secrets.getOrCreate(SignedTokens.KEY_NAME, Secrets.randomBytes(SignedTokens.KEY_BYTES));
    return new DigestLinks(key, clock, baseUrl, confirmTtl);
  }

  public String baseUrl() {
    return baseUrl;
  }

  public Duration confirmTtl() {
    return confirmTtl;
  }

  /** True when the site is served over https, as RFC 8058 one-click unsubscribe requires. */
  public boolean https() {
    return baseUrl.startsWith("https://");
  }

  /** The confirmation link of a new subscription, valid for {@code confirmTtl} from now. */
  public URI confirm(SubscriptionId id) {
    return link("/subscribe/confirm", CONFIRM, id, clock.instant(), confirmTtl);
  }

  /** The preferences page of a subscription, dated {@code issuedAt}. */
  public URI preferences(SubscriptionId id, Instant issuedAt) {
    return link("/digest/preferences", PREFERENCES, id, issuedAt, LINK_TTL);
  }

  /** The unsubscribe link (and RFC 8058 one-click POST target), dated {@code issuedAt}. */
  public URI unsubscribe(SubscriptionId id, Instant issuedAt) {
    return link("/digest/unsubscribe", UNSUBSCRIBE, id, issuedAt, LINK_TTL);
  }

  /** Just the token of {@link #preferences}, for forms that carry it. */
  public String preferencesToken(SubscriptionId id, Instant issuedAt) {
    return tokens(issuedAt).issue(PREFERENCES, id.value(), LINK_TTL);
  }

  /** Just the token of {@link #unsubscribe}. */
  public String unsubscribeToken(SubscriptionId id, Instant issuedAt) {
    return tokens(issuedAt).issue(UNSUBSCRIBE, id.value(), LINK_TTL);
  }

  /**
   * The subscription a link's token stands for.
   *
   * @param purpose {@link #CONFIRM}, {@link #PREFERENCES} or {@link #UNSUBSCRIBE}
   * @throws Refused when the token is forged, expired, malformed or for another purpose
   */
  public SubscriptionId verify(String purpose, String token) throws Refused {
    try {
      return new SubscriptionId(verifier.verify(purpose, token));
    } catch (InvalidTokenException e) {
      throw new Refused(
          switch (e.reason()) {
            case EXPIRED ->
                purpose.equals(CONFIRM)
                    ? "This confirmation link has expired (links work for "
                        + hours(confirmTtl)
                        + "). Subscribe again to get a new one."
                    : "This link has expired. Use the link in your latest digest.";
            case FORGED, MALFORMED, WRONG_PURPOSE ->
                "This link is not valid. Copy the whole link from the mail.";
          });
    } catch (IllegalArgumentException e) {
      throw new Refused("This link is not valid. Copy the whole link from the mail.");
    }
  }

  private URI link(String path, String purpose, SubscriptionId id, Instant at, Duration ttl) {
    String token = tokens(at).issue(purpose, id.value(), ttl);
    return URI.create(
        baseUrl + path + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
  }

  private SignedTokens tokens(Instant at) {
    return new SignedTokens(key, Clock.fixed(at, ZoneOffset.UTC));
  }

  private static String hours(Duration d) {
    long h = d.toHours();
    return h >= 48 && h % 24 == 0 ? (h / 24) + " days" : h + " hours";
  }
}
