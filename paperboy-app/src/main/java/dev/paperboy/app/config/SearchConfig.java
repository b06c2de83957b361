package dev.paperboy.app.config;

import java.nio.file.Path;

/**
 * The search index: the embedded Lucene index in the data directory (default).
 *
 * @param indexDir where the Lucene index lives
 */
public record SearchConfig(Path indexDir) {}
