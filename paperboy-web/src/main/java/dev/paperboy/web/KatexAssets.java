package dev.paperboy.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Where the KaTeX web jar ({@code org.webjars.npm:katex}, pinned in the parent pom) is served from:
 * {@code /static/katex/<version>/}, the jar's folder for the package, whose {@code dist/} holds the
 * browser files (CSS, fonts, script). The jar has no entry for {@code dist/} itself, and Javalin
 * serves only folders that have one. The version is in the path, so the files may be cached for a
 * year as immutable: a new KaTeX comes with a new path.
 *
 * <p>The version is read from the jar's own {@code pom.properties}, so bumping the dependency needs
 * no change here.
 */
public final class KatexAssets {
  private static final String POM_PROPERTIES =
      "/META-INF/maven/org.webjars.npm/katex/pom.properties";

  /** The KaTeX version on the classpath, e.g. {@code 0.16.47}. */
  public static final String VERSION = readVersion();

  /** The URL path the files are served under, without a trailing slash. */
  public static final String PATH = "/static/katex/" + VERSION;

  /** The classpath folder served under {@link #PATH}. */
  static final String DIRECTORY = "/META-INF/resources/webjars/katex/" + VERSION;

  private KatexAssets() {}

  /** The stylesheet's URL path. */
  public static String stylesheet() {
    return PATH + "/dist/katex.min.css";
  }

  /** The script's URL path. */
  public static String script() {
    return PATH + "/dist/katex.min.js";
  }

  private static String readVersion() {
    try (InputStream in = KatexAssets.class.getResourceAsStream(POM_PROPERTIES)) {
      if (in == null) {
        throw new IllegalStateException(
            POM_PROPERTIES + ": not on the classpath (the org.webjars.npm:katex jar is missing)");
      }
      Properties p = new Properties();
      p.load(in);
      String version = p.getProperty("version");
      if (version == null || !version.matches("[0-9A-Za-z.\\-]+")) {
        throw new IllegalStateException(
            POM_PROPERTIES + ": version is missing or not a plain version: " + version);
      }
      return version;
    } catch (IOException e) {
      throw new UncheckedIOException(POM_PROPERTIES + ": cannot be read", e);
    }
  }
}
