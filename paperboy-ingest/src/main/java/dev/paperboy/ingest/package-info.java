/** Placeholder until the module's first class lands. */
@NullMarked
package dev.paperboy.ingest;

import org.jspecify.annotations.NullMarked;
