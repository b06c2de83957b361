package dev.paperboy.core.paper;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A paper's metadata as of its latest known version.
 *
 * <p>Text fields are stored normalised ({@link Text}): titles on one line, abstracts with wrapped
 * lines joined and paragraphs separated by a blank line. Lists are never null and are immutable.
 *
 * @param version the latest known version, 0 when no source said
 * @param categories all arXiv categories, primary first; empty when the source gave none (HF)
 * @param submitted date of the first version (UTC)
 * @param updated date of the latest version (UTC)
 * @param listingDate the day arXiv first announced the paper
 * @param codeUrl a code repository (GitHub, GitLab, ...)
 * @param versions every version seen, ascending; may be empty when sources gave no history
 * @param withdrawn true when the latest version withdraws the paper
 * @param codeUrlFromText true when {@code codeUrl} was found in the paper's own text (abstract or
 *     comments, {@link CodeLinks}) rather than given by a curated source (Hugging Face's {@code
 *     githubRepo}, a person); a curated link replaces a found one ({@link PaperMerge}). Always
 *     false when there is no code URL.
 */
public record Paper(
    ArxivId id,
    int version,
    String title,
    String abstractText,
    List<String> authors,
    @Nullable String primaryCategory,
    List<String> categories,
    @Nullable String comments,
    @Nullable String journalRef,
    @Nullable String doi,
    @Nullable String license,
    @Nullable LocalDate submitted,
    @Nullable LocalDate updated,
    @Nullable LocalDate listingDate,
    @Nullable String codeUrl,
    @Nullable String projectPage,
    List<PaperVersion> versions,
    @Nullable String aiSummary,
    List<String> aiKeywords,
    @Nullable Integer githubStars,
    boolean withdrawn,
    boolean codeUrlFromText) {

  public Paper {
    if (id == null) {
      throw new IllegalArgumentException("paper id must not be null");
    }
    if (version < 0) {
      throw new IllegalArgumentException(
          "version must be >= 0, id: " + id + ", version: " + version);
    }
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("title must not be blank, id: " + id);
    }
    if (abstractText == null) {
      throw new IllegalArgumentException("abstract must not be null, id: " + id);
    }
    authors = List.copyOf(authors == null ? List.of() : authors);
    categories = List.copyOf(categories == null ? List.of() : categories);
    if (primaryCategory == null && !categories.isEmpty()) {
      primaryCategory = categories.get(0);
    }
    if (primaryCategory != null && !categories.contains(primaryCategory)) {
      List<String> all = new ArrayList<>(categories.size() + 1);
      all.add(primaryCategory);
      all.addAll(categories);
      categories = List.copyOf(all);
    }
    versions = List.copyOf(versions == null ? List.of() : versions.stream().sorted().toList());
    aiKeywords = List.copyOf(aiKeywords == null ? List.of() : aiKeywords);
    if (codeUrl == null) {
      codeUrlFromText = false;
    }
    if (githubStars != null && githubStars < 0) {
      throw new IllegalArgumentException(
          "githubStars must be >= 0, id: " + id + ", githubStars: " + githubStars);
    }
  }

  public static Builder builder(ArxivId id, String title) {
    return new Builder(id, title);
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The date a reader would call the paper's date: announced, else submitted, else updated. */
  public @Nullable LocalDate displayDate() {
    if (listingDate != null) {
      return listingDate;
    }
    return submitted != null ? submitted : updated;
  }

  /**
   * The latest version when the paper was revised, for "updated to v3 on 2026-10-30": its number
   * and date from {@link #versions()}, else {@link #version()} with {@link #updated()}. Empty for a
   * paper still at v1, or whose version is unknown (0) or undated.
   */
  public Optional<PaperVersion> latestRevision() {
    if (version < 2) {
      return Optional.empty();
    }
    for (PaperVersion v : versions) {
      if (v.number() == version) {
        return Optional.of(v);
      }
    }
    return updated == null ? Optional.empty() : Optional.of(new PaperVersion(version, updated));
  }

  public boolean hasCode() {
    return codeUrl != null && !codeUrl.isBlank();
  }

  /** A mutable helper to build a {@link Paper}; validation happens in {@link #build()}. */
  public static final class Builder {
    private ArxivId id;
    private int version;
    private String title;
    private String abstractText = "";
    private List<String> authors = List.of();
    private @Nullable String primaryCategory;
    private List<String> categories = List.of();
    private @Nullable String comments;
    private @Nullable String journalRef;
    private @Nullable String doi;
    private @Nullable String license;
    private @Nullable LocalDate submitted;
    private @Nullable LocalDate updated;
    private @Nullable LocalDate listingDate;
    private @Nullable String codeUrl;
    private @Nullable String projectPage;
    private List<PaperVersion> versions = List.of();
    private @Nullable String aiSummary;
    private List<String> aiKeywords = List.of();
    private @Nullable Integer githubStars;
    private boolean withdrawn;
    private boolean codeUrlFromText;

    private Builder(ArxivId id, String title) {
      this.id = id;
      this.title = title;
    }

    private Builder(Paper p) {
      id = p.id;
      version = p.version;
      title = p.title;
      abstractText = p.abstractText;
      authors = p.authors;
      primaryCategory = p.primaryCategory;
      categories = p.categories;
      comments = p.comments;
      journalRef = p.journalRef;
      doi = p.doi;
      license = p.license;
      submitted = p.submitted;
      updated = p.updated;
      listingDate = p.listingDate;
      codeUrl = p.codeUrl;
      projectPage = p.projectPage;
      versions = p.versions;
      aiSummary = p.aiSummary;
      aiKeywords = p.aiKeywords;
      githubStars = p.githubStars;
      withdrawn = p.withdrawn;
      codeUrlFromText = p.codeUrlFromText;
    }

    public Builder id(ArxivId v) {
      id = v;
      return this;
    }

    public Builder version(int v) {
      version = v;
      return this;
    }

    public Builder title(String v) {
      title = v;
      return this;
    }

    public Builder abstractText(String v) {
      abstractText = v;
      return this;
    }

    public Builder authors(List<String> v) {
      authors = v;
      return this;
    }

    public Builder primaryCategory(@Nullable String v) {
      primaryCategory = v;
      return this;
    }

    public Builder categories(List<String> v) {
      categories = v;
      return this;
    }

    public Builder comments(@Nullable String v) {
      comments = v;
      return this;
    }

    public Builder journalRef(@Nullable String v) {
      journalRef = v;
      return this;
    }

    public Builder doi(@Nullable String v) {
      doi = v;
      return this;
    }

    public Builder license(@Nullable String v) {
      license = v;
      return this;
    }

    public Builder submitted(@Nullable LocalDate v) {
      submitted = v;
      return this;
    }

    public Builder updated(@Nullable LocalDate v) {
      updated = v;
      return this;
    }

    public Builder listingDate(@Nullable LocalDate v) {
      listingDate = v;
      return this;
    }

    /** A code link from a curated source (or a person): it wins over a link found in text. */
    public Builder codeUrl(@Nullable String v) {
      return codeUrl(v, false);
    }

    /**
     * A code link and where it came from.
     *
     * @param fromText true when it was found in the paper's abstract or comments ({@link
     *     CodeLinks}), false when a curated source gave it
     */
    public Builder codeUrl(@Nullable String v, boolean fromText) {
      codeUrl = v;
      codeUrlFromText = fromText;
      return this;
    }

    public Builder projectPage(@Nullable String v) {
      projectPage = v;
      return this;
    }

    public Builder versions(List<PaperVersion> v) {
      versions = v;
      return this;
    }

    public Builder aiSummary(@Nullable String v) {
      aiSummary = v;
      return this;
    }

    public Builder aiKeywords(List<String> v) {
      aiKeywords = v;
      return this;
    }

    public Builder githubStars(@Nullable Integer v) {
      githubStars = v;
      return this;
    }

    public Builder withdrawn(boolean v) {
      withdrawn = v;
      return this;
    }

    public Paper build() {
      return new Paper(
          id,
          version,
          title,
          abstractText,
          authors,
          primaryCategory,
          categories,
          comments,
          journalRef,
          doi,
          license,
          submitted,
          updated,
          listingDate,
          codeUrl,
          projectPage,
          versions,
          aiSummary,
          aiKeywords,
          githubStars,
          withdrawn,
          codeUrlFromText);
    }
  }
}
