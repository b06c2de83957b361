package dev.paperboy.core.digest;

import dev.paperboy.core.paper.Categories;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a subscriber wants: how often, which sections, which categories, and what to get on days
 * without an announcement; and whether deliveries are paused.
 *
 * @param content the sections to include, at least one
 * @param categories arXiv categories ({@code cs.CL}) or whole archives ({@code cs}) a paper must be
 *     listed in (primary or cross-list) to be included; empty for every category. Canonical codes,
 *     sorted; at most {@value #MAX_CATEGORIES}.
 * @param paused true while the subscriber wants no digests (they keep their settings)
 */
public record DigestPreferences(
    Cadence cadence,
    Set<Section> content,
    Set<String> categories,
    QuietDays quietDays,
    boolean paused) {

  public static final int MAX_CATEGORIES = 40;

  public DigestPreferences {
    if (cadence == null || quietDays == null) {
      throw new IllegalArgumentException(
          "cadence and quietDays must not be null, cadence: " + cadence);
    }
    if (content == null || content.isEmpty()) {
      throw new IllegalArgumentException(
          "content must name at least one section (trending, picks, alerts)");
    }
    content = Collections.unmodifiableSet(EnumSet.copyOf(content));
    categories = checkCategories(categories == null ? Set.of() : categories);
  }

  /** A new subscriber's preferences: daily, every section, all categories, a note on quiet days. */
  public static DigestPreferences defaults() {
    return new DigestPreferences(
        Cadence.DAILY, EnumSet.allOf(Section.class), Set.of(), QuietDays.NOTE, false);
  }

  public DigestPreferences withCadence(Cadence c) {
    return new DigestPreferences(c, content, categories, quietDays, paused);
  }

  public DigestPreferences withContent(Set<Section> c) {
    return new DigestPreferences(cadence, c, categories, quietDays, paused);
  }

  public DigestPreferences withCategories(Set<String> c) {
    return new DigestPreferences(cadence, content, c, quietDays, paused);
  }

  public DigestPreferences withQuietDays(QuietDays q) {
    return new DigestPreferences(cadence, content, categories, q, paused);
  }

  public DigestPreferences withPaused(boolean p) {
    return new DigestPreferences(cadence, content, categories, quietDays, p);
  }

  public boolean wants(Section s) {
    return content.contains(s);
  }

  /**
   * True when a paper listed in {@code paperCategories} belongs in this subscriber's digest: any
   * category when none is chosen, else one of the chosen categories or a category of a chosen
   * archive. A paper without categories (some Hugging Face entries) belongs only to digests without
   * a category filter.
   */
  public boolean includes(Collection<String> paperCategories) {
    if (categories.isEmpty()) {
      return true;
    }
    for (String c : paperCategories) {
      if (categories.contains(c)) {
        return true;
      }
      int dot = c.indexOf('.');
      if (dot > 0 && categories.contains(c.substring(0, dot))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The categories as typed or ticked, checked against the arXiv taxonomy and made canonical
   * ({@code cs.SY} becomes {@code eess.SY}).
   *
   * @throws IllegalArgumentException naming the first unknown code
   */
  public static Set<String> checkCategories(Collection<String> codes) {
    TreeSet<String> out = new TreeSet<>();
    Categories taxonomy = Categories.arxiv();
    for (String code : codes) {
      if (code == null || code.isBlank()) {
        continue;
      }
      String c = code.strip();
      if (!c.contains(".") && taxonomy.archiveName(c).isPresent()) {
        out.add(c);
        continue;
      }
      out.add(
          taxonomy
              .canonical(c)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "unknown arXiv category '"
                              + (c.length() > 40 ? c.substring(0, 40) + "..." : c)
                              + "' (expected a code such as cs.CL, or an archive such as cs)")));
    }
    if (out.size() > MAX_CATEGORIES) {
      throw new IllegalArgumentException(
          "at most " + MAX_CATEGORIES + " categories, got " + out.size());
    }
    return Collections.unmodifiableSet(out);
  }

  /** The sections as codes, in message order: {@code alerts,picks,trending}. */
  public List<String> contentCodes() {
    return content.stream().map(Section::code).toList();
  }
}
