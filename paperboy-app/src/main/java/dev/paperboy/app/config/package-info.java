/**
 * Configuration as a value: {@link dev.paperboy.app.config.Config} is one immutable tree of records
 * read once from a properties file, the environment and flags, then passed to constructors. No
 * static mutable state.
 */
@NullMarked
package dev.paperboy.app.config;

import org.jspecify.annotations.NullMarked;
