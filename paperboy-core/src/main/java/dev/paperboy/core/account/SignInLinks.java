package dev.paperboy.core.account;

import dev.paperboy.core.mail.EmailAddress;
import dev.paperboy.core.security.InvalidTokenException;
import dev.paperboy.core.security.Secrets;
import dev.paperboy.core.security.SignedTokens;
import java.time.Clock;
import java.time.Duration;

/**
 * Passwordless sign-in links: signed, expiring and single-use.
 *
 * <p>A link's token is a {@link SignedTokens} token for purpose {@code signin} whose subject is a
 * random nonce and the address; the nonce's hash is recorded in the store. Checking a link verifies
 * the signature, the purpose and the expiry (so forged and expired links fail without a database
 * lookup), then consumes the nonce atomically (so a link works once, even when two nodes get it at
 * the same moment).
 *
 * <p>{@link #peek} checks without consuming: the link in the mail opens a page with a button, and
 * only the button's POST consumes it. Mail scanners that fetch every link in a message (as many
 * corporate gateways do) then cannot use up the link before its owner clicks it.
 */
public final class SignInLinks {
  /** The token purpose of sign-in links. */
  public static final String PURPOSE = "signin";

  private final SignedTokens tokens;
  private final SignInStore store;
  private final Clock clock;
  private final Duration ttl;

  /** Why a link was refused, in words for the person who clicked it. */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    public Refused(String message) {
      super(message);
    }
  }

  public SignInLinks(SignedTokens tokens, SignInStore store, Clock clock, Duration ttl) {
    this.tokens = tokens;
    this.store = store;
    this.clock = clock;
    this.ttl = ttl;
  }

  public Duration ttl() {
    return ttl;
  }

  /** A new link token for {@code email}; its nonce is recorded. */
  public String issue(EmailAddress email) {
    String nonce = Secrets.newSecret();
    String token = tokens.issue(PURPOSE, nonce + "\n" + email.value(), ttl);
    store.record(Secrets.hash(nonce), clock.instant().plus(ttl));
    return token;
  }

  /**
   * The address of a valid link, without using it up.
   *
   * @throws Refused when forged, expired or malformed
   */
  public EmailAddress peek(String token) throws Refused {
    return parse(verify(token));
  }

  /**
   * The address of a valid link, using it up: a second call with the same link fails.
   *
   * @throws Refused when forged, expired, malformed or already used
   */
  public EmailAddress consume(String token) throws Refused {
    String subject = verify(token);
    EmailAddress email = parse(subject);
    String nonce = subject.substring(0, subject.indexOf('\n'));
    if (!store.consume(Secrets.hash(nonce), clock.instant())) {
      throw new Refused(
          "This sign-in link was already used. Each link works once: ask for a new one.");
    }
    return email;
  }

  private String verify(String token) throws Refused {
    try {
      return tokens.verify(PURPOSE, token);
    } catch (InvalidTokenException e) {
      throw new Refused(
          switch (e.reason()) {
            case EXPIRED ->
                "This sign-in link has expired (links work for "
                    + ttl.toMinutes()
                    + " minutes). Ask for a new one.";
            case FORGED, MALFORMED, WRONG_PURPOSE ->
                "This is not a valid sign-in link. Copy the whole link from the mail, or ask for a"
                    + " new one.";
          });
    }
  }

  private static EmailAddress parse(String subject) throws Refused {
    int nl = subject.indexOf('\n');
    if (nl <= 0) {
      throw new Refused("This is not a valid sign-in link.");
    }
    try {
      return new EmailAddress(subject.substring(nl + 1));
    } catch (IllegalArgumentException e) {
      throw new Refused("This is not a valid sign-in link.");
    }
  }
}
