/**
 * arXiv's announcement calendar: on which days (UTC) new listings appear, and why a day has none.
 * The daily pages use it to explain an empty day; a later issue extends it to the full schedule
 * (deadlines, holiday lists).
 *
 * <p>Depends on the JDK only.
 */
@NullMarked
package dev.paperboy.core.calendar;

import org.jspecify.annotations.NullMarked;
