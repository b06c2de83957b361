package dev.paperboy.core.digest;

import java.util.EnumMap;
import java.util.Map;

/** How many deliveries are in each status (of one edition, or of all). */
public record OutboxCounts(Map<DeliveryStatus, Long> byStatus) {
  public OutboxCounts {
    EnumMap<DeliveryStatus, Long> all = new EnumMap<>(DeliveryStatus.class);
    for (DeliveryStatus s : DeliveryStatus.values()) {
      all.put(s, byStatus == null ? 0L : byStatus.getOrDefault(s, 0L));
    }
    byStatus = Map.copyOf(all);
  }

  public long get(DeliveryStatus s) {
    return byStatus.get(s);
  }

  public long total() {
    return byStatus.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Deliveries not done yet (queued or being sent). */
  public long pending() {
    return get(DeliveryStatus.QUEUED) + get(DeliveryStatus.SENDING);
  }
}
