/**
 * arXiv's announcement calendar as a pure function of time: on which days (UTC) new listings appear
 * and why a day has none, when each announcement happens (20:00 US Eastern), which submission
 * deadline (14:00 US Eastern) feeds which list, and the holidays given as data. The daily pages use
 * it to explain an empty day, the digests and the daily ingest schedule to know when a new list
 * exists.
 *
 * <p>Depends on the JDK only.
 */
@NullMarked
package dev.paperboy.core.calendar;

import org.jspecify.annotations.NullMarked;
