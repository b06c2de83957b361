/**
 * The {@link dev.paperboy.core.search.SearchIndex} port on Apache SolrCloud, for deployments that
 * outgrow one machine: {@link dev.paperboy.search.solr.SolrSearchIndex} (BM25, k-NN, hybrid fusion,
 * filters, highlighting, similar papers), the configset the project owns ({@link
 * dev.paperboy.search.solr.SolrConfigset}, uploaded with its collection by {@link
 * dev.paperboy.search.solr.SolrAdmin}), and the nodes it talks to ({@link
 * dev.paperboy.search.solr.SolrNodes}).
 *
 * <p>Talks HTTP to any node of the cluster through SolrJ's JDK client ({@code HttpJdkSolrClient}):
 * SolrCloud routes a query to every shard and an update to its shard leader from whichever node
 * receives it, so the client needs neither ZooKeeper nor Jetty, whose version 10 would clash with
 * the web server's Jetty 12 in one process.
 *
 * <p>Depends on {@code paperboy-core} and SolrJ only.
 */
@NullMarked
package dev.paperboy.search.solr;

import org.jspecify.annotations.NullMarked;
