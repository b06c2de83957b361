package dev.paperboy.core.digest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The outbox: one row per subscriber per edition ({@link Delivery}), and the claims through which
 * senders on any number of nodes drain it.
 *
 * <h2>The state machine</h2>
 *
 * <pre>
 *   (composed) --enqueue--> QUEUED --claim--> SENDING --sent--> SENT
 *                             ^  ^               |  |--fail---> FAILED  (+ suppression)
 *                             |  '----retry------'  |
 *                             '------release--------'   (and: claim runs out -> taken over)
 *   claim also moves a row whose subscriber left, paused or is suppressed to SKIPPED
 * </pre>
 *
 * <ul>
 *   <li><b>One row, one message.</b> The row's key is (edition, subscription), inserted only if
 *       absent, with its content and its {@link Delivery#messageIdFor Message-ID} fixed at that
 *       moment: composing an edition again (after a crash) adds no row and changes none, and every
 *       attempt sends the same content under the same id.
 *   <li><b>Claims are exclusive.</b> {@link #claim} takes due rows (queued and due, or sending with
 *       a claim that ran out) and marks them SENDING with a fresh token and an end time, in one
 *       transaction that locks them: {@code SELECT ... FOR UPDATE SKIP LOCKED} on PostgreSQL
 *       (concurrent claimers skip each other's rows instead of waiting), the database's single
 *       writer on SQLite ({@code BEGIN IMMEDIATE}). So no two senders hold a row at once.
 *   <li><b>Only the holder records.</b> {@link #sent}, {@link #retry}, {@link #fail}, {@link
 *       #release} and {@link #renew} change a row only while it is SENDING with the caller's token;
 *       they return false otherwise (the claim ran out and another sender took over).
 *   <li><b>Recorded right after the mail system answers.</b> The sender calls {@link #sent} as soon
 *       as {@code Mailer.send} returns, one message at a time, and renews its claim before it could
 *       run out during a send. A process killed at any point leaves each row QUEUED, SENDING or
 *       done; SENDING rows are taken over once their claim runs out. So every subscriber's row is
 *       eventually sent (or failed for good), none is skipped, and the only message that can be
 *       handed to the mail system twice is one in flight at the kill (at most one per sending
 *       thread), with the same Message-ID and content.
 * </ul>
 */
public interface Outbox {

  /**
   * Claims up to {@code max} due deliveries for {@code owner} until {@code now + lease}: queued
   * ones due by {@code now}, oldest due first, and sending ones whose claim ran out. Each claim
   * counts one attempt. Rows of subscribers who are no longer active, are paused, or whose address
   * is suppressed become {@link DeliveryStatus#SKIPPED} instead.
   *
   * @param owner names the claiming process in the row, for operators ({@code host:pid})
   */
  List<Claim> claim(String owner, Instant now, Duration lease, int max);

  /** Records that the mail system accepted the message. False when the claim was lost. */
  boolean sent(Claim claim, Instant at);

  /**
   * Puts the delivery back in the queue until {@code dueAt} after a temporary failure. False when
   * the claim was lost.
   */
  boolean retry(Claim claim, Instant dueAt, String error);

  /**
   * Records a permanent failure; with {@code suppress}, also puts the address on the suppression
   * list, in the same transaction. False when the claim was lost.
   */
  boolean fail(Claim claim, Instant at, String error, boolean suppress);

  /**
   * Gives claims back untried (the sender stops): they are queued and due at {@code now} again,
   * without counting the attempt. Returns how many were still held.
   */
  int release(List<Claim> claims, Instant now);

  /**
   * Extends still-held claims to {@code until}; returns the claims renewed (those not returned were
   * lost and must not be sent).
   */
  List<Claim> renew(List<Claim> claims, Instant until);

  /** Delivery counts of one edition, or of the whole outbox when {@code edition} is null. */
  OutboxCounts counts(@Nullable EditionId edition);

  /** The deliveries of an edition that failed for good, newest first, at most {@code limit}. */
  List<Delivery> failures(@Nullable EditionId edition, int limit);
}
