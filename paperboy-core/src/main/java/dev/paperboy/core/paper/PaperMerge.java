package dev.paperboy.core.paper;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BinaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Merges what a source says about a paper into what is already known, so that every importer and
 * every store applies the same rule.
 *
 * <p>The rule: the <em>newer</em> record (higher version; on a tie, later update date) supplies the
 * metadata of the latest version (title, abstract, authors, categories, comments, ...). Fields the
 * newer record lacks are filled from the older one. Dates merge by meaning: first submission and
 * first listing take the earliest, last update the latest. Links and curated extras (code, project
 * page, AI summary) keep the value first seen and are only filled when missing.
 *
 * <p>The code link has two kinds ({@link Paper#codeUrlFromText()}): a <em>curated</em> link (from
 * Hugging Face's {@code githubRepo}, or a person) and one <em>found in the paper's text</em>
 * ({@link CodeLinks}). A curated link always wins over a found one, and between curated links the
 * first seen is kept; a found link follows the text it was found in, so it comes from the newer
 * record like the abstract and comments do.
 *
 * <p>The merge is idempotent: {@code merge(merge(a, b), b).equals(merge(a, b))}, so importing the
 * same file twice changes nothing the second time, whatever else was imported in between.
 */
public final class PaperMerge {
  private PaperMerge() {}

  public static Paper merge(Paper stored, Paper incoming) {
    if (!stored.id().equals(incoming.id())) {
      throw new IllegalArgumentException(
          "cannot merge different papers: " + stored.id() + " and " + incoming.id());
    }
    boolean incomingNewer = isNewer(incoming, stored);
    Paper base = incomingNewer ? incoming : stored;
    Paper other = incomingNewer ? stored : incoming;
    boolean baseHasCategories = !base.categories().isEmpty();
    return Paper.builder(base.id(), base.title())
        .version(Math.max(base.version(), other.version()))
        .abstractText(base.abstractText().isBlank() ? other.abstractText() : base.abstractText())
        .authors(base.authors().isEmpty() ? other.authors() : base.authors())
        .primaryCategory(baseHasCategories ? base.primaryCategory() : other.primaryCategory())
        .categories(baseHasCategories ? base.categories() : other.categories())
        .comments(first(base.comments(), other.comments()))
        .journalRef(first(base.journalRef(), other.journalRef()))
        .doi(first(base.doi(), other.doi()))
        .license(first(base.license(), other.license()))
        .submitted(pick(base.submitted(), other.submitted(), PaperMerge::earlier))
        .updated(pick(base.updated(), other.updated(), PaperMerge::later))
        .listingDate(pick(base.listingDate(), other.listingDate(), PaperMerge::earlier))
        .codeUrl(codeUrl(stored, incoming, base, other), curated(stored, incoming) == null)
        .projectPage(first(stored.projectPage(), incoming.projectPage()))
        .versions(unionVersions(base.versions(), other.versions()))
        .aiSummary(first(stored.aiSummary(), incoming.aiSummary()))
        .aiKeywords(stored.aiKeywords().isEmpty() ? incoming.aiKeywords() : stored.aiKeywords())
        .githubStars(pick(stored.githubStars(), incoming.githubStars(), Math::max))
        .withdrawn(base.withdrawn())
        .build();
  }

  /** True when {@code a} describes a later version than {@code b}. */
  public static boolean isNewer(Paper a, Paper b) {
    if (a.version() != b.version()) {
      return a.version() > b.version();
    }
    return a.updated() != null && (b.updated() == null || a.updated().isAfter(b.updated()));
  }

  private static @Nullable String codeUrl(Paper stored, Paper incoming, Paper base, Paper other) {
    String curated = curated(stored, incoming);
    if (curated != null) {
      return curated;
    }
    return first(foundInText(base), foundInText(other));
  }

  private static @Nullable String curated(Paper stored, Paper incoming) {
    return first(curated(stored), curated(incoming));
  }

  private static @Nullable String curated(Paper p) {
    return p.codeUrl() != null && !p.codeUrlFromText() ? p.codeUrl() : null;
  }

  private static @Nullable String foundInText(Paper p) {
    return p.codeUrlFromText() ? p.codeUrl() : null;
  }

  private static <T> @Nullable T first(@Nullable T a, @Nullable T b) {
    return a != null ? a : b;
  }

  private static <T> @Nullable T pick(@Nullable T a, @Nullable T b, BinaryOperator<T> both) {
    if (a == null) {
      return b;
    }
    return b == null ? a : both.apply(a, b);
  }

  private static LocalDate earlier(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? b : a;
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static List<PaperVersion> unionVersions(
      List<PaperVersion> base, List<PaperVersion> other) {
    if (other.isEmpty()) {
      return base;
    }
    Map<Integer, PaperVersion> byNumber = new TreeMap<>();
    for (PaperVersion v : other) {
      byNumber.put(v.number(), v);
    }
    for (PaperVersion v : base) {
      byNumber.put(v.number(), v);
    }
    return new ArrayList<>(byNumber.values());
  }
}
