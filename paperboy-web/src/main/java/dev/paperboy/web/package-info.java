/**
 * The web front end: the site's pages (jte templates, precompiled), the JSON API that follows the
 * Hugging Face papers API, RSS/Atom feeds, and operations endpoints ({@code /health}, {@code
 * /metrics}). {@link dev.paperboy.web.WebServer} is the entry point.
 *
 * <p>Depends on {@code paperboy-core} (its ports {@link dev.paperboy.core.paper.PaperStore} and
 * {@link dev.paperboy.core.search.SearchIndex}), Javalin, jte, Jackson, Rome and Micrometer. It
 * never knows the concrete store or index: {@code paperboy-app} wires them.
 */
@NullMarked
package dev.paperboy.web;

import org.jspecify.annotations.NullMarked;
