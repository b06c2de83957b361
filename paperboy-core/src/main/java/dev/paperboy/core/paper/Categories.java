package dev.paperboy.core.paper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * arXiv's category taxonomy: codes such as {@code cs.CL} with their names, aliases ({@code cs.SY}
 * is {@code eess.SY}) and archives. Loaded once from the bundled {@code arxiv-categories.tsv}.
 *
 * <p>Sources sometimes put ACM or MSC classes ({@code I.2.7}, {@code 68T50}) among categories;
 * {@link #canonical} returns empty for those so importers can drop them.
 */
public final class Categories {
  /** A category of the taxonomy. */
  public record Category(String code, String name, String archive, boolean active) {}

  private static final Categories DEFAULT = load();

  private final Map<String, Category> categories;
  private final Map<String, String> aliases;
  private final Map<String, String> archives;
  private final Map<String, String> lowerCase;

  private Categories(
      Map<String, Category> categories, Map<String, String> aliases, Map<String, String> archives) {
    this.categories = Collections.unmodifiableMap(categories);
    this.aliases = Collections.unmodifiableMap(aliases);
    this.archives = Collections.unmodifiableMap(archives);
    // No two codes of the taxonomy differ only in case (CategoriesTest checks), so a lower-cased
    // code names one category.
    Map<String, String> lower = new LinkedHashMap<>();
    categories.keySet().forEach(c -> lower.put(c.toLowerCase(Locale.ROOT), c));
    aliases.keySet().forEach(a -> lower.put(a.toLowerCase(Locale.ROOT), aliases.get(a)));
    this.lowerCase = Collections.unmodifiableMap(lower);
  }

  /** The taxonomy bundled with Paperboy. */
  public static Categories arxiv() {
    return DEFAULT;
  }

  /** The canonical code for {@code code} (resolving aliases), or empty if it is no category. */
  public Optional<String> canonical(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String c = code.strip();
    String alias = aliases.get(c);
    if (alias != null) {
      return Optional.of(alias);
    }
    return categories.containsKey(c) ? Optional.of(c) : Optional.empty();
  }

  /**
   * Like {@link #canonical}, but {@code cs.cl} or {@code CS.CL} is {@code cs.CL} too: for what
   * people type (URLs), not for source data, where a wrong case is worth noticing.
   */
  public Optional<String> canonicalIgnoringCase(String code) {
    if (code == null) {
      return Optional.empty();
    }
    Optional<String> exact = canonical(code);
    if (exact.isPresent()) {
      return exact;
    }
    return Optional.ofNullable(lowerCase.get(code.strip().toLowerCase(Locale.ROOT)));
  }

  public Optional<Category> find(String code) {
    return canonical(code).map(categories::get);
  }

  /** The category's name, or the code itself when it is unknown. */
  public String name(String code) {
    return find(code).map(Category::name).orElse(code);
  }

  /** The name of an archive such as {@code cs} ("Computer Science"). */
  public Optional<String> archiveName(String archive) {
    return Optional.ofNullable(archives.get(archive));
  }

  /**
   * The archive {@code code} names, ignoring case ({@code CS} is {@code cs}), or empty when it is
   * no archive.
   */
  public Optional<String> archiveIgnoringCase(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String c = code.strip();
    return archives.keySet().stream().filter(a -> a.equalsIgnoreCase(c)).findFirst();
  }

  /** The active categories of an archive ({@code cs}: cs.AI, cs.AR, ...), in code order. */
  public List<Category> activeIn(String archive) {
    return active().stream().filter(c -> c.archive().equals(archive)).toList();
  }

  /** Every active category, in code order. */
  public List<Category> active() {
    return categories.values().stream().filter(Category::active).toList();
  }

  private static Categories load() {
    Map<String, Category> categories = new LinkedHashMap<>();
    Map<String, String> aliases = new LinkedHashMap<>();
    Map<String, String> archives = new LinkedHashMap<>();
    try (InputStream in = Categories.class.getResourceAsStream("arxiv-categories.tsv")) {
      if (in == null) {
        throw new IllegalStateException("arxiv-categories.tsv is missing from the classpath");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        switch (f[0]) {
          case "@archive" -> archives.put(f[1], f[2]);
          case "@alias", "@subsumed" -> aliases.put(f[1], f[2]);
          default ->
              categories.put(f[0], new Category(f[0], f[1], f[2], Boolean.parseBoolean(f[3])));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Categories(categories, aliases, archives);
  }
}
