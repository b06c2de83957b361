package dev.paperboy.web;

import dev.paperboy.core.account.UserId;

/**
 * Locks by user, for a check-then-write that must not run twice at once for one reader on this
 * node: of two copies of a form (a double click, a retried POST), the second then finds what the
 * first made. Striped: a fixed set of monitors, so memory stays flat and different readers rarely
 * wait for each other. Per node only; two copies landing on two nodes at the same instant are not
 * serialised (README, Community).
 */
final class UserLocks {
  private static final Object[] STRIPES = new Object[64];

  static {
    for (int i = 0; i < STRIPES.length; i++) {
      STRIPES[i] = new Object();
    }
  }

  private UserLocks() {}

  /** The monitor that serialises {@code user}'s guarded writes. */
  static Object of(UserId user) {
    return STRIPES[Math.floorMod(user.value().hashCode(), STRIPES.length)];
  }
}
