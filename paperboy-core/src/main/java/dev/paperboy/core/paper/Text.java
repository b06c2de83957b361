package dev.paperboy.core.paper;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Normalises the whitespace of arXiv text fields, which keep the submitter's hard line wraps. */
public final class Text {
  private static final Pattern SPACES = Pattern.compile("\\s+");
  // arXiv abstracts wrap lines at ~80 columns; a line that starts with whitespace begins a new
  // paragraph (that is how the abs page decides where to put paragraph breaks).
  private static final Pattern PARAGRAPH = Pattern.compile("\\n[ \\t]+|\\n{2,}");

  private Text() {}

  /** A title on one line: every whitespace run becomes one space, ends stripped. */
  public static String oneLine(@Nullable String s) {
    return s == null ? "" : SPACES.matcher(s).replaceAll(" ").strip();
  }

  /** Same as {@link #oneLine} but null for null or blank input. */
  public static @Nullable String oneLineOrNull(@Nullable String s) {
    String t = oneLine(s);
    return t.isEmpty() ? null : t;
  }

  /** An abstract: wrapped lines joined, paragraphs separated by exactly one blank line. */
  public static String paragraphs(@Nullable String s) {
    if (s == null) {
      return "";
    }
    String[] paras = PARAGRAPH.split(s.replace("\r\n", "\n").strip());
    StringBuilder out = new StringBuilder(s.length());
    for (String p : paras) {
      String line = oneLine(p);
      if (line.isEmpty()) {
        continue;
      }
      if (!out.isEmpty()) {
        out.append("\n\n");
      }
      out.append(line);
    }
    return out.toString();
  }
}
