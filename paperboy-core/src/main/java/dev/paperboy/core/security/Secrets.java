package dev.paperboy.core.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random secrets (session ids, API tokens, sign-in nonces, record ids) and the hashes the store
 * keeps instead of them.
 *
 * <p>Secrets are 256 bits from {@link SecureRandom}, written base64url without padding. The store
 * keeps only their SHA-256: a leaked database (or backup) then holds no usable session or token. A
 * fast hash is enough because the secrets are random and long, so there is nothing to guess: slow
 * password hashes (bcrypt, Argon2) protect low-entropy passwords, which Paperboy does not have
 * (OWASP Session Management Cheat Sheet, "Session ID Entropy").
 */
public final class Secrets {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final char[] ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

  /** Bytes in a secret: 256 bits. */
  public static final int SECRET_BYTES = 32;

  private Secrets() {}

  /** A new 256-bit secret, base64url (43 characters). */
  public static String newSecret() {
    return B64.encodeToString(randomBytes(SECRET_BYTES));
  }

  /** {@code n} random bytes (key material). */
  public static byte[] randomBytes(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1, n: " + n);
    }
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }

  /**
   * A new record id: 16 characters from a 32-letter alphabet without look-alikes (80 bits), so ids
   * in URLs can be neither guessed nor counted.
   */
  public static String newId() {
    char[] c = new char[16];
    for (int i = 0; i < c.length; i++) {
      c[i] = ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)];
    }
    return new String(c);
  }

  /** True when {@code text} has the shape of {@link #newId()}. */
  public static boolean isId(String text) {
    if (text == null || text.length() != 16) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (new String(ID_ALPHABET).indexOf(text.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  /** The SHA-256 of {@code secret}, lower-case hex: what the store keeps. */
  public static String hash(String secret) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /** Compares two strings in time that does not depend on where they differ. */
  public static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
