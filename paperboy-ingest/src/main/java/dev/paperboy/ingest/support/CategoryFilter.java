package dev.paperboy.ingest.support;

import dev.paperboy.core.paper.Categories;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps the arXiv categories of a record, canonical ({@code cs.SY} becomes {@code eess.SY}), in
 * order, without repeats, and drops what is not an arXiv category.
 *
 * <p>Listing crawlers sometimes put ACM or MSC classes ({@code I.2.7}, {@code 68T50}) or free text
 * ({@code na}) among the categories. Those are no reason to reject a record: they are dropped and
 * counted, for a debug line at the end of the file. A value such as {@code "cs.CV, cs.MM"} (two
 * categories in one string) is split on commas and whitespace first, so its categories are kept.
 */
public final class CategoryFilter {
  private static final Pattern SEPARATORS = Pattern.compile("[,;\\s]+");

  private final Categories taxonomy;
  private long dropped;

  public CategoryFilter(Categories taxonomy) {
    this.taxonomy = taxonomy;
  }

  public CategoryFilter() {
    this(Categories.arxiv());
  }

  /** The canonical arXiv categories among {@code values}, first occurrence order. */
  public List<String> keep(List<String> values) {
    Set<String> out = new LinkedHashSet<>();
    for (String v : values) {
      for (String token : SEPARATORS.split(v.strip())) {
        if (token.isEmpty()) {
          continue;
        }
        taxonomy.canonical(token).ifPresentOrElse(out::add, () -> dropped++);
      }
    }
    return new ArrayList<>(out);
  }

  /** The categories in a space-separated string, as arXiv's metadata formats write them. */
  public List<String> keep(String spaceSeparated) {
    return keep(List.of(spaceSeparated));
  }

  /** How many values were dropped so far. */
  public long dropped() {
    return dropped;
  }
}
