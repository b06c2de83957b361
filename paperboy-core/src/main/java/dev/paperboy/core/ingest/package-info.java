/**
 * Bringing papers in: the {@link dev.paperboy.core.ingest.PaperSource} port that every format
 * reader implements, the records it emits, and rejections that say where and why.
 *
 * <p>Depends on the JDK and {@code core.paper} only.
 */
@NullMarked
package dev.paperboy.core.ingest;

import org.jspecify.annotations.NullMarked;
