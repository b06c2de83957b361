package dev.paperboy.web.view;

import dev.paperboy.core.paper.Categories;
import dev.paperboy.core.paper.DailyEntry;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.core.search.Highlighted;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Builds {@link Views.PaperCard}s from papers and their entries. */
public final class Cards {
  /** Authors shown on a list before "+N". */
  static final int AUTHORS_ON_CARD = 6;

  /** The length the abstract's teaser is cut near. */
  static final int TEASER = 320;

  private Cards() {}

  /** A card for a paper on a list. */
  public static Views.PaperCard card(
      int rank, Paper p, @Nullable DailyEntry entry, int upvotes, @Nullable Double score) {
    return build(rank, p, entry == null ? null : entry.day(), upvotes, score, null, null);
  }

  /** A card for a search hit. */
  public static Views.PaperCard hit(
      int rank, Paper p, int upvotes, Highlighted title, Highlighted snippet) {
    return build(rank, p, null, upvotes, null, title.hasMatch() ? title : null, snippet);
  }

  /** The start of the paper's abstract, for descriptions. */
  public static String teaserOf(Paper p) {
    return teaser(p.abstractText());
  }

  private static Views.PaperCard build(
      int rank,
      Paper p,
      @Nullable LocalDate day,
      int upvotes,
      @Nullable Double score,
      @Nullable Highlighted title,
      @Nullable Highlighted snippet) {
    List<String> authors = p.authors();
    List<String> shown =
        authors.size() <= AUTHORS_ON_CARD + 1 ? authors : authors.subList(0, AUTHORS_ON_CARD);
    List<String> paragraphs = paragraphs(p.abstractText());
    String teaser = teaser(p.abstractText());
    String code = Fmt.safeUrl(p.codeUrl());
    return new Views.PaperCard(
        rank,
        p.id().value(),
        p.title(),
        title,
        shown,
        authors.size() - shown.size(),
        categories(p),
        teaser,
        paragraphs,
        !teaser.equals(p.abstractText().replace("\n\n", " ")),
        snippet,
        upvotes,
        0,
        code == null ? null : new Views.Link(code, Fmt.codeLabel(code)),
        p.githubStars(),
        Fmt.safeUrl(p.projectPage()),
        p.id().absUrl(),
        p.id().pdfUrl(),
        day,
        p.displayDate(),
        score == null ? null : String.format(Locale.ENGLISH, "%.1f", score),
        p.aiSummary(),
        false,
        null);
  }

  /** The same card with what the community features know: the viewer's vote, the comments. */
  public static Views.PaperCard withCommunity(Views.PaperCard c, boolean upvoted, int numComments) {
    return new Views.PaperCard(
        c.rank(),
        c.id(),
        c.title(),
        c.titleMarks(),
        c.authors(),
        c.moreAuthors(),
        c.categories(),
        c.teaser(),
        c.abstractParagraphs(),
        c.longAbstract(),
        c.snippet(),
        c.upvotes(),
        numComments,
        c.code(),
        c.githubStars(),
        c.projectPage(),
        c.absUrl(),
        c.pdfUrl(),
        c.day(),
        c.date(),
        c.score(),
        c.aiSummary(),
        upvoted,
        c.saved());
  }

  /** The same card knowing whether the viewer saved the paper to their library. */
  public static Views.PaperCard withSaved(Views.PaperCard c, boolean saved) {
    return new Views.PaperCard(
        c.rank(),
        c.id(),
        c.title(),
        c.titleMarks(),
        c.authors(),
        c.moreAuthors(),
        c.categories(),
        c.teaser(),
        c.abstractParagraphs(),
        c.longAbstract(),
        c.snippet(),
        c.upvotes(),
        c.numComments(),
        c.code(),
        c.githubStars(),
        c.projectPage(),
        c.absUrl(),
        c.pdfUrl(),
        c.day(),
        c.date(),
        c.score(),
        c.aiSummary(),
        c.upvoted(),
        saved);
  }

  /** The paper's categories with names, primary first; codes outside the taxonomy are dropped. */
  public static List<Views.CategoryTag> categories(Paper p) {
    Categories tax = Categories.arxiv();
    List<Views.CategoryTag> out = new ArrayList<>();
    for (String c : p.categories()) {
      tax.canonical(c)
          .ifPresent(
              code -> {
                if (out.stream().noneMatch(t -> t.code().equals(code))) {
                  out.add(
                      new Views.CategoryTag(code, tax.name(code), c.equals(p.primaryCategory())));
                }
              });
    }
    return out;
  }

  static List<String> paragraphs(String abstractText) {
    List<String> out = new ArrayList<>();
    for (String para : abstractText.split("\n\n")) {
      if (!para.isBlank()) {
        out.add(para.strip());
      }
    }
    return out;
  }

  /** The abstract's start, cut at a word near {@link #TEASER} characters, with an ellipsis. */
  static String teaser(String abstractText) {
    String flat = abstractText.replace("\n\n", " ");
    if (flat.length() <= TEASER + 40) {
      return flat;
    }
    int cut = flat.lastIndexOf(' ', TEASER);
    if (cut < TEASER / 2) {
      cut = TEASER;
    }
    return flat.substring(0, cut).stripTrailing() + "\u2026";
  }
}
