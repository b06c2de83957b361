package dev.paperboy.ingest.support;

import dev.paperboy.core.paper.VersionedId;

/** Parses arXiv ids from source fields, rejecting bad ones with a reason naming the field. */
public final class Ids {
  private Ids() {}

  /**
   * Parses {@code [arXiv:]id[vN]}.
   *
   * @throws BadRecordException {@code bad id: not an arXiv id: 'x' (expected e.g. ...)}
   */
  public static VersionedId parse(String text, String field) {
    try {
      return VersionedId.parse(text);
    } catch (IllegalArgumentException e) {
      throw new BadRecordException("bad " + field + ": " + e.getMessage());
    }
  }
}
