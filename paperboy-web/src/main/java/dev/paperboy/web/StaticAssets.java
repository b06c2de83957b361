package dev.paperboy.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The site's own stylesheet, scripts and icon under {@code /static/}, linked with a version taken
 * from their content: {@code /static/site.css?v=<first 10 hex digits of its SHA-256>}. A request
 * with the current version may be cached for a year as immutable (RFC 8246), since a new file comes
 * with a new link; one without a version, or with an old one (a page cached before an upgrade),
 * still gets the file, with a short cache, so nobody keeps an old stylesheet or an old math.js next
 * to new HTML for long. The same shape as {@link KatexAssets}, whose version is in the path because
 * the jar names it; here the content is the version.
 *
 * <p>The versions are computed once, when the class loads, from the classpath resources that the
 * server serves.
 */
public final class StaticAssets {
  /** The URL path the files are served under. */
  static final String PATH = "/static";

  /** The classpath folder served under {@link #PATH}. */
  static final String DIRECTORY = "/dev/paperboy/web/static";

  /**
   * A year, and {@code immutable} (RFC 8246), for a file whose address changes whenever it does: a
   * request with the current version here, and every KaTeX file ({@link KatexAssets}).
   */
  static final String IMMUTABLE = "public, max-age=31536000, immutable";

  /** For a request without the current version: five minutes, as the API's lists. */
  static final String SHORT = "public, max-age=300";

  private static final Map<String, String> VERSIONS =
      versions("site.css", "app.js", "math.js", "favicon.svg");

  private StaticAssets() {}

  /**
   * The versioned URL path of one of the site's files, e.g. {@code /static/site.css?v=3f2a9c01bd}.
   *
   * @throws IllegalArgumentException for a name that is not one of the versioned files
   */
  public static String url(String name) {
    return PATH + "/" + name + "?v=" + version(name);
  }

  /** The current version of a file (10 hex digits). */
  static String version(String name) {
    String v = VERSIONS.get(name);
    if (v == null) {
      throw new IllegalArgumentException(
          "name: not a versioned static file: " + name + " (known: " + VERSIONS.keySet() + ")");
    }
    return v;
  }

  /**
   * Sets each versioned file's Cache-Control before the static file handler serves it (the handler
   * keeps headers already set).
   */
  static void register(RoutesConfig routes) {
    for (String name : VERSIONS.keySet()) {
      String current = VERSIONS.get(name);
      routes.before(PATH + "/" + name, ctx -> cache(ctx, current));
    }
  }

  private static void cache(Context ctx, String current) {
    ctx.header("Cache-Control", current.equals(ctx.queryParam("v")) ? IMMUTABLE : SHORT);
  }

  private static Map<String, String> versions(String... names) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : names) {
      out.put(name, hash(DIRECTORY + "/" + name));
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  private static String hash(String resource) {
    try (InputStream in = StaticAssets.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + ": not on the classpath");
      }
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
      return HexFormat.of().formatHex(digest).substring(0, 10);
    } catch (IOException e) {
      throw new UncheckedIOException(resource + ": cannot be read", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
