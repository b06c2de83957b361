/**
 * Accounts: users ({@link dev.paperboy.core.account.User}) with their roles, server-side sessions
 * ({@link dev.paperboy.core.account.Sessions} over the {@link
 * dev.paperboy.core.account.SessionStore} port), and the {@link
 * dev.paperboy.core.account.UserStore} port.
 *
 * <p>Sessions live in the store, so any app node can serve any request. The store keeps only hashes
 * of session ids ({@link dev.paperboy.core.security.Secrets#hash}).
 *
 * <p>Depends on the JDK, {@code core.mail} (addresses) and {@code core.security}.
 */
@NullMarked
package dev.paperboy.core.account;

import org.jspecify.annotations.NullMarked;
