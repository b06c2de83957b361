package dev.paperboy.core.digest;

import java.time.Instant;

/**
 * A delivery claimed by one sender: only the holder of the claim's token may record what became of
 * it, and only until {@code until} unless it renews the claim.
 *
 * @param token random, shared by the deliveries claimed together
 * @param until when the claim runs out and another sender may take the delivery over
 */
public record Claim(Delivery delivery, String token, Instant until) {
  public Claim {
    if (delivery == null || token == null || token.isBlank() || until == null) {
      throw new IllegalArgumentException("delivery, token and until must be set");
    }
  }
}
