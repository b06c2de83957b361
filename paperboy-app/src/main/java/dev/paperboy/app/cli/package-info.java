/**
 * The command line: one picocli command per class, each a thin layer that parses options, calls
 * core logic through {@link dev.paperboy.app.AppContext}, and prints results. Progress and errors
 * go to standard error; results to standard output.
 */
@NullMarked
package dev.paperboy.app.cli;

import org.jspecify.annotations.NullMarked;
