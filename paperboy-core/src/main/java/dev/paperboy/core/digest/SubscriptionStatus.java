package dev.paperboy.core.digest;

import java.util.Locale;

/**
 * Where a subscription is in its life. Only {@link #ACTIVE} subscriptions get digests; pausing is a
 * preference ({@link DigestPreferences#paused()}), so a paused subscriber keeps their settings.
 */
public enum SubscriptionStatus {
  /** Asked for, confirmation mail sent, not yet confirmed: nothing but that mail is sent. */
  PENDING,
  /** Confirmed by the link in the confirmation mail (or by a signed-in account owner). */
  ACTIVE,
  /** Ended by the subscriber; subscribing again needs a new confirmation. */
  UNSUBSCRIBED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws IllegalArgumentException for an unknown code
   */
  public static SubscriptionStatus parse(String code) {
    for (SubscriptionStatus s : values()) {
      if (s.code().equals(code)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown subscription status '" + code + "'");
  }
}
