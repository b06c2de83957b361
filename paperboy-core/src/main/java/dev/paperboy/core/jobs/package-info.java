/**
 * Jobs that must run on one node at a time when several app nodes share a store: the {@link
 * dev.paperboy.core.jobs.Leases} port (a lease row per job in the store, with an expiry, so a dead
 * node's lease lapses) and {@link dev.paperboy.core.jobs.ExclusiveRunner}, which runs work only
 * while it holds the job's lease and keeps renewing it.
 *
 * <p>Depends on the JDK only.
 */
@NullMarked
package dev.paperboy.core.jobs;

import org.jspecify.annotations.NullMarked;
