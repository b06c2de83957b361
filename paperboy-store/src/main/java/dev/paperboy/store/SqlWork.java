package dev.paperboy.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work done with a connection inside {@link Database#inTransaction} or {@link Database#read}. It
 * may throw {@link SQLException}; the database rolls back and rethrows it as a {@link
 * StoreException}.
 */
@FunctionalInterface
public interface SqlWork<T> {
  T run(Connection conn) throws SQLException;
}
