/**
 * Measuring search quality: relevance judgments ({@link dev.paperboy.core.eval.Qrels}) and the
 * ranking metrics the BEIR benchmark reports ({@link dev.paperboy.core.eval.Metrics}), as pure
 * functions over ranked document ids so they can be checked by hand.
 *
 * <p>Depends on the JDK only.
 */
@NullMarked
package dev.paperboy.core.eval;

import org.jspecify.annotations.NullMarked;
