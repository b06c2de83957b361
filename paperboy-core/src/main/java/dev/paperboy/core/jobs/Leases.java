package dev.paperboy.core.jobs;

import java.time.Duration;
import java.util.Optional;

/**
 * Leases on jobs, kept where every node sees them (the store). At most one holder has a job's lease
 * at any time: a lease is taken only when nobody holds it or the holder's lease has expired, so the
 * work of a node that died is taken over once its lease lapses. Time is the implementation's clock;
 * nodes' clocks must agree to well within a lease's length.
 */
public interface Leases {

  /**
   * Takes the job's lease for {@code ttl} if it is free or expired, or if {@code holder} already
   * holds it (then it is extended and keeps its token).
   *
   * @return the lease, or empty when another holder has an unexpired one
   */
  Optional<Lease> acquire(String job, String holder, Duration ttl);

  /**
   * Extends a held lease to {@code ttl} from now.
   *
   * @return false when the lease was taken over by another holder (stop the work)
   */
  boolean renew(Lease lease, Duration ttl);

  /** Gives the lease up, so another node can take the job at once; no-op if it was taken over. */
  void release(Lease lease);

  /** The job's current lease, expired or not; empty when it was never taken. */
  Optional<Lease> current(String job);
}
