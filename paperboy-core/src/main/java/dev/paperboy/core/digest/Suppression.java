package dev.paperboy.core.digest;

import dev.paperboy.core.mail.EmailAddress;
import java.time.Instant;

/** An address no digest is sent to, and why (a permanent failure's message, say). */
public record Suppression(EmailAddress email, String reason, Instant createdAt) {
  public Suppression {
    if (email == null || reason == null || createdAt == null) {
      throw new IllegalArgumentException("email, reason and createdAt must not be null");
    }
  }
}
