package dev.paperboy.ingest.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Finds the hand-written fixtures in {@code src/test/resources/dev/paperboy/ingest/}. */
public final class Fixtures {
  private Fixtures() {}

  /** {@code path} relative to {@code dev/paperboy/ingest/}, e.g. {@code hf/2025-06-16.json}. */
  public static Path path(String path) {
    URL url = Fixtures.class.getResource("/dev/paperboy/ingest/" + path);
    if (url == null) {
      throw new IllegalArgumentException("no fixture " + path);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Copies {@code fixture} gzipped into {@code dir} under {@code name}. */
  public static Path gzip(String fixture, Path dir, String name) {
    Path out = dir.resolve(name);
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(out))) {
      o.write(Files.readAllBytes(path(fixture)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Copies {@code fixture} into {@code dir} under {@code name}. */
  public static Path copy(String fixture, Path dir, String name) {
    try {
      return Files.copy(path(fixture), dir.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
