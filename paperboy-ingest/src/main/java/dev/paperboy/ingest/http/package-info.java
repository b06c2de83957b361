/**
 * The one HTTP client for every remote source (OAI-PMH, the announcement feed, the arXiv API, a
 * Hugging Face mirror): {@link dev.paperboy.ingest.http.HttpFetcher} on {@code java.net.http} with
 * connect and read timeouts, a descriptive User-Agent with a contact, gzip, redirects followed only
 * within the same host, and retries with exponential backoff and jitter that honour {@code
 * Retry-After}.
 *
 * <p>Depends on the JDK only.
 */
@NullMarked
package dev.paperboy.ingest.http;

import org.jspecify.annotations.NullMarked;
