package dev.paperboy.core.community;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One moderation or administration action, as the audit log keeps it. Entries are never changed or
 * deleted by the application, and survive the deletion of the accounts they name (they keep the id
 * and the display name of the time).
 *
 * @param actorId the account that acted, or null for the command line
 * @param actorName its display name at the time, or {@code command line}
 * @param action what was done, e.g. {@code paper.hide}, {@code user.suspend}
 * @param target what it was done to: an arXiv id, a comment id, an account id
 * @param detail the reason given, or null
 */
public record AuditEntry(
    Instant at,
    @Nullable String actorId,
    String actorName,
    String action,
    String target,
    @Nullable String detail) {
  public AuditEntry {
    if (at == null || actorName == null || action == null || target == null) {
      throw new IllegalArgumentException(
          "at, actorName, action and target must not be null, action: " + action);
    }
    if (detail != null && detail.length() > 500) {
      detail = detail.substring(0, 500);
    }
  }
}
