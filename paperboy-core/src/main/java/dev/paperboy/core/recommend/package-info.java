/**
 * Personal recommendations: the papers a reader likes ({@link
 * dev.paperboy.core.recommend.LikedPapers}, the port upvotes and saved papers plug into), models
 * that learn a taste from them ({@link dev.paperboy.core.recommend.TasteModel}: the mean embedding,
 * Rocchio, nearest liked paper, logistic regression), and the {@link
 * dev.paperboy.core.recommend.Recommender} that ranks new papers and says why each was picked. The
 * digest's personal picks and the site's "For you" list use the same recommender.
 *
 * <p>Pure functions of their arguments. Depends on the JDK, {@code core.paper}, {@code core.embed}
 * (vector arithmetic) and {@code core.account} (user ids).
 */
@NullMarked
package dev.paperboy.core.recommend;

import org.jspecify.annotations.NullMarked;
