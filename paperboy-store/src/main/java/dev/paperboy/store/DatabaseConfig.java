package dev.paperboy.store;

import org.jspecify.annotations.Nullable;

/**
 * Where the store lives: a JDBC URL ({@code jdbc:sqlite:/path/paperboy.db} or {@code
 * jdbc:postgresql://host:5432/paperboy}), credentials for PostgreSQL, and how many connections to
 * keep.
 *
 * @param maxPoolSize connections to PostgreSQL, or reader connections to SQLite (which adds one
 *     writer connection of its own)
 */
public record DatabaseConfig(
    String url, @Nullable String user, @Nullable String password, int maxPoolSize) {

  /** Enough for a web server's request threads and a background job on a small machine. */
  public static final int DEFAULT_POOL_SIZE = 8;

  public DatabaseConfig {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("database url must not be blank");
    }
    Dialect.ofUrl(url); // rejects URLs of other databases, naming the URL
    if (maxPoolSize < 1) {
      throw new IllegalArgumentException("maxPoolSize must be >= 1, maxPoolSize: " + maxPoolSize);
    }
  }

  public DatabaseConfig(String url, @Nullable String user, @Nullable String password) {
    this(url, user, password, DEFAULT_POOL_SIZE);
  }

  public Dialect dialect() {
    return Dialect.ofUrl(url);
  }

  /** Hides the password, for logs and messages. */
  @Override
  public String toString() {
    return "DatabaseConfig[url="
        + url
        + ", user="
        + user
        + ", password="
        + (password == null ? "null" : "***")
        + ", maxPoolSize="
        + maxPoolSize
        + "]";
  }
}
