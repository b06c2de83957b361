/**
 * Email digests: subscriptions with double opt-in and preferences ({@link
 * dev.paperboy.core.digest.SubscriptionStore}), editions planned from arXiv's calendar ({@link
 * dev.paperboy.core.digest.EditionPlanner}), per-subscriber composition of trending papers,
 * personal picks and saved-topic alerts ({@link dev.paperboy.core.digest.DigestComposer}, {@link
 * dev.paperboy.core.digest.EditionBuilder}), and exactly-once delivery through an outbox ({@link
 * dev.paperboy.core.digest.Outbox}, drained by the {@link dev.paperboy.core.digest.DigestSender})
 * with a suppression list. The signed links of the messages are {@link
 * dev.paperboy.core.digest.DigestLinks}.
 *
 * <p>Rendering messages (templates) lives in {@code paperboy-digest}, the JDBC stores in {@code
 * paperboy-store}, the pages in {@code paperboy-web}.
 *
 * <p>Depends on the JDK and the core packages {@code paper}, {@code calendar}, {@code trending},
 * {@code search}, {@code embed}, {@code recommend}, {@code mail}, {@code security}, {@code account}
 * and {@code library} (readers' "not interested" marks and the model that honours them, shared with
 * "For you").
 */
@NullMarked
package dev.paperboy.core.digest;

import org.jspecify.annotations.NullMarked;
