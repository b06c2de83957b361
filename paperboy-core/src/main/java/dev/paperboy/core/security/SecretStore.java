package dev.paperboy.core.security;

/**
 * Key material kept in the store, so every app node signs and checks with the same keys.
 *
 * <p>A key is created on first use and never changes afterwards: when two nodes start at once, both
 * must end with the key that won (implementations insert only if absent, then read).
 */
public interface SecretStore {

  /**
   * The key named {@code name}, creating it from {@code fresh} if there is none yet.
   *
   * @param fresh random key material to store when the key does not exist; ignored otherwise
   * @return the stored key (which is {@code fresh} only if this call created it)
   */
  byte[] getOrCreate(String name, byte[] fresh);
}
