package dev.paperboy.core.digest;

import dev.paperboy.core.paper.ArxivId;

/** One paper in a digest: in which section, and why. */
public record DigestItem(ArxivId paper, Section section, Reason reason) {
  public DigestItem {
    if (paper == null || section == null || reason == null) {
      throw new IllegalArgumentException(
          "paper, section and reason must not be null, paper: " + paper);
    }
  }
}
