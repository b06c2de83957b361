/** Placeholder until the module's first class lands. */
@NullMarked
package dev.paperboy.store;

import org.jspecify.annotations.NullMarked;
