package dev.paperboy.core.testing;

import dev.paperboy.core.mail.EmailAddress;
import dev.paperboy.core.mail.FailureKind;
import dev.paperboy.core.mail.MailException;
import dev.paperboy.core.mail.Mailer;
import dev.paperboy.core.mail.OutgoingMessage;
import dev.paperboy.core.mail.SendReceipt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Mailer} that keeps what it is given, and fails for the addresses a test names
 * (optionally only a number of times).
 */
public final class RecordingMailer implements Mailer {
  private final List<OutgoingMessage> sent = new ArrayList<>();
  private final List<OutgoingMessage> attempts = new ArrayList<>();
  private final Map<String, FailureKind> failures = new ConcurrentHashMap<>();
  private final Map<String, Integer> failuresLeft = new ConcurrentHashMap<>();
  private volatile @Nullable Function<OutgoingMessage, @Nullable FailureKind> rule;

  /** Every send to {@code to} fails with {@code kind}. */
  public RecordingMailer failFor(String to, FailureKind kind) {
    failures.put(to, kind);
    return this;
  }

  /** The next {@code times} sends to {@code to} fail with {@code kind}, then it works. */
  public RecordingMailer failFor(String to, FailureKind kind, int times) {
    failures.put(to, kind);
    failuresLeft.put(to, times);
    return this;
  }

  /** Every send fails with what {@code rule} returns (null: it works). */
  public RecordingMailer failWhen(Function<OutgoingMessage, @Nullable FailureKind> rule) {
    this.rule = rule;
    return this;
  }

  @Override
  public SendReceipt send(OutgoingMessage message) throws MailException {
    synchronized (this) {
      attempts.add(message);
    }
    String to = message.to().value();
    FailureKind kind = failures.get(to);
    if (kind != null) {
      Integer left = failuresLeft.get(to);
      if (left == null || left > 0) {
        if (left != null) {
          failuresLeft.put(to, left - 1);
        }
        throw new MailException(kind, code(kind), "fake " + kind + " for " + to, null);
      }
    }
    Function<OutgoingMessage, @Nullable FailureKind> r = rule;
    FailureKind k = r == null ? null : r.apply(message);
    if (k != null) {
      throw new MailException(k, code(k), "fake " + k + " for " + to, null);
    }
    synchronized (this) {
      sent.add(message);
    }
    return new SendReceipt(message.messageId(), "250 ok", false);
  }

  private static int code(FailureKind k) {
    return switch (k) {
      case TEMPORARY -> 451;
      case BAD_RECIPIENT -> 550;
      case MESSAGE_REFUSED -> 554;
      case MISCONFIGURED -> 535;
    };
  }

  /** Messages accepted, in order. */
  public synchronized List<OutgoingMessage> sent() {
    return List.copyOf(sent);
  }

  /** Every call of {@link #send}, failed or not. */
  public synchronized List<OutgoingMessage> attempts() {
    return List.copyOf(attempts);
  }

  public synchronized List<OutgoingMessage> sentTo(EmailAddress to) {
    return sent.stream().filter(m -> m.to().equals(to)).toList();
  }

  @Override
  public String describe() {
    return "recording mailer";
  }

  @Override
  public void close() {}
}
