package dev.paperboy.core.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, expiring tokens: sign-in links, CSRF tokens, and (for the digests) unsubscribe and
 * preferences links.
 *
 * <p>A token is {@code base64url(payload) "." base64url(HMAC-SHA256(key, payload))}, where the
 * payload is the UTF-8 text {@code "pb1\n" purpose "\n" expiry "\n" subject} and expiry is in epoch
 * seconds. HMAC-SHA256 is the MAC of RFC 2104 with SHA-256; a 256-bit key gives it full strength
 * (RFC 2104 section 3: keys shorter than the hash output weaken it, so shorter keys are refused).
 *
 * <ul>
 *   <li>The purpose is inside the signed payload, so a token issued for one use (a CSRF token) is
 *       refused for another (a sign-in link) even though the same key signs both.
 *   <li>Signatures are compared with {@link MessageDigest#isEqual}, whose time does not depend on
 *       where two values differ, so timing does not reveal how much of a forged signature is right.
 *   <li>Tokens are bearer values: anyone holding one can use it until it expires. A single-use
 *       token (a sign-in link) needs a nonce recorded in the store as well, which {@code
 *       core.account.SignInLinks} does.
 * </ul>
 *
 * <p>The key comes from the store ({@link #fromStore}), so every app node signs and checks with the
 * same key. Thread-safe.
 */
public final class SignedTokens {
  /** The name of the signing key in the {@link SecretStore}. */
  public static final String KEY_NAME = "token-signing-key";

  /** Bytes of a key: 256 bits, the output size of SHA-256. */
  public static final int KEY_BYTES = 32;

  private static final String ALGORITHM = "HmacSHA256";
  private static final String VERSION = "pb1";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SecretKeySpec key;
  private final Clock clock;

  public SignedTokens(byte[] key, Clock clock) {
    if (key == null || key.length < KEY_BYTES) {
      throw new IllegalArgumentException(
          "signing key must have at least "
              + KEY_BYTES
              + " bytes, key length: "
              + (key == null ? "null" : key.length));
    }
    this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    this.clock = clock;
  }

  /** Tokens signed with the key kept in {@code store}, created there on first start. */
  public static SignedTokens fromStore(SecretStore store, Clock clock) {
    return new SignedTokens(store.getOrCreate(KEY_NAME, Secrets.randomBytes(KEY_BYTES)), clock);
  }

  /**
   * A token for {@code purpose} carrying {@code subject}, valid for {@code ttl} from now.
   *
   * @param purpose lower-case letters, digits, dots and dashes, e.g. {@code signin}
   * @param subject what the token stands for (an address and a nonce, say); any text
   */
  public String issue(String purpose, String subject, Duration ttl) {
    checkPurpose(purpose);
    if (subject == null) {
      throw new IllegalArgumentException("subject must not be null, purpose: " + purpose);
    }
    if (ttl == null || ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive, purpose: " + purpose);
    }
    long expiry = clock.instant().plus(ttl).getEpochSecond();
    byte[] payload =
        (VERSION + "\n" + purpose + "\n" + expiry + "\n" + subject)
            .getBytes(StandardCharsets.UTF_8);
    return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(hmac(payload));
  }

  /**
   * Checks a token and returns its subject.
   *
   * @throws InvalidTokenException saying whether it was malformed, forged, for another purpose or
   *     expired
   */
  public String verify(String purpose, String token) throws InvalidTokenException {
    checkPurpose(purpose);
    if (token == null) {
      throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED, "no token");
    }
    int dot = token.indexOf('.');
    if (dot <= 0 || dot != token.lastIndexOf('.') || token.length() > 4096) {
      throw new InvalidTokenException(
          InvalidTokenException.Reason.MALFORMED, "not a token (expected payload.signature)");
    }
    byte[] payload;
    byte[] signature;
    try {
      payload = DECODER.decode(token.substring(0, dot));
      signature = DECODER.decode(token.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      throw new InvalidTokenException(
          InvalidTokenException.Reason.MALFORMED, "not a token (not base64url)");
    }
    // The signature is checked before anything in the payload is believed.
    if (!MessageDigest.isEqual(hmac(payload), signature)) {
      throw new InvalidTokenException(
          InvalidTokenException.Reason.FORGED, "the token's signature does not match");
    }
    String[] parts = new String(payload, StandardCharsets.UTF_8).split("\n", 4);
    if (parts.length != 4 || !parts[0].equals(VERSION)) {
      throw new InvalidTokenException(
          InvalidTokenException.Reason.MALFORMED, "not a token of this version");
    }
    if (!parts[1].equals(purpose)) {
      throw new InvalidTokenException(
          InvalidTokenException.Reason.WRONG_PURPOSE,
          "the token is for " + parts[1] + ", not " + purpose);
    }
    long expiry;
    try {
      expiry = Long.parseLong(parts[2]);
    } catch (NumberFormatException e) {
      throw new InvalidTokenException(
          InvalidTokenException.Reason.MALFORMED, "the token's expiry is not a number");
    }
    Instant now = clock.instant();
    if (now.getEpochSecond() >= expiry) {
      throw new InvalidTokenException(
          InvalidTokenException.Reason.EXPIRED,
          "the token expired at " + Instant.ofEpochSecond(expiry));
    }
    return parts[3];
  }

  /**
   * A deterministic signature of {@code data} for {@code purpose}, base64url: the same input gives
   * the same value. CSRF tokens are made this way (bound to a session, they need no expiry of their
   * own). The input is prefixed so it can never equal the payload of an issued token.
   */
  public String mac(String purpose, String data) {
    checkPurpose(purpose);
    byte[] input = ("pb1-mac\n" + purpose + "\n" + data).getBytes(StandardCharsets.UTF_8);
    return ENCODER.encodeToString(hmac(input));
  }

  /** True when {@code mac} is {@link #mac}{@code (purpose, data)}; compared in constant time. */
  public boolean checkMac(String purpose, String data, String mac) {
    if (mac == null) {
      return false;
    }
    return MessageDigest.isEqual(
        mac(purpose, data).getBytes(StandardCharsets.US_ASCII),
        mac.getBytes(StandardCharsets.UTF_8));
  }

  private byte[] hmac(byte[] input) {
    try {
      Mac m = Mac.getInstance(ALGORITHM);
      m.init(key);
      return m.doFinal(input);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  private static void checkPurpose(String purpose) {
    if (purpose == null || !purpose.matches("[a-z0-9][a-z0-9.-]{0,63}")) {
      throw new IllegalArgumentException(
          "purpose must be lower-case letters, digits, dots and dashes, purpose: '"
              + purpose
              + "'");
    }
  }
}
