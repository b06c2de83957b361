package dev.paperboy.core.digest;

import dev.paperboy.core.mail.EmailAddress;
import java.time.Instant;
import java.util.List;

/**
 * Addresses digests are not sent to, because the mail system said they do not work ({@code
 * FailureKind.BAD_RECIPIENT}). Addresses are compared ignoring case, like accounts.
 */
public interface SuppressionList {

  /**
   * Adds the address (keeping the first reason when it is already there).
   *
   * @return true when it was added
   */
  boolean suppress(EmailAddress email, String reason, Instant at);

  boolean isSuppressed(EmailAddress email);

  /**
   * Takes the address off the list (it proved to work again, e.g. by confirming a subscription).
   *
   * @return true when it was on it
   */
  boolean unsuppress(EmailAddress email);

  long countSuppressed();

  /** The newest suppressions first, at most {@code limit}. */
  List<Suppression> suppressions(int limit);
}
