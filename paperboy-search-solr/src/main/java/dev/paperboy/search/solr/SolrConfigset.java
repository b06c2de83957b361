package dev.paperboy.search.solr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The configset the project owns ({@code schema.xml}, {@code solrconfig.xml}, {@code
 * stopwords.txt}), shipped inside this jar and uploaded by {@link SolrAdmin#init}.
 */
public final class SolrConfigset {
  /**
   * The configset's name in the cluster; the number changes whenever the files change what is
   * indexed, so a new collection gets the new files while the old one keeps its own. v2: the {@code
   * author} field ({@code text_author}, case and accents folded). v3: titles and abstracts fold
   * accents too ({@code text_paper} gains {@code asciiFolding}).
   */
  public static final String NAME = "paperboy-v3";

  /** The files, relative to the configset's root. */
  public static final List<String> FILES = List.of("schema.xml", "solrconfig.xml", "stopwords.txt");

  private static final String ROOT = "/dev/paperboy/search/solr/configset/";

  private SolrConfigset() {}

  /** One file's bytes. */
  public static byte[] file(String name) {
    try (InputStream in = SolrConfigset.class.getResourceAsStream(ROOT + name)) {
      if (in == null) {
        throw new IllegalStateException("configset file missing from the jar: " + ROOT + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read configset file " + name, e);
    }
  }

  /** The configset as the zip file Solr's configset API takes. */
  public static byte[] zip() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (String name : FILES) {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(file(name));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the configset zip", e);
    }
    return bytes.toByteArray();
  }
}
