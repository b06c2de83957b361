/**
 * A reader's library (issue 9): saved papers with a reading state and a private note, named
 * collections (private or public, ordered, a note per paper), followed authors and categories, and
 * the feedback that shapes the "For you" list ("not interested", "reset my profile"). The {@link
 * dev.paperboy.core.library.LibraryStore} port is implemented in {@code paperboy-store};
 * recommendations themselves come from {@code core.recommend}, which this package feeds with saved
 * papers ({@link dev.paperboy.core.library.ProfileLikes}) and negative feedback ({@link
 * dev.paperboy.core.library.NotInterestedModel}).
 *
 * <p>Depends on the JDK, {@code core.paper}, {@code core.account}, {@code core.embed}, {@code
 * core.recommend} and {@code core.community} (upvotes are likes too).
 */
@NullMarked
package dev.paperboy.core.library;

import org.jspecify.annotations.NullMarked;
