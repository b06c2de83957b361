package dev.paperboy.web;

import dev.paperboy.core.calendar.ArxivCalendar;
import dev.paperboy.core.search.SearchMode;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How the web server runs.
 *
 * @param host the address to listen on ({@code 127.0.0.1} by default: only this machine)
 * @param port the port, 0 for any free one (tests)
 * @param publicUrl the URL readers reach the site at, used for absolute links in feeds; null means
 *     {@code http://host:port}
 * @param searchModes the search modes the wired index can answer; the first is the default. The
 *     search page and API explain when a reader asks for another one
 * @param calendar arXiv's announcement calendar, to explain days without a list
 * @param pageSize papers per page on lists and search results
 * @param shutdownGrace how long a stop waits for requests in flight
 */
public record WebConfig(
    String host,
    int port,
    @Nullable URI publicUrl,
    Set<SearchMode> searchModes,
    ArxivCalendar calendar,
    int pageSize,
    Duration shutdownGrace) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 7070;

  public WebConfig {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank, host: '" + host + "'");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, port: " + port);
    }
    if (publicUrl != null
        && !("http".equals(publicUrl.getScheme()) || "https".equals(publicUrl.getScheme()))) {
      throw new IllegalArgumentException(
          "publicUrl must be an http(s) URL, publicUrl: " + publicUrl);
    }
    if (searchModes == null || searchModes.isEmpty()) {
      throw new IllegalArgumentException("searchModes must name at least one mode");
    }
    // Keep the caller's order (the first is the default) but refuse duplicates and nulls.
    searchModes = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(searchModes));
    if (calendar == null) {
      throw new IllegalArgumentException("calendar must not be null");
    }
    if (pageSize < 1 || pageSize > 100) {
      throw new IllegalArgumentException(
          "pageSize must be between 1 and 100, pageSize: " + pageSize);
    }
    if (shutdownGrace == null || shutdownGrace.isNegative()) {
      throw new IllegalArgumentException(
          "shutdownGrace must be >= 0, shutdownGrace: " + shutdownGrace);
    }
  }

  /** 127.0.0.1:7070, keyword search only, the standard arXiv calendar, 50 papers a page. */
  public static WebConfig defaults() {
    return new WebConfig(
        DEFAULT_HOST,
        DEFAULT_PORT,
        null,
        EnumSet.of(SearchMode.BM25),
        ArxivCalendar.standard(),
        50,
        Duration.ofSeconds(10));
  }

  public WebConfig withHost(String h) {
    return new WebConfig(h, port, publicUrl, searchModes, calendar, pageSize, shutdownGrace);
  }

  public WebConfig withPort(int p) {
    return new WebConfig(host, p, publicUrl, searchModes, calendar, pageSize, shutdownGrace);
  }

  public WebConfig withPublicUrl(@Nullable URI url) {
    return new WebConfig(host, port, url, searchModes, calendar, pageSize, shutdownGrace);
  }

  public WebConfig withSearchModes(Set<SearchMode> modes) {
    return new WebConfig(host, port, publicUrl, modes, calendar, pageSize, shutdownGrace);
  }

  public WebConfig withCalendar(ArxivCalendar c) {
    return new WebConfig(host, port, publicUrl, searchModes, c, pageSize, shutdownGrace);
  }

  public WebConfig withPageSize(int n) {
    return new WebConfig(host, port, publicUrl, searchModes, calendar, n, shutdownGrace);
  }

  public WebConfig withShutdownGrace(Duration d) {
    return new WebConfig(host, port, publicUrl, searchModes, calendar, pageSize, d);
  }

  /** The default search mode: the first of {@link #searchModes}. */
  public SearchMode defaultSearchMode() {
    return searchModes.iterator().next();
  }
}
