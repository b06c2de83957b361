package dev.paperboy.core.mail;

/**
 * What a failed send means for the sender: retry, give up on the address, give up on the message,
 * or stop until an operator fixes the setup.
 *
 * <p>SMTP reply codes (RFC 5321 section 4.2.1) say whether a failure is transient (4yz) or
 * permanent (5yz). Permanent is not enough for a mailing list, though: a 550 to {@code RCPT TO}
 * means the address is bad, but a 535 to {@code AUTH} means our password is, and suppressing the
 * recipient for it would suppress every subscriber. So the permanent failures are split by whose
 * fault they are. How {@code paperboy-mail} maps replies and exceptions (the stage is the SMTP
 * command that was answered):
 *
 * <table>
 *   <caption>How SMTP failures are classified (first matching row wins)</caption>
 *   <tr><th>failure</th><th>kind</th></tr>
 *   <tr><td>connection refused, connect or read timeout, connection lost or closed before the
 *       final reply, unknown host, any other I/O error without a reply</td><td>TEMPORARY</td></tr>
 *   <tr><td>any 4yz reply at any stage (421 closing, 450/451/452, 454 AUTH later)</td>
 *       <td>TEMPORARY</td></tr>
 *   <tr><td>enhanced status X.2.2 "mailbox full" (RFC 3463) at any stage, and 552 to RCPT TO
 *       (RFC 5321 section 4.5.3.1.10 says to treat it as 452)</td><td>TEMPORARY</td></tr>
 *   <tr><td>STARTTLS required but not offered; TLS handshake failed (untrusted certificate,
 *       wrong host name, TLS spoken to a plain port)</td><td>MISCONFIGURED</td></tr>
 *   <tr><td>5yz greeting (554 no service) or EHLO/HELO reply; 5yz to AUTH (535 bad
 *       credentials, 534, 538)</td><td>MISCONFIGURED</td></tr>
 *   <tr><td>5yz to MAIL FROM: our envelope sender is refused (but 552 there: the message is too
 *       big, MESSAGE_REFUSED)</td><td>MISCONFIGURED</td></tr>
 *   <tr><td>5yz to RCPT TO that says relaying is denied or has enhanced status 5.5.x
 *       (protocol); 5yz to RCPT TO or after DATA that is 500, 502, 503, 504, 530 or 535
 *       (protocol, authentication) or has enhanced status 5.1.7/5.1.8 (our sender's address or
 *       domain)</td><td>MISCONFIGURED</td></tr>
 *   <tr><td>5yz to RCPT TO with enhanced status 5.1.x (5.1.1 no such user, 5.1.2 bad domain,
 *       5.1.10 null MX) or 5.2.1 (mailbox disabled); without an enhanced status: 550, 551,
 *       553</td><td>BAD_RECIPIENT</td></tr>
 *   <tr><td>5yz after DATA with enhanced status 5.1.1, 5.1.2, 5.1.3, 5.1.6, 5.1.10 or 5.2.1
 *       (the message has one recipient, so this is about that recipient)</td>
 *       <td>BAD_RECIPIENT</td></tr>
 *   <tr><td>any other 5yz to RCPT TO (5.7.x policy such as "sender blocked", 554 without
 *       detail) or after DATA (554 5.7.1 spam, 552 5.3.4 too big, DMARC)</td>
 *       <td>MESSAGE_REFUSED</td></tr>
 *   <tr><td>anything not recognised</td><td>TEMPORARY (retried, so nothing is lost; the
 *       sender gives up after its maximum number of attempts)</td></tr>
 * </table>
 *
 * <p>Only clear signals suppress an address: a bare 554 to RCPT TO does not. A sender should still
 * stop and alert when many consecutive messages come back BAD_RECIPIENT, which would rather mean
 * that a relay misreports its own trouble.
 */
public enum FailureKind {
  /** Try this message again later, with backoff (the same Message-ID). */
  TEMPORARY,
  /** The recipient's address does not work: never retry it; put it on the suppression list. */
  BAD_RECIPIENT,
  /** This message was refused as it is: do not retry it, but keep the recipient. */
  MESSAGE_REFUSED,
  /**
   * Our own setup is refused (credentials, sender address, TLS, relaying): every message would fail
   * the same way. Stop sending, keep the messages queued, and tell the operator; neither the
   * message nor the recipient is at fault.
   */
  MISCONFIGURED;

  /** True for the kinds that a retry of the same message will not fix. */
  public boolean isPermanent() {
    return this != TEMPORARY;
  }

  /** True when the recipient's address should go on the suppression list. */
  public boolean suppressesRecipient() {
    return this == BAD_RECIPIENT;
  }
}
