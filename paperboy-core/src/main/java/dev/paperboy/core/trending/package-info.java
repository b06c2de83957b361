/**
 * What is trending: the score that ranks day-list entries by upvotes with time decay ({@link
 * dev.paperboy.core.trending.TrendingScore}) and the windows a reader can pick ({@link
 * dev.paperboy.core.trending.TrendingWindow}).
 *
 * <p>Pure functions of their arguments (time is passed in). Depends on the JDK and {@code
 * core.paper} only.
 */
@NullMarked
package dev.paperboy.core.trending;

import org.jspecify.annotations.NullMarked;
