/**
 * What the community does with papers: upvotes ({@link dev.paperboy.core.community.VoteStore}),
 * submissions to a day's list ({@link dev.paperboy.core.community.SubmissionRules}), comments and
 * moderation. Records, ports and the pure rules sit together here; the JDBC store implements the
 * ports.
 *
 * <p>Upvote totals: an imported list entry carries the count its source reported (the baseline,
 * {@link dev.paperboy.core.paper.DailyEntry#upvotes()} as written); votes cast on this Paperboy are
 * kept one row per user and paper, and every count a reader sees (lists, their order, trending, the
 * API's {@code upvotes}) is baseline + local votes, which the store adds when it reads.
 *
 * <p>Depends on the JDK, {@code core.paper} and {@code core.account}.
 */
@NullMarked
package dev.paperboy.core.community;

import org.jspecify.annotations.NullMarked;
