package dev.paperboy.core.digest;

import java.util.Locale;

/**
 * Where one subscriber's message of one edition is in the outbox. The transitions, and why they
 * give exactly-once delivery, are described in {@link Outbox}.
 */
public enum DeliveryStatus {
  /** Waiting to be sent, from its due time on (a retry waits for its backoff). */
  QUEUED,
  /** Claimed by a sender, which may be handing it to the mail system right now. */
  SENDING,
  /** Accepted by the mail system: done. */
  SENT,
  /** Refused for good (bad recipient, message refused, or out of attempts): done. */
  FAILED,
  /** Not sent on purpose (nothing to send, a quiet day skipped, unsubscribed, suppressed): done. */
  SKIPPED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when the delivery will not change any more. */
  public boolean done() {
    return this == SENT || this == FAILED || this == SKIPPED;
  }

  /**
   * @throws IllegalArgumentException for an unknown code
   */
  public static DeliveryStatus parse(String code) {
    for (DeliveryStatus s : values()) {
      if (s.code().equals(code)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown delivery status '" + code + "'");
  }
}
