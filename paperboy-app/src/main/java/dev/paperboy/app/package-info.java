/**
 * The application: the CLI, configuration, and the wiring of concrete adapters to the core's ports.
 * The only module that knows every other one.
 */
@NullMarked
package dev.paperboy.app;

import org.jspecify.annotations.NullMarked;
