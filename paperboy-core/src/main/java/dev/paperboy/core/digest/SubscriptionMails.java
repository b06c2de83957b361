package dev.paperboy.core.digest;

import dev.paperboy.core.mail.EmailAddress;
import dev.paperboy.core.mail.MessageId;
import dev.paperboy.core.mail.OutgoingMessage;
import dev.paperboy.core.security.Secrets;
import java.net.URI;
import java.time.Duration;

/**
 * The two mails the subscribe form sends, plain text: the confirmation of a new subscription
 * (double opt-in: nothing else goes to the address before its link is used) and, for an address
 * already subscribed, a note with its preferences link. The form's answer is the same either way,
 * so it does not tell who is subscribed; only the address's owner sees the difference.
 */
public final class SubscriptionMails {
  private final EmailAddress from;
  private final String siteName;
  private final String siteUrl;

  public SubscriptionMails(EmailAddress from, String siteName, String siteUrl) {
    this.from = from;
    this.siteName = siteName;
    this.siteUrl = siteUrl;
  }

  /** The confirmation mail with its expiring link. */
  public OutgoingMessage confirmation(EmailAddress to, URI confirmLink, Duration ttl) {
    return message(
        to,
        "Confirm your " + siteName + " digest subscription",
        "Hello,\n\n"
            + "Someone, probably you, asked for "
            + siteName
            + "'s email digest of new research papers ("
            + siteUrl
            + ") to be sent to this address.\n\n"
            + "To confirm, open this link within "
            + human(ttl)
            + ":\n\n"
            + confirmLink
            + "\n\n"
            + "If you did not ask for it, ignore this mail: without the link nothing more is sent"
            + " to you.\n");
  }

  /** The note to an address that is already subscribed, with its preferences link. */
  public OutgoingMessage alreadySubscribed(EmailAddress to, URI preferencesLink) {
    return message(
        to,
        "You are already subscribed to " + siteName + "'s digest",
        "Hello,\n\n"
            + "Someone, probably you, asked for "
            + siteName
            + "'s email digest to be sent to this address. It already is.\n\n"
            + "To change what you get, pause it or unsubscribe, use this link:\n\n"
            + preferencesLink
            + "\n\n"
            + "If you did not ask, ignore this mail: nothing changes.\n");
  }

  private OutgoingMessage message(EmailAddress to, String subject, String text) {
    return OutgoingMessage.builder()
        .messageId(new MessageId("subscribe." + Secrets.newId() + "@" + from.domain()))
        .from(from)
        .fromName(siteName)
        .to(to)
        .subject(subject)
        .text(text)
        .build();
  }

  private static String human(Duration d) {
    long h = d.toHours();
    if (h >= 48 && h % 24 == 0) {
      return (h / 24) + " days";
    }
    return h >= 1 ? h + " hours" : d.toMinutes() + " minutes";
  }
}
