/**
 * The store of record on JDBC: {@link dev.paperboy.store.Database} (a connection pool on SQLite or
 * PostgreSQL, Flyway migrations from {@code db/migration}, the transaction helpers every store
 * uses) and {@link dev.paperboy.store.JdbcPaperStore}, the {@code PaperStore} port on it. What
 * differs between the two databases is in {@link dev.paperboy.store.Dialect} and nowhere else.
 *
 * <p>Depends on {@code paperboy-core}, the JDBC drivers (sqlite-jdbc, PostgreSQL), Flyway, HikariCP
 * and jackson-core; never on other adapters.
 */
@NullMarked
package dev.paperboy.store;

import org.jspecify.annotations.NullMarked;
