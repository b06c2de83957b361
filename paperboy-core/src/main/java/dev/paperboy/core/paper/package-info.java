/**
 * Papers and daily lists: the records ({@link dev.paperboy.core.paper.Paper}, {@link
 * dev.paperboy.core.paper.ArxivId}, {@link dev.paperboy.core.paper.DailyEntry}), the rules that
 * combine them ({@link dev.paperboy.core.paper.PaperMerge}, {@link dev.paperboy.core.paper.Text})
 * and the port to the store of record ({@link dev.paperboy.core.paper.PaperStore}).
 *
 * <p>Depends on the JDK only.
 */
@NullMarked
package dev.paperboy.core.paper;

import org.jspecify.annotations.NullMarked;
