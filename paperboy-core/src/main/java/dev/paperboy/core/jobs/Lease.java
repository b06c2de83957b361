package dev.paperboy.core.jobs;

import java.time.Instant;

/**
 * A job's lease as its holder got it.
 *
 * @param job the job's name ({@code daily-ingest})
 * @param holder who holds it: a node and process ({@code web-1:4711:3f9c})
 * @param token rises by one with every new holder (a fencing token): work that stamps it on what it
 *     writes can tell a stale holder's writes from the current one's
 * @param expiresAt when the lease lapses unless renewed
 */
public record Lease(String job, String holder, long token, Instant expiresAt) {
  public Lease {
    if (job == null || job.isBlank()) {
      throw new IllegalArgumentException("job must not be blank");
    }
    if (holder == null || holder.isBlank()) {
      throw new IllegalArgumentException("holder must not be blank, job: " + job);
    }
    if (token < 1) {
      throw new IllegalArgumentException("token must be >= 1, job: " + job + ", token: " + token);
    }
    if (expiresAt == null) {
      throw new IllegalArgumentException("expiresAt must not be null, job: " + job);
    }
  }
}
