package dev.paperboy.core.digest;

import dev.paperboy.core.security.Secrets;

/**
 * A subscription's id: random ({@link Secrets#newId()}), so it can sit in a Message-ID and in
 * signed links without revealing the address or how many subscribers there are.
 */
public record SubscriptionId(String value) implements Comparable<SubscriptionId> {
  public SubscriptionId {
    if (!Secrets.isId(value)) {
      throw new IllegalArgumentException("not a subscription id, value: '" + value + "'");
    }
  }

  public static SubscriptionId random() {
    return new SubscriptionId(Secrets.newId());
  }

  @Override
  public int compareTo(SubscriptionId o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
