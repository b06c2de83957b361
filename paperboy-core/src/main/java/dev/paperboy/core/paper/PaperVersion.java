package dev.paperboy.core.paper;

import java.time.LocalDate;

/** One version of a paper as arXiv records it: {@code v2} submitted on a date (UTC). */
public record PaperVersion(int number, LocalDate date) implements Comparable<PaperVersion> {

  public PaperVersion {
    if (number < 1) {
      throw new IllegalArgumentException("version number must be >= 1, number: " + number);
    }
    if (date == null) {
      throw new IllegalArgumentException("version date must not be null, version: v" + number);
    }
  }

  @Override
  public int compareTo(PaperVersion o) {
    return Integer.compare(number, o.number);
  }
}
