/**
 * View models: the immutable records the jte templates render, built from the store's records by
 * {@link dev.paperboy.web.view.Cards} and the page handlers. Values are plain text; the templates
 * escape every one of them. URLs from the data are kept only when they are http(s).
 *
 * <p>Depends on {@code paperboy-core} only.
 */
@NullMarked
package dev.paperboy.web.view;

import org.jspecify.annotations.NullMarked;
