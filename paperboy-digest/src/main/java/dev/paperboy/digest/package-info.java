/**
 * Digest messages and scheduling: {@link dev.paperboy.digest.DigestMessages} renders a delivery of
 * the outbox as a multipart text and HTML message from the jte templates in {@code src/main/jte}
 * ({@code html/} with HTML escaping, {@code text/} without), and {@link
 * dev.paperboy.digest.DigestScheduler} builds and sends editions on arXiv's calendar.
 *
 * <p>Depends on {@code paperboy-core} (its ports and the digest rules), the jte runtime and slf4j;
 * never on other adapters: the app wires the store, the index and the mailer in.
 */
@NullMarked
package dev.paperboy.digest;

import org.jspecify.annotations.NullMarked;
