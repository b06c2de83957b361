package dev.paperboy.web;

import dev.paperboy.core.paper.Categories;
import dev.paperboy.core.paper.DailyEntry;
import dev.paperboy.core.paper.Paper;
import dev.paperboy.web.view.Cards;
import dev.paperboy.web.view.Fmt;
import dev.paperboy.web.view.Views;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A paper as Markdown ({@code text/markdown}, RFC 7763): for pasting into notes, or for tools that
 * read Markdown. Text from the data is escaped so it renders as text in any CommonMark renderer,
 * including {@code <script>} in a title.
 */
final class PaperMarkdown {
  // CommonMark lets a backslash escape any ASCII punctuation (spec 0.31, section 2.4); these are
  // the ones that can start markup inline or at the start of a line.
  private static final Pattern SPECIAL = Pattern.compile("([\\\\`*_{}\\[\\]()<>#+!|~&])");

  private PaperMarkdown() {}

  static String render(Paper p, List<DailyEntry> featured, int upvotes) {
    StringBuilder md = new StringBuilder(2048);
    md.append("# ").append(esc(p.title())).append("\n\n");
    md.append("**Authors:** ").append(esc(String.join(", ", p.authors()))).append("  \n");
    md.append("**arXiv:** [")
        .append(p.id().value())
        .append("](")
        .append(p.id().absUrl())
        .append(") · [PDF](")
        .append(p.id().pdfUrl())
        .append(")  \n");
    if (p.displayDate() != null) {
      md.append("**Published:** ").append(p.displayDate()).append("  \n");
    }
    List<Views.CategoryTag> cats = Cards.categories(p);
    if (!cats.isEmpty()) {
      md.append("**Categories:** ");
      for (int i = 0; i < cats.size(); i++) {
        Views.CategoryTag c = cats.get(i);
        md.append(i == 0 ? "" : ", ")
            .append(c.code())
            .append(" (")
            .append(esc(Categories.arxiv().name(c.code())))
            .append(')');
      }
      md.append("  \n");
    }
    String code = Fmt.safeUrl(p.codeUrl());
    if (code != null) {
      md.append("**Code:** <").append(code).append(">  \n");
    }
    String project = Fmt.safeUrl(p.projectPage());
    if (project != null) {
      md.append("**Project page:** <").append(project).append(">  \n");
    }
    if (p.comments() != null) {
      md.append("**Comments:** ").append(esc(p.comments())).append("  \n");
    }
    if (p.journalRef() != null) {
      md.append("**Journal reference:** ").append(esc(p.journalRef())).append("  \n");
    }
    if (p.doi() != null) {
      md.append("**DOI:** ").append(esc(p.doi())).append("  \n");
    }
    md.append("**Upvotes:** ").append(upvotes).append('\n');
    md.append("\n## Abstract\n\n");
    for (String para : p.abstractText().split("\n\n")) {
      if (!para.isBlank()) {
        md.append(esc(para.strip())).append("\n\n");
      }
    }
    if (p.aiSummary() != null) {
      md.append("## Summary\n\n").append(esc(p.aiSummary())).append("\n\n");
    }
    if (!featured.isEmpty()) {
      md.append("## Featured on\n\n");
      for (DailyEntry e : featured) {
        md.append("- ")
            .append(e.day())
            .append(" — ")
            .append(PageRoutes.sourceLabel(e.source()))
            .append(", ")
            .append(e.upvotes())
            .append(e.upvotes() == 1 ? " upvote" : " upvotes")
            .append('\n');
      }
    }
    return md.toString();
  }

  /** Escapes Markdown punctuation so the text renders as itself. */
  static String esc(String s) {
    return SPECIAL.matcher(s).replaceAll("\\\\$1");
  }
}
