package dev.paperboy.core.paper;

/**
 * An arXiv id with the version a source named: {@code 2503.11731v2}. Version 0 means the text named
 * no version.
 */
public record VersionedId(ArxivId id, int version) {

  public VersionedId {
    if (id == null) {
      throw new IllegalArgumentException("id must not be null");
    }
    if (version < 0) {
      throw new IllegalArgumentException("version must be >= 0, version: " + version);
    }
  }

  /**
   * Parses {@code [arXiv:]id[vN]}.
   *
   * @throws IllegalArgumentException naming the text and what is wrong with it
   */
  public static VersionedId parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("arXiv id is empty");
    }
    String t = ArxivId.stripPrefix(text);
    int version = ArxivId.versionSuffix(t);
    if (version == 0 && t.matches(".*[vV]0+$")) {
      throw new IllegalArgumentException("not an arXiv id: '" + text + "' (versions start at v1)");
    }
    return new VersionedId(ArxivId.normalise(ArxivId.stripVersion(t), text), version);
  }

  @Override
  public String toString() {
    return version == 0 ? id.value() : id.value() + "v" + version;
  }
}
