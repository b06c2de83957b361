/** Placeholder until the module's first class lands. */
@NullMarked
package dev.paperboy.search;

import org.jspecify.annotations.NullMarked;
