package dev.paperboy.core.library;

import java.util.Locale;

/** What a reader can follow. */
public enum FollowKind {
  /** An author, by normalised name ({@link AuthorNames#key}). */
  AUTHOR("author"),
  /** An arXiv category code, e.g. cs.CL. */
  CATEGORY("category");

  private final String code;

  FollowKind(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** The kind named {@code code} ({@code author} or {@code category}). */
  public static FollowKind parse(String code) {
    String c = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
    for (FollowKind k : values()) {
      if (k.code.equals(c)) {
        return k;
      }
    }
    throw new IllegalArgumentException("kind must be author or category, kind: \"" + code + "\"");
  }
}
