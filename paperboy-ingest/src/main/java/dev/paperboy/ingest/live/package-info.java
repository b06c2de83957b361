/**
 * Keeping a running Paperboy current: {@link dev.paperboy.ingest.live.LiveSettings} says which
 * remote sources are on (all are off unless configured), and {@link
 * dev.paperboy.ingest.live.DailyIngest} runs them once (the announcement feeds, the Hugging Face
 * mirror, the incremental OAI-PMH harvest of each set), for {@code serve}'s daily schedule.
 *
 * <p>Depends on {@code core} and the source packages {@code http}, {@code harvest}, {@code rss},
 * {@code api}, {@code hf}.
 */
@NullMarked
package dev.paperboy.ingest.live;

import org.jspecify.annotations.NullMarked;
