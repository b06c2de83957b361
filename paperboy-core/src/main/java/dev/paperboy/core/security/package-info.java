/**
 * The security foundation the community features stand on: signed, expiring tokens ({@link
 * dev.paperboy.core.security.SignedTokens}) with their key kept in the store ({@link
 * dev.paperboy.core.security.SecretStore}), random secrets and their hashes ({@link
 * dev.paperboy.core.security.Secrets}), rate limits whose counters live in the store ({@link
 * dev.paperboy.core.security.RateLimiter}), and roles ({@link dev.paperboy.core.security.Role}).
 *
 * <p>Everything that several app nodes must agree on (the signing key, rate counters) is kept in
 * the store behind a port, never in one process's memory. Time comes from an injected {@link
 * java.time.Clock}.
 *
 * <p>Depends on the JDK only.
 */
@NullMarked
package dev.paperboy.core.security;

import org.jspecify.annotations.NullMarked;
