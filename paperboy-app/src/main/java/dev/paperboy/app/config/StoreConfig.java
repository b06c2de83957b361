package dev.paperboy.app.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Where the store of record lives: an SQLite file (the default, in the data directory) or a
 * PostgreSQL database.
 *
 * @param jdbcUrl {@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://HOST:PORT/DB}
 */
public record StoreConfig(String jdbcUrl, @Nullable String user, @Nullable String password) {

  public StoreConfig {
    if (!jdbcUrl.startsWith("jdbc:sqlite:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new ConfigException(
          "store.url: expected jdbc:sqlite:FILE, jdbc:postgresql://HOST/DB or"
              + " postgres://USER:PASSWORD@HOST:PORT/DB but was '"
              + jdbcUrl
              + "'");
    }
  }

  public boolean isSqlite() {
    return jdbcUrl.startsWith("jdbc:sqlite:");
  }

  /** The SQLite file, for an SQLite store. */
  public Path sqliteFile() {
    if (!isSqlite()) {
      throw new IllegalStateException("not an SQLite store: " + jdbcUrl);
    }
    return Path.of(jdbcUrl.substring("jdbc:sqlite:".length()));
  }

  /** The embedded default: {@code paperboy.db} in the data directory. */
  public static StoreConfig sqlite(Path file) {
    return new StoreConfig("jdbc:sqlite:" + file.toAbsolutePath(), null, null);
  }

  /**
   * Parses what a user writes: a JDBC URL, or a {@code postgres://} / {@code postgresql://} URL
   * with credentials in it (as libpq and most hosting services write them).
   */
  public static StoreConfig parse(String url, @Nullable String user, @Nullable String password) {
    String u = url.strip();
    if (u.startsWith("postgres://") || u.startsWith("postgresql://")) {
      try {
        URI uri = new URI(u);
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
          int colon = userInfo.indexOf(':');
          String name = colon < 0 ? userInfo : userInfo.substring(0, colon);
          user = URLDecoder.decode(name, StandardCharsets.UTF_8);
          if (colon >= 0) {
            password = URLDecoder.decode(userInfo.substring(colon + 1), StandardCharsets.UTF_8);
          }
        }
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
          throw new ConfigException(
              "store.url: a PostgreSQL URL needs a host and a database name, e.g."
                  + " postgres://paperboy:secret@localhost:5432/paperboy, but was '"
                  + redact(u)
                  + "'");
        }
        String port = uri.getPort() > 0 ? ":" + uri.getPort() : "";
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new StoreConfig(
            "jdbc:postgresql://" + uri.getHost() + port + uri.getRawPath() + query, user, password);
      } catch (URISyntaxException e) {
        throw new ConfigException(
            "store.url: not a URL: '" + redact(u) + "' (" + e.getReason() + ")");
      }
    }
    return new StoreConfig(u, user, password);
  }

  /** The URL without a password, for messages and logs. */
  public static String redact(String url) {
    return url.replaceAll("(://[^:/@]+):[^@/]*@", "$1:***@");
  }

  @Override
  public String toString() {
    return "StoreConfig[" + redact(jdbcUrl) + (user == null ? "" : ", user=" + user) + "]";
  }
}
